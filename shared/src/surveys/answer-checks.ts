import { choiceValue, defaultText, isRecord, type ElementJson, type ValidatorJson } from './definition-types';
import { SurveyModel } from 'survey-core';
import { CompiledCondition } from './expressions';

export type AnswerMode = 'partial' | 'complete';

/** What a check may read besides the value: the mode, the record holding the answer, condition values. */
export interface CheckContext {
  mode: AnswerMode;
  /** The object the answer sits in (the response, or one dynamic panel's item). */
  owner: Record<string, unknown>;
  /** Values conditions see (the response, plus `panel` inside a dynamic panel, `row` inside a matrix row). */
  values: Record<string, unknown>;
  /** The context variable that names the owner in `values` (`panel`); the owner is the values themselves otherwise. */
  ownerVariable?: string;
  /** The owner with expression questions and calculated values computed from the other answers. */
  computed?: Record<string, unknown>;
}

/**
 * Condition values with more context variables (`{item}`, `{row}`, `{panel}`): an object that holds
 * the variables and inherits the outer values. survey-core looks variables up with `for...in`, which
 * sees inherited keys after own ones, so a context variable comes first, as in survey-core's own row
 * and panel contexts. Copying the outer values instead costs tens of microseconds once an object
 * of many answers gets extra keys.
 */
export function withVariables(
  values: Record<string, unknown>,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  return Object.assign(Object.create(values) as Record<string, unknown>, variables);
}

/** Condition values with one more context variable. */
export function withVariable(values: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  return withVariables(values, { [name]: value });
}

/** Reports one problem, optionally below the question (`.row.column`, `[2]`). */
export type Report = (message: string, suffix?: string) => void;
export type ValueCheck = (value: unknown, report: Report, context: CheckContext) => void;

/** Lets a check find another question's element, e.g. for choicesFromQuestion. */
export type ElementLookup = (name: string) => ElementJson | undefined;

const OTHER = 'other';
const EXCLUSIVE_VALUES: Array<[string, string]> = [
  ['showNoneItem', 'none'],
  ['showRefuseItem', 'refused'],
  ['showDontKnowItem', 'dontknow'],
];
interface TextFormat {
  pattern: RegExp;
  message: string;
}
// survey-core's own EmailValidator pattern: a top-level domain of at least two characters.
const EMAIL_FORMAT: TextFormat = {
  pattern:
    /^(([^<>()[\].,;:\s@"]+(\.[^<>()[\].,;:\s@"]+)*)|(".+"))@(([^<>()=[\].,;:\s@"]+\.)+[^<>()=[\].,;:\s@"]{2,})$/i,
  message: 'Expected an e-mail address',
};
const TEXT_FORMATS: Record<string, TextFormat> = {
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'Expected a date (YYYY-MM-DD)' },
  'datetime-local': {
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/,
    message: 'Expected a date and time (YYYY-MM-DDTHH:MM)',
  },
  time: { pattern: /^\d{2}:\d{2}(:\d{2})?$/, message: 'Expected a time (HH:MM)' },
  month: { pattern: /^\d{4}-\d{2}$/, message: 'Expected a month (YYYY-MM)' },
  week: { pattern: /^\d{4}-W\d{2}$/, message: 'Expected a week (YYYY-Www)' },
  email: EMAIL_FORMAT,
  url: { pattern: /^https?:\/\/\S+$/i, message: 'Expected a URL' },
  color: { pattern: /^#[0-9a-fA-F]{6}$/, message: 'Expected a colour (#rrggbb)' },
};
const NUMERIC_INPUT_TYPES = new Set(['number', 'range']);
/** The input types survey-core applies maxLength to (QuestionTextModel.isTextInput). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password']);

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** survey-core's Helpers.isValueEmpty: an object is empty when all its values are (recursively). */
function isValueEmptyDeep(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) {
    for (const key in value) if (!isValueEmptyDeep(value[key])) return false;
    return true;
  }
  return false;
}

/**
 * Whether survey-core calls a question's answer empty when it checks `isRequired` and required
 * panels: text is trimmed, objects of empty values are empty. An empty answer in this sense may
 * still be a well-formed one, so it is checked as well.
 */
export type EmptinessTest = (value: unknown) => boolean;

export const isEmptyForSurveyCore: EmptinessTest = (value) =>
  typeof value === 'string' ? value.trim() === '' : isValueEmptyDeep(value);

/** A dynamic panel is empty when no panel holds a key at all (`[{}]`), whatever its panels' values. */
export const isPanelListEmptyForSurveyCore: EmptinessTest = (value) => {
  if (!Array.isArray(value)) return true;
  for (const panel of value as unknown[])
    if (panel !== null && panel !== undefined && Object.keys(panel).length > 0) return false;
  return true;
};

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A literal min/max; SurveyJS also allows `=expression` bounds, which are evaluated by the form only. */
function literalBound(value: unknown): number | string | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '' && !value.startsWith('=')) return value;
  return undefined;
}

function checkString(value: unknown, report: Report): value is string {
  if (typeof value === 'string') return true;
  report('Expected text');
  return false;
}

function checkMaxLength(value: string, maxLength: number, report: Report): void {
  if (maxLength > 0 && value.length > maxLength) report(`Must be at most ${maxLength} characters`);
}

/** True for `true` and for `"true"`, which survey-core's serializer also reads as true. */
export function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The choices a question accepts, fixed at compile time or read from the answers (conditions, choicesFromQuestion). */
type ChoiceSource = (context: CheckContext) => ReadonlySet<unknown> | null;

interface ConditionalChoice {
  value: unknown;
  conditions: CompiledCondition[];
}

/** A condition that never holds: `visible: false` written in the definition. */
const NEVER = new CompiledCondition('false');

/** Items (choices, rows, columns) shown only when their own visibleIf, or the list's shared one, holds. */
export interface ItemVisibility {
  fixed: unknown[];
  conditional: ConditionalChoice[];
}

/** Splits items into always-shown values and values with conditions (`{item}` names the item's value). */
export function conditionalItems(items: unknown, sharedVisibleIf: unknown): ItemVisibility {
  const fixed: unknown[] = [];
  const conditional: ConditionalChoice[] = [];
  const sharedCondition =
    typeof sharedVisibleIf === 'string' && sharedVisibleIf !== '' ? new CompiledCondition(sharedVisibleIf) : undefined;
  if (!Array.isArray(items)) return { fixed, conditional };
  for (const item of items) {
    const value = choiceValue(item);
    const conditions: CompiledCondition[] = sharedCondition === undefined ? [] : [sharedCondition];
    const own = isRecord(item) ? item.visibleIf : undefined;
    if (typeof own === 'string' && own !== '') conditions.push(new CompiledCondition(own));
    if (isRecord(item) && item.visible === false && (typeof own !== 'string' || own === '')) conditions.push(NEVER);
    if (conditions.length === 0) fixed.push(value);
    else conditional.push({ value, conditions });
  }
  return { fixed, conditional };
}

/** The items shown for these answers. */
export function visibleItems({ fixed, conditional }: ItemVisibility): (context: CheckContext) => unknown[] {
  if (conditional.length === 0) return () => fixed;
  return (context) => {
    const visible = [...fixed];
    for (const choice of conditional) {
      const values = withVariable(context.values, 'item', choice.value);
      if (choice.conditions.every((condition) => condition.run(values))) visible.push(choice.value);
    }
    return visible;
  };
}

function listedChoices(element: ElementJson): ItemVisibility {
  const listed = conditionalItems(element.choices, element.choicesVisibleIf);
  const { choicesMin, choicesMax } = element;
  if (typeof choicesMin === 'number' && typeof choicesMax === 'number') {
    const step = numberOr(element.choicesStep, 1);
    const generated: unknown[] = [];
    for (let value = choicesMin; value <= choicesMax && step > 0; value += step) generated.push(value);
    const more = conditionalItems(generated, element.choicesVisibleIf);
    listed.fixed.push(...more.fixed);
    listed.conditional.push(...more.conditional);
  }
  return listed;
}

/** The built-in items (other, none, refuse, don't know) a question shows. */
function builtInChoices(element: ElementJson): string[] {
  const extras = EXCLUSIVE_VALUES.filter(([property]) => flag(element[property])).map(([, value]) => value);
  if (flag(element.showOtherItem) || flag(element.hasOther)) extras.push(OTHER);
  return extras;
}

/** The question's own choices (no built-in items), evaluated against the answers when conditions apply. */
function ownChoices(element: ElementJson): (context: CheckContext) => unknown[] {
  return visibleItems(listedChoices(element));
}

function choiceSource(element: ElementJson, lookup: ElementLookup): ChoiceSource {
  if (isRecord(element.choicesByUrl)) return () => null;
  const own = ownChoices(element);
  const extras = builtInChoices(element);
  const fromName = element.choicesFromQuestion;
  if (typeof fromName !== 'string' || fromName === '') {
    const listed = listedChoices(element);
    // Choices without conditions are one set, built once per version rather than per answer.
    if (listed.conditional.length === 0) {
      const fixed = new Set([...listed.fixed, ...extras]);
      return () => fixed;
    }
    return (context) => {
      const allowed = new Set(own(context));
      for (const extra of extras) allowed.add(extra);
      return allowed;
    };
  }
  const source = lookup(fromName);
  if (source?.type === 'matrixdynamic' || source?.type === 'paneldynamic') {
    // A dynamic matrix or panel offers one choice per row: its choiceValuesFromQuestion cell, or its first key.
    const valueKey =
      typeof element.choiceValuesFromQuestion === 'string' && element.choiceValuesFromQuestion !== ''
        ? element.choiceValuesFromQuestion
        : undefined;
    return (context) => {
      const allowed = new Set(own(context));
      for (const extra of extras) allowed.add(extra);
      const rows = context.owner[fromName];
      if (!Array.isArray(rows)) return allowed;
      for (const row of rows) {
        if (!isRecord(row)) continue;
        const key = valueKey ?? Object.keys(row)[0];
        if (key !== undefined && !isValueEmptyDeep(row[key])) allowed.add(row[key]);
      }
      return allowed;
    };
  }
  // survey-core copies the source's visible choices, never its built-in items (other, none, ...).
  const sourceChoices = source === undefined ? () => [] : ownChoices(source);
  const mode = element.choicesFromQuestionMode;
  const showsOther = extras.includes(OTHER);
  return (context) => {
    const allowed = new Set(own(context));
    for (const extra of extras) allowed.add(extra);
    if (mode !== 'selected' && mode !== 'unselected') {
      for (const value of sourceChoices(context)) allowed.add(value);
      return allowed;
    }
    const answer = context.owner[fromName];
    const chosen = new Set((Array.isArray(answer) ? answer : answer === undefined ? [] : [answer]).map(unwrapChoice));
    for (const value of sourceChoices(context)) if (chosen.has(value) === (mode === 'selected')) allowed.add(value);
    // "selected" mode offers the source's "other" answer, with its text, when the target has no other item.
    if (mode === 'selected' && !showsOther && chosen.has(OTHER) && !isEmptyAnswer(context.owner[`${fromName}-Comment`]))
      allowed.add(OTHER);
    return allowed;
  };
}

/** A choice answer as stored by a choice with its own comment area: `{value, comment}`. */
function unwrapChoice(item: unknown): unknown {
  return isRecord(item) && 'value' in item ? item.value : item;
}

/** The values of choices that carry their own comment area (answers then read `{value, comment}`). */
function commentedChoices(element: ElementJson): Set<unknown> {
  const values = new Set<unknown>();
  if (Array.isArray(element.choices))
    for (const choice of element.choices)
      if (isRecord(choice) && flag(choice.showCommentArea)) values.add(choice.value);
  return values;
}

/**
 * How one item of a choice answer is written: a bare value, `{value, comment}` for a choice with its
 * own comment area, or `{[valuePropertyName]: value}`. Returns the choice value, or reports the shape.
 */
/** What a choice item reader returns for an item whose shape it reported (no allocation per item on the hot path). */
const UNREADABLE: unique symbol = Symbol('unreadable choice item');

function choiceItemReader(element: ElementJson): (item: unknown, report: Report) => unknown {
  const commented = commentedChoices(element);
  const property =
    typeof element.valuePropertyName === 'string' && element.valuePropertyName !== ''
      ? element.valuePropertyName
      : undefined;
  return (item, report) => {
    if (property !== undefined) {
      if (!isRecord(item) || !(property in item)) {
        report(`Expected {"${property}": value} for each choice`);
        return UNREADABLE;
      }
      return item[property];
    }
    if (!isRecord(item)) return item;
    // Once one choice has its own comment area, survey-core writes every chosen item as `{value, comment?}`.
    if (
      commented.size > 0 &&
      'value' in item &&
      (item.comment === undefined || (typeof item.comment === 'string' && commented.has(item.value)))
    )
      return item.value;
    report(`${show(item)} is not one of the choices`);
    return UNREADABLE;
  };
}

function storesOtherAsText(element: ElementJson, survey: Record<string, unknown>): boolean {
  return (element.storeOthersAsComment ?? survey.storeOthersAsComment) === false;
}

/**
 * Where survey-core stores the "other" text itself in place of "other": with valuePropertyName, and in a
 * multiple choice whose items are written `{value, comment}` (some choice has its own comment area).
 */
function storesOtherInValue(element: ElementJson, multiple: boolean): boolean {
  if (!flag(element.showOtherItem) && !flag(element.hasOther)) return false;
  const wrapped = typeof element.valuePropertyName === 'string' && element.valuePropertyName !== '';
  return wrapped || (multiple && commentedChoices(element).size > 0);
}

/** Dropdowns and tag boxes with allowCustomChoices store whatever the respondent typed. */
function acceptsFreeText(element: ElementJson, survey: Record<string, unknown>, multiple: boolean): boolean {
  return (
    storesOtherAsText(element, survey) || flag(element.allowCustomChoices) || storesOtherInValue(element, multiple)
  );
}

function otherCommentCheck(
  element: ElementJson,
  multiple: boolean,
  chosenOther: (value: unknown) => boolean,
): ValueCheck | undefined {
  if (!flag(element.showOtherItem) && !flag(element.hasOther)) return undefined;
  if (storesOtherInValue(element, multiple)) {
    return (value, report, context) => {
      if (context.mode === 'complete' && chosenOther(value)) report('Describe the "other" answer');
    };
  }
  const commentKey = `${element.name}-Comment`;
  return (value, report, context) => {
    if (context.mode === 'complete' && chosenOther(value) && isEmptyAnswer(context.owner[commentKey])) {
      report('Describe the "other" answer', '-Comment');
    }
  };
}

function singleChoiceCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const allowed = choiceSource(element, lookup);
  const freeText = acceptsFreeText(element, survey, false);
  const readItem = choiceItemReader(element);
  const other = otherCommentCheck(element, false, (value) => value === OTHER);
  return (answer, report, context) => {
    const value = isRecord(answer) ? readItem(answer, report) : answer;
    if (value === UNREADABLE) return;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      report('Expected a single choice');
      return;
    }
    const choices = allowed(context);
    if (choices !== null && !choices.has(value) && !(freeText && typeof value === 'string')) {
      report(`${show(value)} is not one of the choices`);
      return;
    }
    other?.(value, report, context);
  };
}

function multipleChoiceCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const allowed = choiceSource(element, lookup);
  const freeText = acceptsFreeText(element, survey, true);
  const readItem = choiceItemReader(element);
  const exclusive = new Set(EXCLUSIVE_VALUES.filter(([property]) => flag(element[property])).map(([, value]) => value));
  const minSelected = numberOr(element.minSelectedChoices, 0);
  const maxSelected = numberOr(element.maxSelectedChoices, 0);
  const other = otherCommentCheck(element, true, (value) => Array.isArray(value) && value.includes(OTHER));
  return (answer, report, context) => {
    if (!Array.isArray(answer)) {
      report('Expected a list of choices');
      return;
    }
    const choices = allowed(context);
    // A set only for long lists (free text may make them long): short ones are searched faster as they are.
    const seen = answer.length > 16 ? new Set<unknown>() : undefined;
    const values: unknown[] = [];
    // One message per question is enough, and keeps a list of 100,000 bad items cheap to answer.
    for (const entry of answer) {
      const item = readItem(entry, report);
      if (item === UNREADABLE) return;
      if (seen === undefined ? values.includes(item) : seen.has(item)) {
        report(`${show(item)} is chosen twice`);
        return;
      }
      if (choices !== null && !choices.has(item) && !(freeText && typeof item === 'string')) {
        report(`${show(item)} is not one of the choices`);
        return;
      }
      seen?.add(item);
      values.push(item);
    }
    if (exclusive.size > 0 && values.length > 1)
      for (const item of values) {
        if (exclusive.has(item as string)) {
          report(`${show(item)} cannot be combined with other choices`);
          return;
        }
      }
    if (maxSelected > 0 && values.length > maxSelected) report(`Choose at most ${maxSelected}`);
    if (context.mode === 'complete' && minSelected > 0 && values.length < minSelected)
      report(`Choose at least ${minSelected}`);
    other?.(values, report, context);
  };
}

function rankingCheck(element: ElementJson, lookup: ElementLookup): ValueCheck {
  const allowed = choiceSource(element, lookup);
  const partialRanking = flag(element.selectToRankEnabled);
  // valuePropertyName wraps each ranked value as in other choice questions: `[{"id": "a"}, ...]`.
  const readItem =
    typeof element.valuePropertyName === 'string' && element.valuePropertyName !== ''
      ? choiceItemReader(element)
      : undefined;
  return (value, report, context) => {
    if (!Array.isArray(value)) {
      report('Expected a ranked list of choices');
      return;
    }
    const choices = allowed(context);
    const seen = new Set<unknown>();
    for (const entry of value) {
      const item: unknown = readItem === undefined ? entry : readItem(entry, report);
      if (item === UNREADABLE) return;
      if (seen.has(item)) return report(`${show(item)} is ranked twice`);
      if (choices !== null && !choices.has(item)) return report(`${show(item)} is not one of the choices`);
      seen.add(item);
    }
    if (choices !== null && !partialRanking && value.length !== choices.size) {
      report(`Rank all ${choices.size} choices`);
    }
  };
}

/**
 * The values a rating offers, as survey-core generates them: rateValues when given, otherwise rateMin to
 * rateMax by rateStep (survey-core derives the missing ends from rateCount), at most
 * `settings.ratingMaximumRateValueCount` of them.
 */
function ratingValues(element: ElementJson): ItemVisibility {
  if (Array.isArray(element.rateValues) && element.rateValues.length > 0 && element.autoGenerate !== true) {
    return listedChoices({ ...element, choices: element.rateValues, choicesMin: undefined, choicesMax: undefined });
  }
  const model = new SurveyModel({ elements: [{ ...element, type: 'rating', name: 'rating', rateValues: [] }] });
  const question = model.getQuestionByName('rating') as unknown as { visibleRateValues: Array<{ value: unknown }> };
  return { fixed: question.visibleRateValues.map((item) => item.value), conditional: [] };
}

function ratingCheck(element: ElementJson): ValueCheck {
  const listed = ratingValues(element);
  const values = new Set(listed.fixed);
  const shown = visibleItems(listed);
  // Generated scales are numbers: a number off the scale is told by its range.
  const numbers = listed.conditional.length === 0 && listed.fixed.every((item) => typeof item === 'number');
  const first = numbers ? (listed.fixed[0] as number | undefined) : undefined;
  const last = numbers ? (listed.fixed[listed.fixed.length - 1] as number | undefined) : undefined;
  return (value, report, context) => {
    if (values.has(value) || (listed.conditional.length > 0 && shown(context).includes(value))) return;
    if (typeof value === 'number' && first !== undefined && last !== undefined && (value < first || value > last))
      report(`Must be between ${first} and ${last}`);
    else report(`${show(value)} is not one of the rating values`);
  };
}

function booleanCheck(element: ElementJson): ValueCheck {
  const accepted = new Set<unknown>([element.valueTrue ?? true, element.valueFalse ?? false]);
  return (value, report) => {
    if (!accepted.has(value))
      report(
        element.valueTrue === undefined ? 'Expected true or false' : `${show(value)} is not a value of this question`,
      );
  };
}

function rangeCheck(
  value: number | string,
  min: number | string | undefined,
  max: number | string | undefined,
  report: Report,
): void {
  if (min !== undefined && typeof min === typeof value && value < min) report(`Must be at least ${min}`);
  if (max !== undefined && typeof max === typeof value && value > max) report(`Must be at most ${max}`);
}

/** Masks that make survey-core store a number rather than the typed text. */
const NUMERIC_MASKS = new Set(['numeric', 'currency']);

/** survey-core's step rule: the value is a whole multiple of the step (counted from zero, not from min). */
function matchesStep(value: number, step: number): boolean {
  let scale = 1;
  while ((Math.round(step * scale) / scale !== step || Math.round(value * scale) / scale !== value) && scale < 1e6)
    scale *= 10;
  const scaledStep = Math.round(step * scale);
  return scaledStep <= 0 || Math.round(value * scale) % scaledStep === 0;
}

function textCheck(element: ElementJson, survey: Record<string, unknown>): ValueCheck {
  const inputType = typeof element.inputType === 'string' ? element.inputType : 'text';
  // survey-core limits the length of text inputs only, not of dates, times, colours, ...
  const maxLength = TEXT_INPUT_TYPES.has(inputType)
    ? numberOr(element.maxLength, numberOr(survey.maxTextLength, 0))
    : 0;
  const min = literalBound(element.min);
  const max = literalBound(element.max);
  const masked = typeof element.maskType === 'string' && element.maskType !== 'none';
  if (masked && NUMERIC_MASKS.has(element.maskType as string)) {
    // survey-core still checks an e-mail input type behind a mask.
    const email = inputType === 'email' ? EMAIL_FORMAT : undefined;
    return (value, report) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) report('Expected a number');
      else if (email !== undefined && !email.pattern.test(String(value))) report(email.message);
    };
  }
  if (!masked && NUMERIC_INPUT_TYPES.has(inputType)) {
    const numericMin = typeof min === 'string' ? Number(min) : min;
    const numericMax = typeof max === 'string' ? Number(max) : max;
    const step = inputType === 'number' ? numberOr(element.step, 0) : 0;
    return (value, report) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return report('Expected a number');
      rangeCheck(value, numericMin, numericMax, report);
      if (step > 0 && !matchesStep(value, step)) report(`Must be a multiple of ${step}`);
    };
  }
  const format = masked ? undefined : TEXT_FORMATS[inputType];
  return (value, report) => {
    if (!checkString(value, report)) return;
    if (format !== undefined && !format.pattern.test(value)) return report(format.message);
    checkMaxLength(value, maxLength, report);
    if (format !== undefined) rangeCheck(value, min, max, report);
  };
}

function commentCheck(element: ElementJson, survey: Record<string, unknown>): ValueCheck {
  const maxLength = numberOr(element.maxLength, numberOr(survey.maxCommentLength, 0));
  return (value, report) => {
    if (checkString(value, report)) checkMaxLength(value, maxLength, report);
  };
}

function multipleTextCheck(element: ElementJson, survey: Record<string, unknown>): ValueCheck {
  const items = new Map<string, { check: ValueCheck; validators: ValueCheck[]; required: boolean }>();
  for (const item of Array.isArray(element.items) ? (element.items as unknown[]) : []) {
    if (!isRecord(item) || typeof item.name !== 'string') continue;
    items.set(item.name, {
      check: textCheck({ ...item, type: 'text', name: item.name }, survey),
      validators: compileValidators(item.validators),
      required: flag(item.isRequired),
    });
  }
  return (value, report, context) => {
    if (!isRecord(value)) return report('Expected an object');
    for (const [key, itemValue] of Object.entries(value)) {
      const item = items.get(key);
      if (item === undefined) report(`${show(key)} is not an item of this question`);
      else if (!isEmptyAnswer(itemValue)) checkWithValidators(item, itemValue, `.${key}`, report, context);
    }
    if (context.mode !== 'complete') return;
    for (const [key, item] of items)
      if (item.required && isEmptyAnswer(value[key])) report('An answer is required', `.${key}`);
  };
}

/** Runs a value's type check, then its declared validators once the type is right. */
export function checkWithValidators(
  checks: { check: ValueCheck; validators: ValueCheck[] },
  value: unknown,
  suffix: string,
  report: Report,
  context: CheckContext,
): void {
  // Nothing to track and no path to add: the common case on the hot path needs no wrapper.
  if (checks.validators.length === 0 && suffix === '') return checks.check(value, report, context);
  let valid = true;
  const tracking: Report = (message, more = '') => {
    valid = false;
    report(message, `${suffix}${more}`);
  };
  checks.check(value, tracking, context);
  if (valid) for (const validator of checks.validators) validator(value, tracking, context);
}

const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+(;[\w-]+=[\w.-]+)*(;base64)?,/;

/** Bytes a base64 data URL holds (survey-core checks maxSize on the file before encoding it). */
function dataUrlBytes(content: string): number {
  const comma = content.indexOf(',');
  const payload = content.slice(comma + 1);
  if (!content.slice(0, comma).endsWith(';base64')) return payload.length;
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

function fileCheck(element: ElementJson): ValueCheck {
  const inline = element.storeDataAsText !== false;
  const maxSize = numberOr(element.maxSize, 0);
  return (value, report) => {
    if (!Array.isArray(value)) return report('Expected a list of files');
    for (const [index, file] of value.entries()) {
      const at = `[${index}]`;
      if (!isRecord(file) || typeof file.name !== 'string' || typeof file.content !== 'string')
        return report('Expected a file: {name, type, content}', at);
      if (file.type !== undefined && typeof file.type !== 'string')
        return report('Expected a media type', `${at}.type`);
      if (inline && !DATA_URL.test(file.content)) return report('Expected the file content as a data URL', at);
      if (inline && maxSize > 0 && dataUrlBytes(file.content) > maxSize)
        report(`The file is larger than ${maxSize} bytes`, at);
    }
    if (!flag(element.allowMultiple) && value.length > 1) report('Only one file is allowed');
  };
}

const SIGNATURE_DATA_URL = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

/** A signature is an image drawn in the form: a PNG, JPEG or SVG data URL, or a file URL when not stored inline. */
function signatureCheck(element: ElementJson): ValueCheck {
  if (element.storeDataAsText === false) return (value, report) => void checkString(value, report);
  return (value, report) => {
    if (typeof value !== 'string' || !SIGNATURE_DATA_URL.test(value)) report('Expected a signature image (data URL)');
  };
}

function sliderCheck(element: ElementJson): ValueCheck {
  const min = numberOr(element.min, 0);
  const max = numberOr(element.max, 100);
  const check = (value: unknown, report: Report): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return report('Expected a number');
    if (value < min || value > max) report(`Must be between ${min} and ${max}`);
  };
  if (element.sliderType !== 'range') return (value, report) => check(value, report);
  return (value, report) => {
    if (!Array.isArray(value) || value.length !== 2) return report('Expected a range of two numbers');
    value.forEach((end) => check(end, report));
  };
}

/** The check for a question's value by type, or for a matrix cell (an element-like column). */
export function compileValueCheck(
  element: ElementJson,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): ValueCheck {
  switch (element.type) {
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
      return singleChoiceCheck(element, survey, lookup);
    case 'imagepicker':
      return element.multiSelect === true
        ? multipleChoiceCheck(element, survey, lookup)
        : singleChoiceCheck(element, survey, lookup);
    case 'checkbox':
    case 'tagbox':
      return multipleChoiceCheck(element, survey, lookup);
    case 'ranking':
      return rankingCheck(element, lookup);
    case 'rating':
      return ratingCheck(element);
    case 'boolean':
      return booleanCheck(element);
    case 'text':
      return textCheck(element, survey);
    case 'comment':
      return commentCheck(element, survey);
    case 'signaturepad':
      return signatureCheck(element);
    case 'multipletext':
      return multipleTextCheck(element, survey);
    case 'file':
      return fileCheck(element);
    case 'slider':
      return sliderCheck(element);
    default:
      // expression questions are computed by the form; types registered by plugins are accepted as given.
      return () => undefined;
  }
}

/** The `validators` array of a question, as plain checks on a value that already has the right type. */
export function compileValidators(validators: unknown): ValueCheck[] {
  if (!Array.isArray(validators)) return [];
  return validators.filter(isRecord).map((raw) => {
    const validator = raw as ValidatorJson;
    const custom = defaultText(validator.text);
    const fail = (report: Report, message: string): void => report(custom ?? message);
    switch (validator.type) {
      case 'numeric': {
        const min = typeof validator.minValue === 'number' ? validator.minValue : undefined;
        const max = typeof validator.maxValue === 'number' ? validator.maxValue : undefined;
        return (value, report) => {
          const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
          if (!Number.isFinite(number)) return fail(report, 'Expected a number');
          if (min !== undefined && number < min) fail(report, `Must be at least ${min}`);
          else if (max !== undefined && number > max) fail(report, `Must be at most ${max}`);
        };
      }
      case 'text': {
        const minLength = numberOr(validator.minLength, 0);
        const maxLength = numberOr(validator.maxLength, 0);
        const digitsForbidden = validator.allowDigits === false;
        return (value, report) => {
          if (typeof value !== 'string') return;
          if (minLength > 0 && value.length < minLength) fail(report, `Must be at least ${minLength} characters`);
          else if (maxLength > 0 && value.length > maxLength) fail(report, `Must be at most ${maxLength} characters`);
          else if (digitsForbidden && /\d/.test(value)) fail(report, 'Must not contain digits');
        };
      }
      case 'regex': {
        let pattern: RegExp | undefined;
        try {
          pattern =
            typeof validator.regex === 'string'
              ? new RegExp(validator.regex, validator.caseInsensitive === true ? 'i' : '')
              : undefined;
        } catch {
          pattern = undefined;
        }
        // As survey-core: any non-empty value is tested as text (a masked number too); a list item by item
        // and then as a whole, comma-joined ("a,b"), which survey-core tests too.
        return (value, report) => {
          if (pattern === undefined || isValueEmptyDeep(value)) return;
          const items: unknown[] = Array.isArray(value) ? [...(value as unknown[]), value] : [value];
          if (items.some((item) => !pattern.test(String(item)))) fail(report, 'Does not match the expected format');
        };
      }
      case 'email':
        // As survey-core: any truthy value is tested as text, so a masked number is no e-mail address.
        return (value, report) => {
          // survey-core tests String(value), whatever the value is (an object reads "[object Object]").
          const text = String(value);
          if (value && !EMAIL_FORMAT.pattern.test(text)) fail(report, 'Expected an e-mail address');
        };
      case 'answercount': {
        const minCount = numberOr(validator.minCount, 0);
        const maxCount = numberOr(validator.maxCount, 0);
        return (value, report) => {
          if (!Array.isArray(value)) return;
          if (minCount > 0 && value.length < minCount) fail(report, `Choose at least ${minCount}`);
          else if (maxCount > 0 && value.length > maxCount) fail(report, `Choose at most ${maxCount}`);
        };
      }
      case 'expression': {
        const expression = typeof validator.expression === 'string' ? validator.expression : '';
        const condition = expression === '' ? undefined : new CompiledCondition(expression);
        return (_value, report, context) => {
          if (condition !== undefined && !condition.run(context.values))
            fail(report, `Does not satisfy: ${expression}`);
        };
      }
      default:
        return () => undefined;
    }
  });
}

/** The validators survey-core runs on an empty answer too: expression validators. */
export function compileEmptyValidators(validators: unknown): ValueCheck[] {
  if (!Array.isArray(validators)) return [];
  return compileValidators(validators.filter((validator) => isRecord(validator) && validator.type === 'expression'));
}

import { choiceValue, defaultText, isRecord, type ElementJson, type ValidatorJson } from './definition-types';
import { CompiledCondition } from './expressions';

export type AnswerMode = 'partial' | 'complete';

/** What a check may read besides the value: the mode, the record holding the answer, condition values. */
export interface CheckContext {
  mode: AnswerMode;
  /** The object the answer sits in (the response, or one dynamic panel's item). */
  owner: Record<string, unknown>;
  /** Values conditions see (the response, plus `panel` inside a dynamic panel). */
  values: Record<string, unknown>;
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
const TEXT_FORMATS: Record<string, { pattern: RegExp; message: string }> = {
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'Expected a date (YYYY-MM-DD)' },
  'datetime-local': {
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/,
    message: 'Expected a date and time (YYYY-MM-DDTHH:MM)',
  },
  time: { pattern: /^\d{2}:\d{2}(:\d{2})?$/, message: 'Expected a time (HH:MM)' },
  month: { pattern: /^\d{4}-\d{2}$/, message: 'Expected a month (YYYY-MM)' },
  week: { pattern: /^\d{4}-W\d{2}$/, message: 'Expected a week (YYYY-Www)' },
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'Expected an e-mail address' },
  url: { pattern: /^https?:\/\/\S+$/i, message: 'Expected a URL' },
  color: { pattern: /^#[0-9a-fA-F]{6}$/, message: 'Expected a colour (#rrggbb)' },
};
const NUMERIC_INPUT_TYPES = new Set(['number', 'range']);

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

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

/** The choices a question accepts, fixed at compile time or (choicesFromQuestion) read from the answers. */
type ChoiceSource = (context: CheckContext) => ReadonlySet<unknown> | null;

function choiceSource(element: ElementJson, lookup: ElementLookup): ChoiceSource {
  const own = new Set<unknown>();
  if (Array.isArray(element.choices)) for (const choice of element.choices) own.add(choiceValue(choice));
  const { choicesMin, choicesMax } = element;
  if (typeof choicesMin === 'number' && typeof choicesMax === 'number') {
    const step = numberOr(element.choicesStep, 1);
    for (let value = choicesMin; value <= choicesMax && step > 0; value += step) own.add(value);
  }
  const extras = EXCLUSIVE_VALUES.filter(([flag]) => element[flag] === true).map(([, value]) => value);
  if (element.showOtherItem === true || element.hasOther === true) extras.push(OTHER);
  for (const extra of extras) own.add(extra);
  if (isRecord(element.choicesByUrl)) return () => null;
  const fromName = element.choicesFromQuestion;
  if (typeof fromName !== 'string' || fromName === '') return () => own;
  const source = lookup(fromName);
  const sourceChoices = source === undefined ? [] : (source.choices ?? []).map(choiceValue);
  const mode = element.choicesFromQuestionMode;
  if (mode !== 'selected' && mode !== 'unselected') {
    const all = new Set([...sourceChoices, ...own]);
    return () => all;
  }
  return (context) => {
    const answer = context.owner[fromName];
    const chosen = new Set(Array.isArray(answer) ? answer : answer === undefined ? [] : [answer]);
    const allowed = new Set(own);
    for (const value of sourceChoices) if (chosen.has(value) === (mode === 'selected')) allowed.add(value);
    return allowed;
  };
}

function storesOtherAsText(element: ElementJson, survey: Record<string, unknown>): boolean {
  return (element.storeOthersAsComment ?? survey.storeOthersAsComment) === false;
}

function otherCommentCheck(element: ElementJson, chosenOther: (value: unknown) => boolean): ValueCheck | undefined {
  if (element.showOtherItem !== true && element.hasOther !== true) return undefined;
  const commentKey = `${element.name}-Comment`;
  return (value, report, context) => {
    if (context.mode === 'complete' && chosenOther(value) && isEmptyAnswer(context.owner[commentKey])) {
      report('Describe the "other" answer', '-Comment');
    }
  };
}

function singleChoiceCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const allowed = choiceSource(element, lookup);
  const freeOther = storesOtherAsText(element, survey);
  const other = otherCommentCheck(element, (value) => value === OTHER);
  return (value, report, context) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      report('Expected a single choice');
      return;
    }
    const choices = allowed(context);
    if (choices !== null && !choices.has(value) && !(freeOther && typeof value === 'string')) {
      report(`${show(value)} is not one of the choices`);
      return;
    }
    other?.(value, report, context);
  };
}

function multipleChoiceCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const allowed = choiceSource(element, lookup);
  const freeOther = storesOtherAsText(element, survey);
  const exclusive = new Set(EXCLUSIVE_VALUES.filter(([flag]) => element[flag] === true).map(([, value]) => value));
  const minSelected = numberOr(element.minSelectedChoices, 0);
  const maxSelected = numberOr(element.maxSelectedChoices, 0);
  const other = otherCommentCheck(element, (value) => Array.isArray(value) && value.includes(OTHER));
  return (value, report, context) => {
    if (!Array.isArray(value)) {
      report('Expected a list of choices');
      return;
    }
    const choices = allowed(context);
    const seen = new Set<unknown>();
    let valid = true;
    // One message per question is enough, and keeps a list of 100,000 bad items cheap to answer.
    for (const item of value) {
      if (seen.has(item)) {
        report(`${show(item)} is chosen twice`);
        valid = false;
      } else if (choices !== null && !choices.has(item) && !(freeOther && typeof item === 'string')) {
        report(`${show(item)} is not one of the choices`);
        valid = false;
      }
      if (!valid) return;
      seen.add(item);
    }
    for (const item of value) {
      if (exclusive.has(item as string) && value.length > 1) {
        report(`${show(item)} cannot be combined with other choices`);
        return;
      }
    }
    if (maxSelected > 0 && value.length > maxSelected) report(`Choose at most ${maxSelected}`);
    if (context.mode === 'complete' && minSelected > 0 && value.length < minSelected)
      report(`Choose at least ${minSelected}`);
    other?.(value, report, context);
  };
}

function rankingCheck(element: ElementJson, lookup: ElementLookup): ValueCheck {
  const allowed = choiceSource(element, lookup);
  const partialRanking = element.selectToRankEnabled === true;
  return (value, report, context) => {
    if (!Array.isArray(value)) {
      report('Expected a ranked list of choices');
      return;
    }
    const choices = allowed(context);
    const seen = new Set<unknown>();
    for (const item of value) {
      if (seen.has(item)) return report(`${show(item)} is ranked twice`);
      if (choices !== null && !choices.has(item)) return report(`${show(item)} is not one of the choices`);
      seen.add(item);
    }
    if (choices !== null && !partialRanking && value.length !== choices.size) {
      report(`Rank all ${choices.size} choices`);
    }
  };
}

function ratingCheck(element: ElementJson): ValueCheck {
  if (Array.isArray(element.rateValues) && element.rateValues.length > 0) {
    const values = new Set(element.rateValues.map(choiceValue));
    return (value, report) => {
      if (!values.has(value)) report(`${show(value)} is not one of the rating values`);
    };
  }
  const min = numberOr(element.rateMin, 1);
  const step = numberOr(element.rateStep, 1);
  const count = numberOr(element.rateCount, 0);
  const max = numberOr(element.rateMax, count > 0 && element.rateMax === undefined ? min + (count - 1) * step : 5);
  return (value, report) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return report('Expected a number');
    if (value < min || value > max) return report(`Must be between ${min} and ${max}`);
    const steps = (value - min) / step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) report(`Must be ${min} plus a multiple of ${step}`);
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

function textCheck(element: ElementJson, survey: Record<string, unknown>): ValueCheck {
  const inputType = typeof element.inputType === 'string' ? element.inputType : 'text';
  const maxLength = numberOr(element.maxLength, numberOr(survey.maxTextLength, 0));
  const min = literalBound(element.min);
  const max = literalBound(element.max);
  if (NUMERIC_INPUT_TYPES.has(inputType)) {
    const numericMin = typeof min === 'string' ? Number(min) : min;
    const numericMax = typeof max === 'string' ? Number(max) : max;
    return (value, report) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return report('Expected a number');
      rangeCheck(value, numericMin, numericMax, report);
    };
  }
  const format = TEXT_FORMATS[inputType];
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
  const items = new Map<string, { check: ValueCheck; required: boolean }>();
  for (const item of Array.isArray(element.items) ? (element.items as unknown[]) : []) {
    if (!isRecord(item) || typeof item.name !== 'string') continue;
    items.set(item.name, {
      check: textCheck({ ...item, type: 'text', name: item.name }, survey),
      required: item.isRequired === true,
    });
  }
  return (value, report, context) => {
    if (!isRecord(value)) return report('Expected an object');
    for (const [key, itemValue] of Object.entries(value)) {
      const item = items.get(key);
      if (item === undefined) report(`${show(key)} is not an item of this question`);
      else if (!isEmptyAnswer(itemValue)) item.check(itemValue, (message) => report(message, `.${key}`), context);
    }
    if (context.mode !== 'complete') return;
    for (const [key, item] of items)
      if (item.required && isEmptyAnswer(value[key])) report('An answer is required', `.${key}`);
  };
}

function fileCheck(element: ElementJson): ValueCheck {
  return (value, report) => {
    if (!Array.isArray(value) || !value.every((file) => isRecord(file) && typeof file.name === 'string')) {
      return report('Expected a list of files');
    }
    if (element.allowMultiple !== true && value.length > 1) report('Only one file is allowed');
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
    case 'signaturepad':
      return commentCheck(element, survey);
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
        return (value, report) => {
          if (pattern !== undefined && typeof value === 'string' && !pattern.test(value))
            fail(report, 'Does not match the expected format');
        };
      }
      case 'email':
        return (value, report) => {
          if (typeof value === 'string' && !TEXT_FORMATS.email.pattern.test(value))
            fail(report, 'Expected an e-mail address');
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

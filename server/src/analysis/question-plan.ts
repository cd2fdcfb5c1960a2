import {
  choiceText,
  choiceValue,
  defaultText,
  type ElementJson,
  isRecord,
  type SurveyDefinition,
  type TallyKind,
  walkElements,
} from '@concord/shared';

/** How one answer value is turned into facts (see fact-sql.ts). */
export type FactMode = 'scalar' | 'array' | 'rank' | 'matrix' | 'presence';

/**
 * One place an answer lives in the response JSON: a top-level question, a question nested in a
 * dynamic panel (one value per panel), or one column of a matrix dropdown/dynamic (one per row).
 */
export interface FactSource {
  /** The question the facts count towards. */
  name: string;
  /** Top-level key in the response data. */
  top: string;
  /** Nested question key inside each panel object of `top`. */
  key: string | null;
  /** Matrix cells: `rows` for a matrix dropdown (object of rows), `array` for a matrix dynamic. */
  cells: 'rows' | 'array' | null;
  col: string | null;
  mode: FactMode;
  /** Top-level sources also record "answered" through the presence branch, not their own. */
  nested: boolean;
}

export interface LabelledValue {
  value: string;
  label: string;
  /** Translations of the label by locale, for exports with `labels=<locale>`. */
  texts?: Record<string, string>;
}

export interface MatrixColumnPlan extends LabelledValue {
  kind: 'choice' | 'multi' | 'numeric' | 'text';
  choices: LabelledValue[];
}

/** A question as the tallies see it. */
export interface TallyQuestion {
  name: string;
  type: string;
  kind: TallyKind;
  title: string;
  titleTexts?: Record<string, string>;
  panel?: string;
  choices: LabelledValue[];
  rows: LabelledValue[];
  columns: MatrixColumnPlan[];
  /** SurveyJS keeps "other" text under `<name>-Comment`. */
  hasOther: boolean;
}

export interface QuestionPlan {
  questions: TallyQuestion[];
  sources: FactSource[];
}

const SINGLE_CHOICE = new Set(['radiogroup', 'dropdown', 'boolean', 'imagepicker']);
const MULTI_CHOICE = new Set(['checkbox', 'tagbox']);
const NUMERIC_INPUTS = new Set(['number', 'range']);
const FREE_TEXT = new Set(['text', 'comment', 'multipletext']);
/** Types that carry no answer worth counting (files, signatures, computed values). */
const IGNORED = new Set(['file', 'signaturepad', 'expression', 'html', 'image', 'empty', 'panel']);

function texts(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const result: Record<string, string> = {};
  for (const [locale, text] of Object.entries(value)) if (typeof text === 'string') result[locale] = text;
  return result;
}

function labelled(items: unknown): LabelledValue[] {
  if (!Array.isArray(items)) return [];
  return items.map((item) => {
    const value = String(choiceValue(item));
    const entry: LabelledValue = { value, label: choiceText(item) };
    const translated = isRecord(item) ? texts(item.text) : undefined;
    if (translated !== undefined) entry.texts = translated;
    return entry;
  });
}

/** Choices as SurveyJS offers them: the listed ones plus the special items the question shows. */
function offeredChoices(element: ElementJson): LabelledValue[] {
  const type = element.type;
  if (type === 'boolean') {
    return [
      {
        value:
          typeof element.valueTrue === 'string' || typeof element.valueTrue === 'number'
            ? String(element.valueTrue)
            : 'true',
        label: defaultText(element.labelTrue) ?? 'Yes',
      },
      {
        value:
          typeof element.valueFalse === 'string' || typeof element.valueFalse === 'number'
            ? String(element.valueFalse)
            : 'false',
        label: defaultText(element.labelFalse) ?? 'No',
      },
    ];
  }
  if (type === 'rating') {
    if (Array.isArray(element.rateValues) && element.rateValues.length > 0) return labelled(element.rateValues);
    const min = typeof element.rateMin === 'number' ? element.rateMin : 1;
    const max = typeof element.rateMax === 'number' ? element.rateMax : 5;
    const step = typeof element.rateStep === 'number' && element.rateStep > 0 ? element.rateStep : 1;
    const values: LabelledValue[] = [];
    for (let value = min; value <= max && values.length < 100; value += step)
      values.push({ value: String(value), label: String(value) });
    return values;
  }
  const choices = labelled(element.choices);
  if (element.showNoneItem === true || element.hasNone === true)
    choices.push({ value: 'none', label: defaultText(element.noneText) ?? 'None' });
  if (element.showRefuseItem === true) choices.push({ value: 'refused', label: 'Refuse to answer' });
  if (element.showDontKnowItem === true) choices.push({ value: 'dontknow', label: "Don't know" });
  if (element.showOtherItem === true || element.hasOther === true)
    choices.push({ value: 'other', label: defaultText(element.otherText) ?? 'Other' });
  return choices;
}

function kindOf(element: ElementJson): TallyKind | null {
  const type = element.type;
  if (IGNORED.has(type) || type === 'paneldynamic') return null;
  if (type === 'imagepicker') return element.multiSelect === true ? 'multi' : 'choice';
  if (SINGLE_CHOICE.has(type)) return 'choice';
  if (MULTI_CHOICE.has(type)) return 'multi';
  if (type === 'rating') return 'numeric';
  if (type === 'ranking') return 'ranking';
  if (type === 'matrix') return 'matrix';
  if (type === 'matrixdropdown' || type === 'matrixdynamic') return 'matrixcells';
  if (type === 'text')
    return typeof element.inputType === 'string' && NUMERIC_INPUTS.has(element.inputType) ? 'numeric' : 'text';
  if (FREE_TEXT.has(type)) return 'text';
  return 'choice';
}

function modeOf(kind: TallyKind | MatrixColumnPlan['kind']): FactMode {
  switch (kind) {
    case 'choice':
    case 'numeric':
      return 'scalar';
    case 'multi':
      return 'array';
    case 'ranking':
      return 'rank';
    case 'matrix':
      return 'matrix';
    case 'matrixcells':
    case 'text':
      return 'presence';
  }
}

function matrixColumns(element: ElementJson): MatrixColumnPlan[] {
  if (!Array.isArray(element.columns)) return [];
  const defaultCellType = typeof element.cellType === 'string' ? element.cellType : 'dropdown';
  return (element.columns as unknown[]).filter(isRecord).map((column) => {
    const name = String(column.name);
    const cellType =
      typeof column.cellType === 'string' && column.cellType !== 'default' ? column.cellType : defaultCellType;
    const asElement = { ...column, type: cellType, name, choices: column.choices ?? element.choices } as ElementJson;
    const kind = kindOf(asElement);
    const columnKind: MatrixColumnPlan['kind'] =
      kind === 'choice' || kind === 'multi' || kind === 'numeric' ? kind : 'text';
    return {
      value: name,
      label: defaultText(column.title) ?? name,
      kind: columnKind,
      choices: columnKind === 'text' ? [] : offeredChoices(asElement),
    };
  });
}

/** The tally plan of one definition: what to show per question, and where its facts come from. */
export function buildQuestionPlan(definition: SurveyDefinition): QuestionPlan {
  const questions: TallyQuestion[] = [];
  const sources: FactSource[] = [];
  for (const visit of walkElements(definition)) {
    const element = visit.element;
    if (typeof element.name !== 'string' || typeof element.type !== 'string') continue;
    if (element.type === 'paneldynamic' && visit.dynamicPanel === undefined) {
      // The panel itself is not tallied, but whether it holds any panel tells nested questions' skips.
      sources.push({
        name: element.name,
        top: element.name,
        key: null,
        cells: null,
        col: null,
        mode: 'presence',
        nested: false,
      });
      continue;
    }
    const kind = kindOf(element);
    if (kind === null) continue;
    const nestedIn = visit.dynamicPanel;
    if (
      nestedIn !== undefined &&
      visit.containers.some((c) => isRecord(c) && c.type === 'paneldynamic' && c.name !== nestedIn)
    )
      continue;
    const name = nestedIn === undefined ? element.name : `${nestedIn}.${element.name}`;
    const question: TallyQuestion = {
      name,
      type: element.type,
      kind,
      title: defaultText(element.title) ?? element.name,
      choices: kind === 'matrix' ? labelled(element.columns) : kind === 'matrixcells' ? [] : offeredChoices(element),
      rows: labelled(element.rows),
      columns: kind === 'matrixcells' ? matrixColumns(element) : [],
      hasOther: element.showOtherItem === true || element.hasOther === true,
    };
    const titleTexts = texts(element.title);
    if (titleTexts !== undefined) question.titleTexts = titleTexts;
    if (nestedIn !== undefined) question.panel = nestedIn;
    questions.push(question);
    const base =
      nestedIn === undefined
        ? { name, top: element.name, key: null, nested: false }
        : { name, top: nestedIn, key: element.name, nested: true };
    sources.push({ ...base, cells: null, col: null, mode: modeOf(kind) });
    if (kind === 'matrixcells' && nestedIn === undefined) {
      const cells = element.type === 'matrixdynamic' ? 'array' : 'rows';
      for (const column of question.columns) {
        sources.push({
          name,
          top: element.name,
          key: null,
          cells,
          col: column.value,
          mode: modeOf(column.kind),
          nested: true,
        });
      }
    }
  }
  return { questions, sources };
}

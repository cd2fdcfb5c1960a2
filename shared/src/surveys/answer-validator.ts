import {
  type AnswerMode,
  type CheckContext,
  compileValidators,
  compileValueCheck,
  type ElementLookup,
  isEmptyAnswer,
  type Report,
  type ValueCheck,
} from './answer-checks';
import { definitionPages, isPanelType, isQuestionElement, walkElements } from './definition-model';
import { choiceValue, type ElementJson, isRecord, type SurveyDefinition } from './definition-types';
import { CompiledCondition } from './expressions';

export type { AnswerMode } from './answer-checks';

/** One thing wrong with a response: the question (or `m.row.column`, `dyn[0].q`) and what is wrong. */
export interface AnswerProblem {
  question: string;
  message: string;
}

interface Conditions {
  visible: CompiledCondition[];
  enabled: CompiledCondition[];
}

interface CompiledQuestion {
  name: string;
  conditions: Conditions;
  required: boolean;
  requiredIf?: CompiledCondition;
  check: ValueCheck;
  validators: ValueCheck[];
  /** The `<name>-Comment` key this question may carry. */
  commentKey?: string;
}

interface CompiledScope {
  questions: CompiledQuestion[];
  keys: ReadonlySet<string>;
}

/** A definition compiled once into plain checks; validating answers then builds no survey-core model. */
export interface CompiledSurvey {
  readonly root: CompiledScope;
}

const DYNAMIC_PANEL_CONTEXT = 'panel';

function conditionsWith(parent: Conditions, element: Record<string, unknown>): Conditions {
  const visible =
    typeof element.visibleIf === 'string' && element.visibleIf !== ''
      ? [...parent.visible, new CompiledCondition(element.visibleIf)]
      : parent.visible;
  const enabled =
    typeof element.enableIf === 'string' && element.enableIf !== ''
      ? [...parent.enabled, new CompiledCondition(element.enableIf)]
      : parent.enabled;
  return { visible, enabled };
}

function allTrue(conditions: CompiledCondition[], values: Record<string, unknown>): boolean {
  for (const condition of conditions) if (!condition.run(values)) return false;
  return true;
}

function matrixCheck(element: ElementJson): ValueCheck {
  const rows = new Set((element.rows ?? []).map(choiceValue));
  const columns = new Set((element.columns ?? []).map(choiceValue));
  const allRowsRequired = element.isAllRowRequired === true || element.eachRowRequired === true;
  return (value, report, context) => {
    if (!isRecord(value)) return report('Expected an object of row answers');
    for (const [row, cell] of Object.entries(value)) {
      if (!rows.has(row)) report(`${JSON.stringify(row)} is not a row`);
      else if (!columns.has(cell)) report(`${JSON.stringify(cell)} is not a column`, `.${row}`);
    }
    if (context.mode !== 'complete' || !allRowsRequired) return;
    for (const row of rows) if (isEmptyAnswer(value[String(row)])) report('An answer is required', `.${String(row)}`);
  };
}

interface CompiledColumn {
  check: ValueCheck;
  validators: ValueCheck[];
  required: boolean;
}

function compileColumns(
  element: ElementJson,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): Map<string, CompiledColumn> {
  const columns = new Map<string, CompiledColumn>();
  for (const column of element.columns ?? []) {
    if (!isRecord(column) || typeof column.name !== 'string') continue;
    const declared = typeof column.cellType === 'string' ? column.cellType : 'default';
    const type =
      declared === 'default' ? (typeof element.cellType === 'string' ? element.cellType : 'dropdown') : declared;
    const cell = {
      ...element,
      ...column,
      type,
      name: column.name,
      choices: column.choices ?? element.choices,
    } as ElementJson;
    columns.set(column.name, {
      check: compileValueCheck(cell, survey, lookup),
      validators: compileValidators(column.validators),
      required: column.isRequired === true,
    });
  }
  return columns;
}

function checkCells(
  columns: Map<string, CompiledColumn>,
  row: unknown,
  prefix: string,
  report: Report,
  context: CheckContext,
): void {
  if (!isRecord(row)) return report('Expected an object of cell answers', prefix);
  for (const [name, cell] of Object.entries(row)) {
    const column = columns.get(name);
    if (column === undefined) {
      report(`${JSON.stringify(name)} is not a column`, prefix);
      continue;
    }
    if (isEmptyAnswer(cell)) continue;
    let valid = true;
    const cellReport: Report = (message, suffix = '') => {
      valid = false;
      report(message, `${prefix}.${name}${suffix}`);
    };
    column.check(cell, cellReport, context);
    if (valid) for (const validator of column.validators) validator(cell, cellReport, context);
  }
  if (context.mode !== 'complete') return;
  for (const [name, column] of columns)
    if (column.required && isEmptyAnswer(row[name])) report('An answer is required', `${prefix}.${name}`);
}

function matrixDropdownCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const rows = (element.rows ?? []).map((row) => String(choiceValue(row)));
  const rowSet = new Set(rows);
  const columns = compileColumns(element, survey, lookup);
  return (value, report, context) => {
    if (!isRecord(value)) return report('Expected an object of row answers');
    for (const [row, cells] of Object.entries(value)) {
      if (!rowSet.has(row)) report(`${JSON.stringify(row)} is not a row`);
      else checkCells(columns, cells, `.${row}`, report, context);
    }
    if (context.mode !== 'complete') return;
    for (const row of rows) if (value[row] === undefined) checkCells(columns, {}, `.${row}`, report, context);
  };
}

function matrixDynamicCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const columns = compileColumns(element, survey, lookup);
  const minRows = typeof element.minRowCount === 'number' ? element.minRowCount : 0;
  const maxRows = typeof element.maxRowCount === 'number' ? element.maxRowCount : Infinity;
  return (value, report, context) => {
    if (!Array.isArray(value)) return report('Expected a list of rows');
    if (value.length > maxRows) report(`At most ${maxRows} rows are allowed`);
    if (context.mode === 'complete' && value.length < minRows) report(`At least ${minRows} rows are required`);
    value.forEach((row, index) => checkCells(columns, row, `[${index}]`, report, context));
  };
}

function panelDynamicCheck(element: ElementJson, survey: Record<string, unknown>, lookup: ElementLookup): ValueCheck {
  const template = compileScope(element.templateElements ?? [], { visible: [], enabled: [] }, survey, lookup);
  const minPanels = typeof element.minPanelCount === 'number' ? element.minPanelCount : 0;
  const maxPanels = typeof element.maxPanelCount === 'number' ? element.maxPanelCount : Infinity;
  return (value, report, context) => {
    if (!Array.isArray(value)) return report('Expected a list of panels');
    if (value.length > maxPanels) report(`At most ${maxPanels} panels are allowed`);
    if (context.mode === 'complete' && value.length < minPanels) report(`At least ${minPanels} panels are required`);
    value.forEach((item, index) => {
      if (!isRecord(item)) return report('Expected an object of answers', `[${index}]`);
      const values = { ...context.values, [DYNAMIC_PANEL_CONTEXT]: item };
      validateScope(template, { mode: context.mode, owner: item, values }, (message, suffix = '') =>
        report(message, `[${index}].${suffix}`),
      );
    });
  };
}

function compileQuestion(
  element: ElementJson,
  conditions: Conditions,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): CompiledQuestion {
  let check: ValueCheck;
  switch (element.type) {
    case 'matrix':
      check = matrixCheck(element);
      break;
    case 'matrixdropdown':
      check = matrixDropdownCheck(element, survey, lookup);
      break;
    case 'matrixdynamic':
      check = matrixDynamicCheck(element, survey, lookup);
      break;
    case 'paneldynamic':
      check = panelDynamicCheck(element, survey, lookup);
      break;
    default:
      check = compileValueCheck(element, survey, lookup);
  }
  const hasComment =
    element.showOtherItem === true ||
    element.hasOther === true ||
    element.showCommentArea === true ||
    element.hasComment === true;
  const question: CompiledQuestion = {
    name: typeof element.valueName === 'string' && element.valueName !== '' ? element.valueName : element.name,
    conditions: conditionsWith(conditions, element),
    required: element.isRequired === true,
    check,
    validators: compileValidators(element.validators),
  };
  if (typeof element.requiredIf === 'string' && element.requiredIf !== '')
    question.requiredIf = new CompiledCondition(element.requiredIf);
  if (hasComment) question.commentKey = `${question.name}-Comment`;
  return question;
}

function compileScope(
  elements: unknown[],
  conditions: Conditions,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): CompiledScope {
  const questions: CompiledQuestion[] = [];
  const collect = (items: unknown, inherited: Conditions): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isRecord(item)) continue;
      const element = item as ElementJson;
      if (isPanelType(element.type)) collect(element.elements, conditionsWith(inherited, element));
      else if (isQuestionElement(element)) questions.push(compileQuestion(element, inherited, survey, lookup));
    }
  };
  collect(elements, conditions);
  const keys = new Set<string>();
  for (const question of questions) {
    keys.add(question.name);
    if (question.commentKey !== undefined) keys.add(question.commentKey);
  }
  return { questions, keys };
}

/** Compiles a definition once (per survey version) into plain checks. */
export function compileValidator(definition: SurveyDefinition): CompiledSurvey {
  const byName = new Map<string, ElementJson>();
  for (const { element } of walkElements(definition))
    if (typeof element.name === 'string') byName.set(element.name, element);
  const lookup: ElementLookup = (name) => byName.get(name);
  const pages = definitionPages(definition).map(({ page }) => page);
  const questions: CompiledQuestion[] = [];
  const keys = new Set<string>();
  for (const page of pages) {
    const scope = compileScope(
      page.elements ?? [],
      conditionsWith({ visible: [], enabled: [] }, page),
      definition,
      lookup,
    );
    questions.push(...scope.questions);
    for (const key of scope.keys) keys.add(key);
  }
  return { root: { questions, keys } };
}

function validateScope(scope: CompiledScope, context: CheckContext, report: Report): void {
  const { owner, values, mode } = context;
  for (const key in owner) {
    if (!scope.keys.has(key)) report('Unknown question', key);
  }
  for (const question of scope.questions) {
    const value = owner[question.name];
    const empty = isEmptyAnswer(value);
    const questionReport: Report = (message, suffix = '') => report(message, `${question.name}${suffix}`);
    const visible = allTrue(question.conditions.visible, values);
    if (!visible) {
      if (!empty) questionReport('The question is hidden, so it must not be answered');
      continue;
    }
    if (empty) {
      if (mode !== 'complete' || !allTrue(question.conditions.enabled, values)) continue;
      if (question.required || question.requiredIf?.run(values) === true) questionReport('An answer is required');
      continue;
    }
    let valid = true;
    const tracking: Report = (message, suffix) => {
      valid = false;
      questionReport(message, suffix);
    };
    question.check(value, tracking, context);
    if (valid) for (const validator of question.validators) validator(value, tracking, context);
    if (question.commentKey !== undefined) {
      const comment = owner[question.commentKey];
      if (comment !== undefined && comment !== null && typeof comment !== 'string')
        questionReport('Expected text', '-Comment');
    }
  }
}

/**
 * Checks a response against a compiled version. `partial`: answers present must be valid, missing
 * ones are fine. `complete`: required visible questions must be answered too.
 */
/** Problems reported at most; the rest are counted in one closing entry. */
export const MAX_ANSWER_PROBLEMS = 100;

export function validateAnswers(compiled: CompiledSurvey, data: unknown, mode: AnswerMode): AnswerProblem[] {
  if (!isRecord(data)) return [{ question: '', message: 'Answers must be a JSON object' }];
  const problems: AnswerProblem[] = [];
  let omitted = 0;
  validateScope(compiled.root, { mode, owner: data, values: data }, (message, question = '') => {
    if (problems.length < MAX_ANSWER_PROBLEMS) problems.push({ question, message });
    else omitted++;
  });
  if (omitted > 0) problems.push({ question: '', message: `${omitted} more problems not listed` });
  return problems;
}

import { SurveyModel } from 'survey-core';
import {
  type AnswerMode,
  type CheckContext,
  checkWithValidators,
  compileEmptyValidators,
  compileValidators,
  compileValueCheck,
  conditionalItems,
  type ElementLookup,
  type EmptinessTest,
  flag,
  isEmptyAnswer,
  isEmptyForSurveyCore,
  isPanelListEmptyForSurveyCore,
  type ItemVisibility,
  type Report,
  type ValueCheck,
  visibleItems,
  withVariable,
  withVariables,
} from './answer-checks';
import { definitionPages, isPanelType, isQuestionElement, walkElements } from './definition-model';
import { type ElementJson, isRecord, type SurveyDefinition } from './definition-types';
import { CompiledCondition, CompiledExpression, compilingWithExactLookup, sameAnswer } from './expressions';

export type { AnswerMode } from './answer-checks';

/** One thing wrong with a response: the question (or `m.row.column`, `dyn[0].q`) and what is wrong. */
export interface AnswerProblem {
  question: string;
  message: string;
}

interface Conditions {
  visible: CompiledCondition[];
  enabled: CompiledCondition[];
  /** `visible: false` on the element or a container: never shown, whatever the answers. */
  hidden: boolean;
  /** `readOnly: true` on the element or a container: shown, but nobody can answer it, so it is never required. */
  readOnly: boolean;
}

/** What a composite question demands when it has no answer at all (required cells, items, rows). */
type EmptyCheck = (value: unknown, report: Report, context: CheckContext) => void;

interface CompiledQuestion {
  name: string;
  conditions: Conditions;
  required: boolean;
  requiredIf?: CompiledCondition;
  /** survey-core's emptiness for `isRequired` and required panels (`"  "`, `{"r1": ""}`, a dynamic panel's `[{}]`). */
  isEmpty: EmptinessTest;
  check: ValueCheck;
  validators: ValueCheck[];
  /** Validators survey-core also runs on an empty answer (expression validators). */
  emptyValidators: ValueCheck[];
  whenEmpty?: EmptyCheck;
  /** Keys stored beside the answer: `<name>-Comment`, `<name>-total`. */
  extraKeys: Array<{ key: string; check: ValueCheck }>;
  /** Empty rows survey-core writes into an unanswered, shown dynamic matrix (see implicitDynamicRows). */
  implicitRows?: number;
  /** The answer is computed (expression question, included calculated value): the server writes it in. */
  storesComputed?: boolean;
  /** A dynamic panel's template, whose expression questions are stored in each panel. */
  template?: CompiledScope;
}

/** A value the form computes (expression question, calculated value); the server computes it again. */
interface ComputedValue {
  key: string;
  expression: CompiledExpression;
  precision?: number;
  /** enableIf conditions: survey-core computes no read-only (disabled) expression question. */
  enabled?: CompiledCondition[];
}

/** A panel with isRequired: at least one of its questions must be answered. */
interface RequiredPanel {
  name: string;
  conditions: Conditions;
  /** Required only when this holds (survey-core's requiredIf overrides isRequired). */
  requiredIf?: CompiledCondition;
  questions: CompiledQuestion[];
}

interface CompiledScope {
  questions: CompiledQuestion[];
  keys: ReadonlySet<string>;
  computed: ComputedValue[];
  requiredPanels: RequiredPanel[];
  /** Some key is shared by several questions (valueName): hidden ones then defer to visible ones. */
  sharedKeys: boolean;
  /** Questions survey-core fills with empty rows when unanswered. */
  implicitRows: CompiledQuestion[];
  /** Dynamic panels, which conditions read as empty while no panel holds a key (`[{}]`). */
  panelLists: CompiledQuestion[];
}

/** A definition compiled once into plain checks; validating answers then builds no survey-core model. */
export interface CompiledSurvey {
  readonly root: CompiledScope;
}

const ROOT_CONDITIONS: Conditions = { visible: [], enabled: [], hidden: false, readOnly: false };

function conditionsWith(parent: Conditions, element: Record<string, unknown>): Conditions {
  const visibleIf = typeof element.visibleIf === 'string' && element.visibleIf !== '' ? element.visibleIf : undefined;
  const visible = visibleIf !== undefined ? [...parent.visible, new CompiledCondition(visibleIf)] : parent.visible;
  const enabled =
    typeof element.enableIf === 'string' && element.enableIf !== ''
      ? [...parent.enabled, new CompiledCondition(element.enableIf)]
      : parent.enabled;
  return {
    visible,
    enabled,
    // survey-core lets a visibleIf override `visible: false`.
    hidden: parent.hidden || (element.visible === false && visibleIf === undefined),
    readOnly: parent.readOnly || flag(element.readOnly),
  };
}

/** requiredIf, which in survey-core overrides isRequired: the element is required exactly when it holds. */
function requiredIfOf(element: Record<string, unknown>): CompiledCondition | undefined {
  return typeof element.requiredIf === 'string' && element.requiredIf !== ''
    ? new CompiledCondition(element.requiredIf)
    : undefined;
}

/** isRequired, unless a requiredIf decides instead. */
function staticallyRequired(element: Record<string, unknown>): boolean {
  return flag(element.isRequired) && requiredIfOf(element) === undefined;
}

function allTrue(conditions: CompiledCondition[], values: Record<string, unknown>): boolean {
  for (const condition of conditions) if (!condition.run(values)) return false;
  return true;
}

function isShown(conditions: Conditions, values: Record<string, unknown>): boolean {
  return !conditions.hidden && allTrue(conditions.visible, values);
}

const HIDDEN_ROW = 'The row is hidden, so it must not be answered';
const HIDDEN_COLUMN = 'The column is hidden, so it must not be answered';

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Rows of a matrix with their visibility (row visibleIf, the matrix's rowsVisibleIf with `{item}`). */
interface MatrixRows {
  all: Set<string>;
  visible: (context: CheckContext) => string[];
  /** The same as a set; built once per version when no row has a condition. */
  visibleSet: (context: CheckContext) => ReadonlySet<string>;
}

function matrixRows(element: ElementJson): MatrixRows {
  const items = conditionalItems(element.rows, element.rowsVisibleIf);
  const shown = visibleItems(items);
  const all = new Set([...items.fixed, ...items.conditional.map((item) => item.value)].map(String));
  if (items.conditional.length === 0) {
    const fixed = [...all];
    return { all, visible: () => fixed, visibleSet: () => all };
  }
  const visible = (context: CheckContext): string[] => shown(context).map(String);
  return { all, visible, visibleSet: (context) => new Set(visible(context)) };
}

/** The visible items as a set, built once per version when no item has a condition. */
function visibleItemSet(items: ItemVisibility): (context: CheckContext) => ReadonlySet<unknown> {
  if (items.conditional.length === 0) {
    const fixed = new Set(items.fixed);
    return () => fixed;
  }
  const shown = visibleItems(items);
  return (context) => new Set(shown(context));
}

function matrixCheck(element: ElementJson): { check: ValueCheck; whenEmpty?: EmptyCheck } {
  const rows = matrixRows(element);
  const columnItems = conditionalItems(element.columns, element.columnsVisibleIf);
  const allColumns = new Set([...columnItems.fixed, ...columnItems.conditional.map((item) => item.value)]);
  const visibleColumns = visibleItemSet(columnItems);
  const multiple = element.cellType === 'checkbox';
  const allRowsRequired = flag(element.isAllRowRequired) || flag(element.eachRowRequired);
  const checkCell = (cell: unknown, columns: ReadonlySet<unknown>, row: string, report: Report): void => {
    if (!multiple) {
      if (!columns.has(cell))
        report(`${show(cell)} is not ${allColumns.has(cell) ? 'a visible' : 'a'} column`, `.${row}`);
      return;
    }
    if (!Array.isArray(cell)) return report('Expected a list of columns', `.${row}`);
    const seen = new Set<unknown>();
    for (const item of cell) {
      if (seen.has(item)) return report(`${show(item)} is chosen twice`, `.${row}`);
      if (!columns.has(item)) return report(`${show(item)} is not a column`, `.${row}`);
      seen.add(item);
    }
  };
  const requireRows = (value: Record<string, unknown>, report: Report, context: CheckContext): void => {
    for (const row of rows.visible(context)) if (isEmptyAnswer(value[row])) report('An answer is required', `.${row}`);
  };
  const check: ValueCheck = (value, report, context) => {
    if (!isRecord(value)) return report('Expected an object of row answers');
    const visibleRows = rows.visibleSet(context);
    const columns = visibleColumns(context);
    for (const row in value) {
      const cell = value[row];
      if (!rows.all.has(row)) report(`${JSON.stringify(row)} is not a row`);
      else if (isEmptyAnswer(cell)) continue;
      else if (!visibleRows.has(row)) report(HIDDEN_ROW, `.${row}`);
      else checkCell(cell, columns, row, report);
    }
    if (context.mode === 'complete' && allRowsRequired) requireRows(value, report, context);
  };
  if (!allRowsRequired) return { check };
  return { check, whenEmpty: (_value, report, context) => requireRows({}, report, context) };
}

interface CompiledColumn {
  check: ValueCheck;
  validators: ValueCheck[];
  emptyValidators: ValueCheck[];
  required: boolean;
  requiredIf?: CompiledCondition;
  visibleIf?: CompiledCondition;
  hidden: boolean;
  /** The cell may carry `<column>-Comment` (other item, comment area). */
  comment: boolean;
}

function hasCommentArea(element: Record<string, unknown>): boolean {
  return (
    flag(element.showOtherItem) || flag(element.hasOther) || flag(element.showCommentArea) || flag(element.hasComment)
  );
}

function compileCell(
  cell: ElementJson,
  source: Record<string, unknown>,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): CompiledColumn {
  const column: CompiledColumn = {
    check: compileValueCheck(cell, survey, lookup),
    validators: compileValidators(source.validators),
    emptyValidators: compileEmptyValidators(source.validators),
    required: staticallyRequired(source) && !flag(source.readOnly),
    hidden: source.visible === false && !(typeof source.visibleIf === 'string' && source.visibleIf !== ''),
    comment: hasCommentArea(cell),
  };
  const requiredIf = requiredIfOf(source);
  if (requiredIf !== undefined && !flag(source.readOnly)) column.requiredIf = requiredIf;
  if (typeof source.visibleIf === 'string' && source.visibleIf !== '')
    column.visibleIf = new CompiledCondition(source.visibleIf);
  return column;
}

/** The columns of a matrixdropdown/matrixdynamic, plus the questions of its detail panel (stored in the row too). */
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
      ...column,
      type,
      name: column.name,
      choices: column.choices ?? element.choices,
    } as ElementJson;
    columns.set(column.name, compileCell(cell, column, survey, lookup));
  }
  if (Array.isArray(element.detailElements) && element.detailPanelMode !== 'none') {
    for (const detail of element.detailElements as unknown[]) {
      if (isQuestionElement(detail) && !isPanelType(detail.type))
        columns.set(detail.name, compileCell(detail, detail, survey, lookup));
    }
  }
  const readsRow = [...columns.values()].some(
    (column) =>
      column.visibleIf !== undefined ||
      column.requiredIf !== undefined ||
      column.validators.length > 0 ||
      column.emptyValidators.length > 0,
  );
  if (readsRow) rowVariableReaders.add(columns);
  return columns;
}

/** Column sets some of whose columns have conditions or validators, which may read `{row}`. */
const rowVariableReaders = new WeakSet<Map<string, CompiledColumn>>();

/** Checks one row of a matrix: its cells, comments, and (complete mode) its required cells. */
function checkCells(
  columns: Map<string, CompiledColumn>,
  row: unknown,
  prefix: string,
  report: Report,
  parent: CheckContext,
): void {
  if (!isRecord(row)) return report('Expected an object of cell answers', prefix);
  // Copying the condition values for `{row}` costs; only columns with conditions or validators read it.
  const values = rowVariableReaders.has(columns) ? withVariable(parent.values, 'row', row) : parent.values;
  const context: CheckContext = { mode: parent.mode, owner: row, values };
  const visible = (column: CompiledColumn): boolean =>
    !column.hidden && (column.visibleIf === undefined || column.visibleIf.run(context.values));
  for (const name in row) {
    const cell = row[name];
    const column = columns.get(name);
    if (column === undefined) {
      const commented = name.endsWith('-Comment') ? columns.get(name.slice(0, -'-Comment'.length)) : undefined;
      if (commented?.comment !== true) report(`${JSON.stringify(name)} is not a column`, prefix);
      else if (cell !== undefined && cell !== null && typeof cell !== 'string')
        report('Expected text', `${prefix}.${name}`);
      continue;
    }
    if (isEmptyAnswer(cell)) continue;
    if (!visible(column)) report(HIDDEN_COLUMN, `${prefix}.${name}`);
    // The cell's path is only spelled out when something is reported.
    else
      checkWithValidators(
        column,
        cell,
        '',
        (message, more = '') => report(message, `${prefix}.${name}${more}`),
        context,
      );
  }
  if (context.mode !== 'complete') return;
  for (const [name, column] of columns) {
    if (!isEmptyAnswer(row[name]) || !visible(column)) continue;
    if (column.required || column.requiredIf?.run(context.values) === true)
      report('An answer is required', `${prefix}.${name}`);
    if (column.emptyValidators.length === 0) continue;
    const cellReport: Report = (message) => report(message, `${prefix}.${name}`);
    for (const validator of column.emptyValidators) validator(row[name], cellReport, context);
  }
}

function hasTotals(element: ElementJson): boolean {
  return (element.columns ?? []).some(
    (column) => isRecord(column) && typeof column.totalType === 'string' && column.totalType !== 'none',
  );
}

function matrixDropdownCheck(
  element: ElementJson,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): { check: ValueCheck; whenEmpty: EmptyCheck } {
  const rows = matrixRows(element);
  const columns = compileColumns(element, survey, lookup);
  const requireRows = (value: Record<string, unknown>, report: Report, context: CheckContext): void => {
    for (const row of rows.visible(context))
      if (value[row] === undefined) checkCells(columns, {}, `.${row}`, report, context);
  };
  return {
    check: (value, report, context) => {
      if (!isRecord(value)) return report('Expected an object of row answers');
      const visibleRows = rows.visibleSet(context);
      for (const row in value) {
        const cells = value[row];
        if (!rows.all.has(row)) report(`${JSON.stringify(row)} is not a row`);
        else if (!visibleRows.has(row)) {
          if (!isEmptyAnswer(cells)) report(HIDDEN_ROW, `.${row}`);
        } else checkCells(columns, cells, `.${row}`, report, context);
      }
      if (context.mode === 'complete') requireRows(value, report, context);
    },
    whenEmpty: (_value, report, context) => requireRows({}, report, context),
  };
}

/** survey-core shows two rows of a matrixdynamic until the respondent changes them. */
const DEFAULT_DYNAMIC_ROWS = 2;

/**
 * survey-core, loading a dynamic matrix whose minRowCount differs from its (positive) rowCount,
 * writes minRowCount empty rows into the answers of a shown, unanswered matrix when it builds the
 * rows, so `{matrix} notempty` holds and its rows are checked. Returns that row count, if any.
 */
function implicitDynamicRows(element: ElementJson): number | undefined {
  const minRows = typeof element.minRowCount === 'number' ? element.minRowCount : 0;
  const rowCount = typeof element.rowCount === 'number' ? element.rowCount : DEFAULT_DYNAMIC_ROWS;
  return minRows >= 1 && rowCount > 0 && rowCount !== minRows ? minRows : undefined;
}

/** A row survey-core counts as empty: every cell it knows is empty (text trimmed). */
function isRowEmpty(row: unknown, columns: Map<string, CompiledColumn>): boolean {
  if (!isRecord(row)) return false;
  for (const name in row) if (columns.has(name) && !isEmptyForSurveyCore(row[name])) return false;
  return true;
}

/**
 * A required dynamic matrix without minRowCount: survey-core, checking rows that hold empty cells,
 * drops those cells and then the rows left without keys, and calls the matrix unanswered if no row
 * is left. Rows written as `{}` alone are kept, so `[{}]` is an answer.
 */
function emptyOnceCleaned(rows: unknown[], columns: Map<string, CompiledColumn>): boolean {
  let cleaned = false;
  let kept = 0;
  for (const row of rows) {
    if (!isRecord(row)) {
      kept++;
      continue;
    }
    let keys = 0;
    for (const name in row) {
      if (columns.has(name) && isEmptyForSurveyCore(row[name])) cleaned = true;
      else keys++;
    }
    if (keys > 0) kept++;
  }
  return cleaned && kept === 0;
}

function matrixDynamicCheck(
  element: ElementJson,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): { check: ValueCheck; whenEmpty: EmptyCheck } {
  const columns = compileColumns(element, survey, lookup);
  const minRows = typeof element.minRowCount === 'number' ? element.minRowCount : 0;
  const maxRows = typeof element.maxRowCount === 'number' ? element.maxRowCount : Infinity;
  const defaultRows = Math.max(typeof element.rowCount === 'number' ? element.rowCount : DEFAULT_DYNAMIC_ROWS, minRows);
  // A required matrix needs answers in its rows, not just rows: at least one, and minRowCount.
  const required = staticallyRequired(element);
  const requiredIf = requiredIfOf(element);
  const checkRows = (rows: unknown[], report: Report, context: CheckContext): void =>
    rows.forEach((row, index) =>
      checkCells(columns, row, `[${index}]`, report, {
        ...context,
        values: withVariable(context.values, 'rowIndex', index + 1),
      }),
    );
  return {
    check: (value, report, context) => {
      if (!Array.isArray(value)) return report('Expected a list of rows');
      if (value.length > maxRows) report(`At most ${maxRows} rows are allowed`);
      // survey-core pads answered rows up to minRowCount with empty ones, whose required cells it then demands.
      const rows =
        value.length < minRows
          ? [...(value as unknown[]), ...Array.from({ length: minRows - value.length }, () => ({}))]
          : value;
      if (context.mode === 'complete' && (required || requiredIf?.run(context.values) === true)) {
        if (minRows === 0) {
          if (emptyOnceCleaned(value, columns)) report('An answer is required');
        } else if (rows.filter((row) => !isRowEmpty(row, columns)).length < minRows)
          report(`Fill in at least ${minRows} ${minRows === 1 ? 'row' : 'rows'}`);
      }
      checkRows(context.mode === 'complete' ? rows : value, report, context);
    },
    // No answer at all: the form still shows its default rows, whose required cells must be filled.
    whenEmpty: (value, report, context) => {
      const count = Array.isArray(value) ? value.length : defaultRows;
      // An empty list is no rows at all: survey-core pads only answered rows up to minRowCount.
      checkRows(
        Array.from({ length: count }, () => ({})),
        report,
        context,
      );
    },
  };
}

/** Condition values inside one panel of a dynamic panel: `{panel}`, `{panelIndex}`, `{prevPanel}`, … */
function panelValues(outer: Record<string, unknown>, panels: unknown[], index: number): Record<string, unknown> {
  return withVariables(outer, {
    panel: panels[index],
    panelIndex: index,
    visiblePanelIndex: index,
    prevPanel: panels[index - 1],
    parentPanel: outer.panel,
  });
}

function panelDynamicCheck(
  element: ElementJson,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): { check: ValueCheck; whenEmpty: EmptyCheck; template: CompiledScope } {
  const template = compileScope(element.templateElements ?? [], ROOT_CONDITIONS, survey, lookup);
  const minPanels = typeof element.minPanelCount === 'number' ? element.minPanelCount : 0;
  const maxPanels = typeof element.maxPanelCount === 'number' ? element.maxPanelCount : Infinity;
  const defaultPanels = Math.max(typeof element.panelCount === 'number' ? element.panelCount : 0, minPanels);
  const checkPanels = (panels: unknown[], report: Report, context: CheckContext): void => {
    panels.forEach((item, index) => {
      if (!isRecord(item)) return report('Expected an object of answers', `[${index}]`);
      const values = panelValues(context.values, panels, index);
      validateScope(
        template,
        { mode: context.mode, owner: item, values, ownerVariable: 'panel' },
        (message, suffix = '') => report(message, `[${index}].${suffix}`),
      );
    });
  };
  return {
    template,
    check: (value, report, context) => {
      if (!Array.isArray(value)) return report('Expected a list of panels');
      if (value.length > maxPanels) report(`At most ${maxPanels} panels are allowed`);
      if (context.mode === 'complete' && value.length < minPanels) report(`At least ${minPanels} panels are required`);
      checkPanels(value, report, context);
    },
    whenEmpty: (value, report, context) => {
      if (Array.isArray(value) && minPanels > 0) report(`At least ${minPanels} panels are required`);
      if (!Array.isArray(value))
        checkPanels(
          Array.from({ length: defaultPanels }, () => ({})),
          report,
          context,
        );
    },
  };
}

function multipleTextWhenEmpty(element: ElementJson, check: ValueCheck): EmptyCheck | undefined {
  const items = Array.isArray(element.items) ? (element.items as unknown[]) : [];
  if (!items.some((item) => isRecord(item) && flag(item.isRequired))) return undefined;
  return (_value, report, context) => check({}, report, context);
}

function computedCheck(key: string): ValueCheck {
  return (value, report, context) => {
    const expected = context.computed?.[key];
    if (!sameAnswer(value, expected))
      report(`Must equal the value computed from the other answers (${show(expected ?? null)})`);
  };
}

function commentTextCheck(value: unknown, report: Report): void {
  if (value !== undefined && value !== null && typeof value !== 'string') report('Expected text');
}

function totalsCheck(value: unknown, report: Report): void {
  if (value !== undefined && value !== null && !isRecord(value)) report('Expected an object of column totals');
}

function compileQuestion(
  element: ElementJson,
  conditions: Conditions,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): CompiledQuestion {
  const name = typeof element.valueName === 'string' && element.valueName !== '' ? element.valueName : element.name;
  let check: ValueCheck;
  let whenEmpty: EmptyCheck | undefined;
  let template: CompiledScope | undefined;
  switch (element.type) {
    case 'matrix':
      ({ check, whenEmpty } = matrixCheck(element));
      break;
    case 'matrixdropdown':
      ({ check, whenEmpty } = matrixDropdownCheck(element, survey, lookup));
      break;
    case 'matrixdynamic':
      ({ check, whenEmpty } = matrixDynamicCheck(element, survey, lookup));
      break;
    case 'paneldynamic':
      ({ check, whenEmpty, template } = panelDynamicCheck(element, survey, lookup));
      break;
    case 'expression':
      check = computedCheck(name);
      break;
    default:
      check = compileValueCheck(element, survey, lookup);
      if (element.type === 'multipletext') whenEmpty = multipleTextWhenEmpty(element, check);
  }
  const own = conditionsWith(conditions, element);
  const question: CompiledQuestion = {
    name,
    conditions: own,
    required: staticallyRequired(element) && !own.readOnly,
    isEmpty: element.type === 'paneldynamic' ? isPanelListEmptyForSurveyCore : isEmptyForSurveyCore,
    check,
    validators: compileValidators(element.validators),
    emptyValidators: compileEmptyValidators(element.validators),
    extraKeys: [],
  };
  if (whenEmpty !== undefined && !own.readOnly) question.whenEmpty = whenEmpty;
  if (element.type === 'matrixdynamic') question.implicitRows = implicitDynamicRows(element);
  if (template !== undefined) question.template = template;
  const requiredIf = requiredIfOf(element);
  if (requiredIf !== undefined && !own.readOnly) question.requiredIf = requiredIf;
  if (hasCommentArea(element)) question.extraKeys.push({ key: `${name}-Comment`, check: commentTextCheck });
  if ((element.type === 'matrixdynamic' || element.type === 'matrixdropdown') && hasTotals(element))
    question.extraKeys.push({ key: `${name}-total`, check: totalsCheck });
  return question;
}

function precisionOf(element: Record<string, unknown>): number | undefined {
  return typeof element.precision === 'number' && element.precision >= 0 ? element.precision : undefined;
}

function compileScope(
  elements: unknown[],
  conditions: Conditions,
  survey: Record<string, unknown>,
  lookup: ElementLookup,
): CompiledScope {
  const questions: CompiledQuestion[] = [];
  const computed: ComputedValue[] = [];
  const requiredPanels: RequiredPanel[] = [];
  const collect = (items: unknown, inherited: Conditions): CompiledQuestion[] => {
    const inside: CompiledQuestion[] = [];
    if (!Array.isArray(items)) return inside;
    for (const item of items) {
      if (!isRecord(item)) continue;
      const element = item as ElementJson;
      if (isPanelType(element.type)) {
        const panelConditions = conditionsWith(inherited, element);
        const panelQuestions = collect(element.elements, panelConditions);
        inside.push(...panelQuestions);
        const requiredIf = requiredIfOf(element);
        if ((flag(element.isRequired) || requiredIf !== undefined) && !panelConditions.readOnly)
          requiredPanels.push({
            name: String(element.name ?? ''),
            conditions: panelConditions,
            requiredIf,
            questions: panelQuestions,
          });
      } else if (isQuestionElement(element)) {
        const question = compileQuestion(element, inherited, survey, lookup);
        questions.push(question);
        inside.push(question);
        // A read-only expression question is never computed: the form sends no value for it.
        if (
          !question.conditions.readOnly &&
          element.type === 'expression' &&
          typeof element.expression === 'string' &&
          element.expression !== ''
        ) {
          const enabled = question.conditions.enabled;
          question.storesComputed = true;
          computed.push({
            key: question.name,
            expression: new CompiledExpression(element.expression),
            precision: precisionOf(element),
            ...(enabled.length > 0 ? { enabled } : {}),
          });
        }
      }
    }
    return inside;
  };
  collect(elements, conditions);
  const keys = new Set<string>();
  let sharedKeys = false;
  for (const question of questions) {
    if (keys.has(question.name)) sharedKeys = true;
    keys.add(question.name);
    for (const extra of question.extraKeys) keys.add(extra.key);
  }
  const implicitRows = questions.filter((question) => question.implicitRows !== undefined);
  const panelLists = questions.filter((question) => question.template !== undefined);
  return { questions, keys, computed, requiredPanels, sharedKeys, implicitRows, panelLists };
}

/** The definition as survey-core reads it: names trimmed, `"true"` read as true, legacy names renamed, panels named. */
function normalizedDefinition(definition: SurveyDefinition): SurveyDefinition {
  // In design mode survey-core runs no condition, so `visible: false` in the output was written by the author.
  const model = new SurveyModel();
  model.setDesignMode(true);
  model.fromJSON(definition);
  const normalized = model.toJSON() as SurveyDefinition;
  // survey-core does not write `readOnly` and `enableIf` of expression questions back, yet honours them
  // (it computes no read-only expression question).
  const expressionStates = new Map<string, { readOnly?: unknown; enableIf?: unknown }>();
  for (const { element } of walkElements(definition))
    if (element.type === 'expression' && typeof element.name === 'string' && (element.readOnly || element.enableIf))
      expressionStates.set(element.name.trim(), { readOnly: element.readOnly, enableIf: element.enableIf });
  if (expressionStates.size > 0)
    for (const { element } of walkElements(normalized)) {
      const state = element.type === 'expression' ? expressionStates.get(element.name) : undefined;
      if (state === undefined) continue;
      if (flag(state.readOnly)) element.readOnly = true;
      if (typeof state.enableIf === 'string') element.enableIf = state.enableIf;
    }
  return normalized;
}

/** calculatedValues: computed for conditions; those with includeIntoResult are stored with the answers. */
function compileCalculatedValues(definition: SurveyDefinition, root: CompiledScope): void {
  if (!Array.isArray(definition.calculatedValues)) return;
  for (const value of definition.calculatedValues as unknown[]) {
    if (!isRecord(value) || typeof value.name !== 'string' || typeof value.expression !== 'string') continue;
    root.computed.push({ key: value.name, expression: new CompiledExpression(value.expression) });
    if (!flag(value.includeIntoResult)) continue;
    root.questions.push({
      name: value.name,
      conditions: ROOT_CONDITIONS,
      required: false,
      isEmpty: isEmptyForSurveyCore,
      check: computedCheck(value.name),
      validators: [],
      emptyValidators: [],
      extraKeys: [],
      storesComputed: true,
    });
    (root.keys as Set<string>).add(value.name);
  }
}

/** Compiles a definition once (per survey version) into plain checks. */
export function compileValidator(raw: SurveyDefinition): CompiledSurvey {
  const definition = normalizedDefinition(raw);
  // Names that differ only in case would make an exact lookup find another answer than survey-core.
  const names = walkElements(definition).map(({ element }) =>
    typeof element.valueName === 'string' ? element.valueName : typeof element.name === 'string' ? element.name : '',
  );
  if (Array.isArray(definition.calculatedValues))
    for (const value of definition.calculatedValues as unknown[]) if (isRecord(value)) names.push(String(value.name));
  const distinct = new Set(names);
  const exact = new Set([...distinct].map((name) => name.toLowerCase())).size === distinct.size;
  return compilingWithExactLookup(exact, () => compileDefinition(definition));
}

function compileDefinition(definition: SurveyDefinition): CompiledSurvey {
  const byName = new Map<string, ElementJson>();
  for (const { element } of walkElements(definition))
    if (typeof element.name === 'string') byName.set(element.name, element);
  const lookup: ElementLookup = (name) => byName.get(name);
  const root: CompiledScope = {
    questions: [],
    keys: new Set(),
    computed: [],
    requiredPanels: [],
    sharedKeys: false,
    implicitRows: [],
    panelLists: [],
  };
  for (const { page } of definitionPages(definition)) {
    const scope = compileScope(page.elements ?? [], conditionsWith(ROOT_CONDITIONS, page), definition, lookup);
    root.questions.push(...scope.questions);
    root.computed.push(...scope.computed);
    root.requiredPanels.push(...scope.requiredPanels);
    root.implicitRows.push(...scope.implicitRows);
    root.panelLists.push(...scope.panelLists);
    for (const key of scope.keys) {
      if (root.keys.has(key)) root.sharedKeys = true;
      (root.keys as Set<string>).add(key);
    }
    root.sharedKeys ||= scope.sharedKeys;
  }
  compileCalculatedValues(definition, root);
  return { root };
}

function rounded(value: unknown, precision: number | undefined): unknown {
  if (precision === undefined || typeof value !== 'number') return value;
  const scale = 10 ** precision;
  return Math.round(value * scale) / scale;
}

/**
 * Computes expression questions and calculated values from the other answers, as the form does (until
 * they settle, since one may read another); whatever the client sent for them is never trusted.
 */
function withComputedValues(
  scope: CompiledScope,
  context: CheckContext,
  overrides?: Record<string, unknown>,
): CheckContext {
  const owner: Record<string, unknown> = { ...context.owner };
  for (const item of scope.computed) delete owner[item.key];
  const base = context.ownerVariable === undefined ? owner : withVariable(context.values, context.ownerVariable, owner);
  // The overrides sit above the answers, which the computed values are written into as they settle.
  const values = overrides === undefined ? base : withVariables(base, overrides);
  for (let pass = 0; pass <= scope.computed.length; pass++) {
    let changed = false;
    for (const item of scope.computed) {
      if (item.enabled !== undefined && !allTrue(item.enabled, values)) continue;
      const result = rounded(item.expression.run(values), item.precision);
      if (!sameAnswer(owner[item.key], result)) {
        owner[item.key] = result;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { ...context, values, computed: owner };
}

function visibleSharedKeys(scope: CompiledScope, values: Record<string, unknown>): Set<string> {
  const visible = new Set<string>();
  for (const question of scope.questions) if (isShown(question.conditions, values)) visible.add(question.name);
  return visible;
}

/** The answers with the empty rows survey-core writes into shown, unanswered dynamic matrices. */
function withImplicitRows(scope: CompiledScope, context: CheckContext): CheckContext {
  let owner: Record<string, unknown> | undefined;
  for (const question of scope.implicitRows) {
    if (context.owner[question.name] !== undefined || !isShown(question.conditions, context.values)) continue;
    owner ??= { ...context.owner };
    owner[question.name] = Array.from({ length: question.implicitRows ?? 0 }, () => ({}));
  }
  if (owner === undefined) return context;
  const values =
    context.ownerVariable === undefined ? owner : withVariable(context.values, context.ownerVariable, owner);
  return { ...context, owner, values };
}

/** survey-core's conditions and expressions read a dynamic panel none of whose panels holds a key (`[{}]`) as empty. */
function emptyPanelLists(scope: CompiledScope, owner: Record<string, unknown>): Record<string, unknown> | undefined {
  let empty: Record<string, unknown> | undefined;
  for (const question of scope.panelLists) {
    const value = owner[question.name];
    if (Array.isArray(value) && value.length > 0 && isPanelListEmptyForSurveyCore(value)) {
      empty ??= {};
      empty[question.name] = undefined;
    }
  }
  return empty;
}

function validateScope(scope: CompiledScope, given: CheckContext, report: Report): void {
  const outer = scope.implicitRows.length > 0 ? withImplicitRows(scope, given) : given;
  const empty = scope.panelLists.length > 0 ? emptyPanelLists(scope, outer.owner) : undefined;
  const context =
    scope.computed.length > 0
      ? withComputedValues(scope, outer, empty)
      : empty === undefined
        ? outer
        : { ...outer, values: withVariables(outer.values, empty) };
  const { owner, values, mode } = context;
  for (const key in owner) {
    if (!scope.keys.has(key)) report('Unknown question', key);
  }
  const shownKeys = scope.sharedKeys ? visibleSharedKeys(scope, values) : undefined;
  for (const question of scope.questions) {
    const value = owner[question.name];
    const empty = isEmptyAnswer(value);
    const questionReport: Report = (message, suffix = '') => report(message, `${question.name}${suffix}`);
    if (!isShown(question.conditions, values)) {
      // A value shared through valueName belongs to the questions that show it.
      if (!empty && shownKeys?.has(question.name) !== true)
        questionReport('The question is hidden, so it must not be answered');
      continue;
    }
    // Read-only or disabled (enableIf), a question collects no errors in survey-core: not required, no validators.
    const locked = question.conditions.readOnly || !allTrue(question.conditions.enabled, values);
    const demanded = mode === 'complete' && !locked;
    if (empty) {
      if (!demanded) continue;
      if (isRequired(question, values)) questionReport('An answer is required');
      else question.whenEmpty?.(value, questionReport, context);
      for (const validator of question.emptyValidators) validator(value, questionReport, context);
      continue;
    }
    // Present but empty to survey-core (blank text, a dynamic panel's `[{}]`): still not an answer.
    if (demanded && isRequired(question, values) && question.isEmpty(value)) questionReport('An answer is required');
    // Nobody can change a locked answer: only its shape is checked, and nothing inside it is required.
    if (locked) question.check(value, questionReport, mode === 'partial' ? context : { ...context, mode: 'partial' });
    else checkWithValidators(question, value, '', questionReport, context);
    for (const extra of question.extraKeys)
      extra.check(owner[extra.key], (message) => report(message, extra.key), context);
  }
  if (mode === 'complete') checkRequiredPanels(scope, context, report);
}

function isRequired(question: CompiledQuestion, values: Record<string, unknown>): boolean {
  return question.required || question.requiredIf?.run(values) === true;
}

function checkRequiredPanels(scope: CompiledScope, context: CheckContext, report: Report): void {
  for (const panel of scope.requiredPanels) {
    if (!isShown(panel.conditions, context.values) || !allTrue(panel.conditions.enabled, context.values)) continue;
    if (panel.requiredIf !== undefined && !panel.requiredIf.run(context.values)) continue;
    // A panel none of whose questions shows is hidden itself.
    const shown = panel.questions.filter((question) => isShown(question.conditions, context.values));
    if (shown.length > 0 && shown.every((question) => question.isEmpty(context.owner[question.name])))
      report('Answer at least one question of this panel', panel.name);
  }
}

/** Writes the computed answers of one scope (and of its dynamic panels' panels) into a copy of its owner. */
function storeComputedValues(scope: CompiledScope, outer: CheckContext): Record<string, unknown> {
  const empty = scope.panelLists.length > 0 ? emptyPanelLists(scope, outer.owner) : undefined;
  const context = scope.computed.length > 0 ? withComputedValues(scope, outer, empty) : outer;
  let stored: Record<string, unknown> | undefined;
  const store = (key: string, value: unknown): void => {
    stored ??= { ...outer.owner };
    if (isEmptyAnswer(value)) delete stored[key];
    else stored[key] = value;
  };
  for (const question of scope.questions) {
    const current = outer.owner[question.name];
    if (question.storesComputed === true) {
      // A hidden question's value is not kept (and may not be sent).
      const value = isShown(question.conditions, context.values) ? context.computed?.[question.name] : undefined;
      if (current !== value) store(question.name, value);
    } else if (question.template !== undefined && Array.isArray(current)) {
      const template = question.template;
      const panels = current.map((item: unknown, index) =>
        isRecord(item)
          ? storeComputedValues(template, {
              mode: outer.mode,
              owner: item,
              values: panelValues(context.values, current, index),
              ownerVariable: 'panel',
            })
          : item,
      );
      if (panels.some((item, index) => item !== current[index])) store(question.name, panels);
    }
  }
  return stored ?? outer.owner;
}

/**
 * The answers as survey-core stores them: expression questions and calculated values with
 * includeIntoResult written in (or taken out when empty or hidden), computed from the other answers.
 * Meant for answers validateAnswers accepted; the input is not changed.
 */
export function withComputedAnswers(compiled: CompiledSurvey, data: Record<string, unknown>): Record<string, unknown> {
  return storeComputedValues(compiled.root, { mode: 'partial', owner: data, values: data });
}

/** Problems reported at most; the rest are counted in one closing entry. */
export const MAX_ANSWER_PROBLEMS = 100;

/**
 * Checks a response against a compiled version. `partial`: answers present must be valid, missing
 * ones are fine. `complete`: required visible questions must be answered too.
 */
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

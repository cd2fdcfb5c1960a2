import { Serializer, SurveyModel } from 'survey-core';
import { definitionPages, isPanelType, isQuestionElement, walkElements } from './definition-model';
import { choiceValue, type ElementJson, isRecord, type SurveyDefinition } from './definition-types';
import { parseExpression, variableRoot } from './expressions';

/** One thing wrong with a definition, at a JSON path such as `$.pages[0].elements[2].choices`. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

/** Question types whose answers are choices and which need a list of them. */
export const CHOICE_TYPES = new Set([
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'ranking',
  'imagepicker',
  'buttongroup',
]);
const CONDITION_PROPERTIES = ['visibleIf', 'enableIf', 'requiredIf'] as const;
/** Variables that name a context rather than a question (dynamic panels, matrix rows, choices). */
const CONTEXT_VARIABLES = new Set([
  'panel',
  'prevPanel',
  'parentPanel',
  'rootPanel',
  'row',
  'item',
  'choice',
  'panelIndex',
  'rowIndex',
  'visiblePanelIndex',
  'locale',
]);
const CHOICE_CELL_TYPES = new Set(['dropdown', 'checkbox', 'radiogroup', 'tagbox']);

/**
 * Types survey-core loads whose answers Concord cannot check: base classes that are not questions a
 * respondent can answer, and the image map, whose answers are areas of an image.
 */
const UNCHECKABLE_TYPES = new Map<string, string>([
  ...['matrixbase', 'matrixdropdownbase', 'selectbase', 'checkboxbase', 'textbase', 'nonvalue'].map(
    (type): [string, string] => [
      type,
      `Question type "${type}" cannot be used: it is a base type of survey-core, not a question a respondent can answer`,
    ],
  ),
  [
    'imagemap',
    'Question type "imagemap" is not supported: its answers are areas of an image, which Concord cannot check',
  ],
]);

function isKnownElementType(type: string): boolean {
  if (isPanelType(type)) return true;
  return Serializer.findClass(type) !== null && Serializer.isDescendantOf(type, 'question');
}

function hasChoiceSource(element: Record<string, unknown>): boolean {
  return (
    (typeof element.choicesMin === 'number' && typeof element.choicesMax === 'number') ||
    (typeof element.choicesFromQuestion === 'string' && element.choicesFromQuestion !== '') ||
    isRecord(element.choicesByUrl)
  );
}

/** Path of every object inside the definition, so survey-core's serializer errors can be located. */
function objectPaths(value: unknown, path: string, into: Map<object, string>): Map<object, string> {
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => objectPaths(item, `${path}[${index}]`, into));
  } else if (isRecord(value)) {
    into.set(value, path);
    for (const [key, child] of Object.entries(value)) objectPaths(child, `${path}.${key}`, into);
  }
  return into;
}

function checkUniqueItems(items: unknown, path: string, noun: string, problems: DefinitionProblem[]): void {
  if (!Array.isArray(items)) return;
  const seen = new Set<string>();
  items.forEach((item: unknown, index) => {
    const key = JSON.stringify(choiceValue(item));
    if (seen.has(key)) problems.push({ path: `${path}[${index}]`, message: `Duplicate ${noun} value ${key}` });
    seen.add(key);
  });
}

/** Far above any real condition; longer ones would only cost every respondent's request time. */
export const MAX_EXPRESSION_LENGTH = 2_000;

function checkExpression(
  text: unknown,
  path: string,
  property: string,
  knownNames: ReadonlySet<string>,
  problems: DefinitionProblem[],
): void {
  if (text === undefined) return;
  if (typeof text !== 'string') {
    problems.push({ path, message: `${property} must be a string` });
    return;
  }
  if (text.length > MAX_EXPRESSION_LENGTH) {
    problems.push({ path, message: `${property} is longer than ${MAX_EXPRESSION_LENGTH} characters` });
    return;
  }
  const parsed = parseExpression(text);
  if (!parsed.ok) {
    problems.push({ path, message: `${property} is not a valid expression (error at character ${parsed.at})` });
    return;
  }
  // survey-core finds variables whatever their case: `{Age}` reads question "age".
  const unknown = [...new Set(parsed.variables.map(variableRoot))].filter(
    (root) => !knownNames.has(root.toLowerCase()) && !CONTEXT_VARIABLES.has(root),
  );
  for (const root of unknown) {
    problems.push({
      path,
      message: `${property} refers to "${root}", which no question sets; declare it (for example as a calculated value) if the form sets it otherwise`,
    });
  }
}

function checkMatrix(element: ElementJson, path: string, problems: DefinitionProblem[]): void {
  const needsRows = element.type === 'matrix' || element.type === 'matrixdropdown';
  if (needsRows && (!Array.isArray(element.rows) || element.rows.length === 0)) {
    problems.push({ path: `${path}.rows`, message: `Matrix "${element.name}" has no rows` });
  }
  if (!Array.isArray(element.columns) || element.columns.length === 0) {
    problems.push({ path: `${path}.columns`, message: `Matrix "${element.name}" has no columns` });
    return;
  }
  checkUniqueItems(element.rows, `${path}.rows`, 'row', problems);
  if (element.type === 'matrix') {
    checkUniqueItems(element.columns, `${path}.columns`, 'column', problems);
    return;
  }
  const seen = new Set<string>();
  element.columns.forEach((column, index) => {
    const columnPath = `${path}.columns[${index}]`;
    if (!isRecord(column) || typeof column.name !== 'string' || column.name === '') {
      problems.push({ path: `${columnPath}.name`, message: `A column of matrix "${element.name}" has no name` });
      return;
    }
    if (seen.has(column.name)) {
      problems.push({
        path: `${columnPath}.name`,
        message: `Duplicate column name "${column.name}" in matrix "${element.name}"`,
      });
    }
    seen.add(column.name);
    const declared = [column.cellType, element.cellType].find((type) => typeof type === 'string' && type !== 'default');
    const cellType = typeof declared === 'string' ? declared : 'dropdown';
    const choices = column.choices ?? element.choices;
    if (
      CHOICE_CELL_TYPES.has(cellType) &&
      !hasChoiceSource(column) &&
      (!Array.isArray(choices) || choices.length === 0)
    ) {
      problems.push({
        path: `${columnPath}.choices`,
        message: `Column "${column.name}" of matrix "${element.name}" has no choices`,
      });
    }
    checkUniqueItems(column.choices, `${columnPath}.choices`, 'choice', problems);
  });
}

/**
 * Everything wrong with a definition: survey-core's own serializer errors plus the rules SurveyJS
 * tolerates but answers could not be checked against (unknown types, duplicate names, missing choices,
 * broken conditions). An empty list means it can be saved.
 */
export function checkDefinition(definition: unknown): DefinitionProblem[] {
  if (!isRecord(definition)) return [{ path: '$', message: 'The definition must be a JSON object' }];
  const survey = definition as SurveyDefinition;
  const problems: DefinitionProblem[] = [];
  if (survey.pages !== undefined && !Array.isArray(survey.pages)) {
    return [{ path: '$.pages', message: 'pages must be an array' }];
  }
  const visits = walkElements(survey);
  const unknownTypes = new Set<object>();
  const firstUse = new Map<string, string>();
  const valueNames = new Set<string>();
  const names = new Set<string>();
  for (const { element, path } of visits) {
    if (typeof element.type !== 'string' || element.type === '') {
      problems.push({ path: `${path}.type`, message: 'The element has no type' });
      unknownTypes.add(element);
      continue;
    }
    if (!isKnownElementType(element.type)) {
      problems.push({ path: `${path}.type`, message: `Unknown question type "${element.type}"` });
      unknownTypes.add(element);
      continue;
    }
    const uncheckable = UNCHECKABLE_TYPES.get(element.type);
    if (uncheckable !== undefined) {
      problems.push({ path: `${path}.type`, message: uncheckable });
      unknownTypes.add(element);
      continue;
    }
    // Panels hold no answer; survey-core names unnamed ones itself.
    if (isPanelType(element.type)) continue;
    const name = typeof element.name === 'string' ? element.name.trim() : '';
    if (name === '') {
      problems.push({ path: `${path}.name`, message: 'The question has no name' });
      continue;
    }
    // A dynamic panel's template is a scope of its own: its questions may reuse names used elsewhere.
    const templateAt = path.lastIndexOf('.templateElements');
    const scopedName = `${templateAt < 0 ? '' : path.slice(0, templateAt)}\u0000${name}`;
    const earlier = firstUse.get(scopedName);
    if (earlier !== undefined) {
      problems.push({
        path: `${path}.name`,
        message: `Duplicate question name "${name}"; it is also used at ${earlier}`,
      });
    } else {
      firstUse.set(scopedName, path);
    }
    names.add(name);
    if (typeof element.valueName === 'string' && element.valueName.trim() !== '')
      valueNames.add(element.valueName.trim());
  }
  const knownNames = new Set([...names, ...valueNames].map((name) => name.toLowerCase()));
  if (Array.isArray(survey.calculatedValues)) {
    for (const value of survey.calculatedValues as unknown[])
      if (isRecord(value)) knownNames.add(String(value.name).trim().toLowerCase());
  }
  for (const { element, path } of visits) {
    if (unknownTypes.has(element)) continue;
    for (const property of CONDITION_PROPERTIES) {
      checkExpression(element[property], `${path}.${property}`, property, knownNames, problems);
    }
    if (element.type === 'expression')
      checkExpression(element.expression, `${path}.expression`, 'expression', knownNames, problems);
    if (CHOICE_TYPES.has(element.type)) {
      if (!hasChoiceSource(element) && (!Array.isArray(element.choices) || element.choices.length === 0)) {
        problems.push({
          path: `${path}.choices`,
          message: `Question "${element.name}" of type ${element.type} has no choices`,
        });
      }
      checkUniqueItems(element.choices, `${path}.choices`, 'choice', problems);
    }
    if (element.type === 'matrix' || element.type === 'matrixdropdown' || element.type === 'matrixdynamic') {
      checkMatrix(element, path, problems);
    }
    if (Array.isArray(element.validators)) {
      element.validators.forEach((validator, index) => {
        if (isRecord(validator) && validator.type === 'expression') {
          checkExpression(
            validator.expression,
            `${path}.validators[${index}].expression`,
            'expression',
            knownNames,
            problems,
          );
        }
      });
    }
  }
  if (Array.isArray(survey.calculatedValues)) {
    (survey.calculatedValues as unknown[]).forEach((value, index) => {
      if (isRecord(value))
        checkExpression(
          value.expression,
          `$.calculatedValues[${index}].expression`,
          'expression',
          knownNames,
          problems,
        );
    });
  }
  definitionPages(survey).forEach(({ page, path }) => {
    checkExpression(page.visibleIf, `${path}.visibleIf`, 'visibleIf', knownNames, problems);
  });
  if (problems.length === 0 && !visits.some(({ element }) => isQuestionElement(element))) {
    problems.push({ path: '$', message: 'The survey has no questions' });
  }
  // survey-core evaluates conditions while loading and warns about broken ones; those are reported above.
  return problems.length > 0 ? problems : serializerProblems(survey);
}

/** survey-core's own reading of the JSON: unknown properties, wrong property types, missing required ones. */
function serializerProblems(definition: SurveyDefinition): DefinitionProblem[] {
  const paths = objectPaths(definition, '$', new Map());
  const model = new SurveyModel(definition);
  const errors = (model.jsonErrors ?? []) as Array<{ message: string; propertyName?: string; jsonObj?: unknown }>;
  return errors.map((error) => {
    const base = isRecord(error.jsonObj) ? (paths.get(error.jsonObj) ?? '$') : '$';
    const path = error.propertyName ? `${base}.${error.propertyName}` : base;
    return { path, message: error.message };
  });
}

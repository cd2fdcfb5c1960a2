import {
  choiceText,
  choiceValue,
  defaultText,
  type ElementJson,
  isRecord,
  type PageJson,
  type SurveyDefinition,
} from './definition-types';

/** Element types that hold other elements and no answer of their own. */
const PANEL_TYPES = new Set(['panel']);
/** Element types that show something but take no answer. */
const NON_VALUE_TYPES = new Set(['html', 'image', 'empty']);

/** One element met while walking a definition, with where it sits. */
export interface ElementVisit {
  element: ElementJson;
  /** JSON path, e.g. `$.pages[0].elements[2]`. */
  path: string;
  page: string;
  pageIndex: number;
  /** Name of the nearest enclosing panel or dynamic panel. */
  panel?: string;
  /** Name of the enclosing dynamic panel: answers then live inside its array, not at the top level. */
  dynamicPanel?: string;
  /** Page and panels above the element, outermost first (their visibleIf hides the element too). */
  containers: Array<PageJson | ElementJson>;
}

export interface ChoiceDescriptor {
  value: unknown;
  text: string;
}

/** A question as analysis sees it: flat, default-locale texts. */
export interface QuestionDescriptor {
  name: string;
  type: string;
  title: string;
  choices?: ChoiceDescriptor[];
  rows?: ChoiceDescriptor[];
  columns?: ChoiceDescriptor[];
  page: string;
  panel?: string;
  dynamicPanel?: string;
}

export function isPanelType(type: unknown): boolean {
  return typeof type === 'string' && PANEL_TYPES.has(type.toLowerCase());
}

export function isQuestionElement(element: unknown): element is ElementJson {
  if (!isRecord(element) || typeof element.type !== 'string') return false;
  const type = element.type.toLowerCase();
  return !PANEL_TYPES.has(type) && !NON_VALUE_TYPES.has(type);
}

/** The pages of a definition; a definition with top-level `elements` is one page. */
export function definitionPages(definition: SurveyDefinition): Array<{ page: PageJson; path: string }> {
  if (Array.isArray(definition.pages)) {
    return definition.pages.map((page, index) => ({ page: isRecord(page) ? page : {}, path: `$.pages[${index}]` }));
  }
  if (Array.isArray(definition.elements)) return [{ page: { elements: definition.elements }, path: '$' }];
  return [];
}

export function pageName(page: PageJson, index: number): string {
  return typeof page.name === 'string' && page.name !== '' ? page.name : `page${index + 1}`;
}

/** Every element of the definition in document order, descending into panels and dynamic panels. */
export function walkElements(definition: SurveyDefinition): ElementVisit[] {
  const visits: ElementVisit[] = [];
  const descend = (elements: unknown, path: string, context: Omit<ElementVisit, 'element' | 'path'>): void => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element: unknown, index) => {
      if (!isRecord(element)) return;
      const elementPath = `${path}[${index}]`;
      const json = element as ElementJson;
      visits.push({ ...context, element: json, path: elementPath });
      const name = typeof json.name === 'string' ? json.name : undefined;
      const containers = [...context.containers, json];
      if (isPanelType(json.type)) {
        descend(json.elements, `${elementPath}.elements`, { ...context, panel: name, containers });
      } else if (json.type === 'paneldynamic') {
        descend(json.templateElements, `${elementPath}.templateElements`, {
          ...context,
          panel: name,
          dynamicPanel: name,
          containers,
        });
      }
    });
  };
  definitionPages(definition).forEach(({ page, path }, pageIndex) => {
    const name = pageName(page, pageIndex);
    descend(page.elements, `${path}.elements`, { page: name, pageIndex, containers: [page] });
  });
  return visits;
}

function describeItems(items: unknown): ChoiceDescriptor[] | undefined {
  if (!Array.isArray(items)) return undefined;
  return items.map((item) => ({ value: choiceValue(item), text: choiceText(item) }));
}

function describeColumns(element: ElementJson): ChoiceDescriptor[] | undefined {
  if (!Array.isArray(element.columns)) return undefined;
  if (element.type === 'matrix') return describeItems(element.columns);
  return element.columns.map((column) => {
    if (!isRecord(column)) return { value: column, text: String(column) };
    const name = String(column.name);
    return { value: name, text: defaultText(column.title) ?? name };
  });
}

/** The questions of a definition, flat, in document order. */
export function listQuestions(definition: SurveyDefinition): QuestionDescriptor[] {
  return walkElements(definition)
    .filter((visit) => isQuestionElement(visit.element))
    .map(({ element, page, panel, dynamicPanel }) => {
      const descriptor: QuestionDescriptor = {
        name: element.name,
        type: element.type,
        title: defaultText(element.title) ?? element.name,
        page,
      };
      const choices = describeItems(element.choices);
      if (choices !== undefined) descriptor.choices = choices;
      const rows = describeItems(element.rows);
      if (rows !== undefined) descriptor.rows = rows;
      const columns = describeColumns(element);
      if (columns !== undefined) descriptor.columns = columns;
      if (panel !== undefined) descriptor.panel = panel;
      if (dynamicPanel !== undefined) descriptor.dynamicPanel = dynamicPanel;
      return descriptor;
    });
}

import { walkElements, type ElementJson, type PageJson, type SurveyDefinition } from '@concord/shared';

import { type ContainerPath, type ElementPath, getAt, getElement, isWithin, splitPath } from './definition-paths';
import { questionType } from './question-types';

/**
 * Every change the builder makes to a definition, as plain functions returning a new definition
 * (the old one stays as it was, for undo). Paths are those of definition-paths.ts.
 */

function copy(definition: SurveyDefinition): SurveyDefinition {
  return structuredClone(definition);
}

function listAt(definition: SurveyDefinition, container: ContainerPath): unknown[] {
  const list = getAt(definition, container);
  if (!Array.isArray(list)) throw new Error(`Nothing holds elements at ${container.join('.')}`);
  return list;
}

/** The pages, turning a definition with top-level `elements` into one with a single page first. */
export function normalizePages(definition: SurveyDefinition): SurveyDefinition {
  if (Array.isArray(definition.pages)) return definition;
  const { elements, ...rest } = definition;
  return { ...rest, pages: [{ name: 'page1', elements: Array.isArray(elements) ? elements : [] }] };
}

/** Every element name in use (questions and panels), to pick new ones that clash with none. */
export function usedNames(definition: SurveyDefinition): Set<string> {
  const names = new Set<string>();
  for (const { element } of walkElements(definition)) if (typeof element.name === 'string') names.add(element.name);
  for (const page of definition.pages ?? []) if (typeof page.name === 'string') names.add(page.name);
  return names;
}

export function uniqueName(taken: ReadonlySet<string>, base: string): string {
  for (let counter = 1; ; counter++) {
    const name = `${base}${String(counter)}`;
    if (!taken.has(name)) return name;
  }
}

export function newElement(definition: SurveyDefinition, type: string): ElementJson {
  const known = questionType(type);
  const base = type === 'panel' || type === 'paneldynamic' ? 'panel' : 'question';
  const name = uniqueName(usedNames(definition), base);
  const title = type === 'panel' || type === 'html' ? undefined : 'New question';
  return { type, name, ...(title === undefined ? {} : { title }), ...(known?.template() ?? {}) };
}

export function addElement(
  definition: SurveyDefinition,
  container: ContainerPath,
  element: ElementJson,
  index?: number,
): { definition: SurveyDefinition; path: ElementPath } {
  const next = copy(definition);
  const list = listAt(next, container);
  const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
  list.splice(at, 0, element);
  return { definition: next, path: [...container, at] };
}

export function removeElement(definition: SurveyDefinition, path: ElementPath): SurveyDefinition {
  const next = copy(definition);
  const { container, index } = splitPath(path);
  listAt(next, container).splice(index, 1);
  return next;
}

/** A copy of the element right after it, under a new name (and new names for what it contains). */
export function duplicateElement(
  definition: SurveyDefinition,
  path: ElementPath,
): { definition: SurveyDefinition; path: ElementPath } {
  const element = getElement(definition, path);
  if (element === undefined) return { definition, path };
  const taken = usedNames(definition);
  const clone = structuredClone(element);
  const rename = (node: ElementJson): void => {
    const base = node.name.replace(/\d+$/, '') || 'question';
    node.name = uniqueName(taken, base);
    taken.add(node.name);
    for (const child of [...(node.elements ?? []), ...(node.templateElements ?? [])]) rename(child);
  };
  rename(clone);
  const { container, index } = splitPath(path);
  return addElement(definition, container, clone, index + 1);
}

/**
 * Moves an element to `index` of a container (its own or another). Returns the element's new path,
 * or the definition unchanged when the move would put a panel inside itself.
 */
export function moveElement(
  definition: SurveyDefinition,
  from: ElementPath,
  toContainer: ContainerPath,
  toIndex: number,
): { definition: SurveyDefinition; path: ElementPath } {
  if (isWithin(toContainer, from)) return { definition, path: from };
  const next = copy(definition);
  const source = splitPath(from);
  const sourceList = listAt(next, source.container);
  const [moved] = sourceList.splice(source.index, 1);
  if (moved === undefined) return { definition, path: from };
  // Removing the element shifts later siblings (and containers inside them) up by one.
  const target = [...toContainer];
  const depth = source.container.length;
  if (
    target.length > depth &&
    source.container.every((segment, i) => segment === target[i]) &&
    typeof target[depth] === 'number' &&
    target[depth] > source.index
  ) {
    target[depth] = target[depth] - 1;
  }
  const targetList = listAt(next, target);
  const at = Math.max(0, Math.min(toIndex, targetList.length));
  targetList.splice(at, 0, moved);
  return { definition: next, path: [...target, at] };
}

/** One step up or down among its siblings (keyboard reordering). */
export function moveBy(
  definition: SurveyDefinition,
  path: ElementPath,
  offset: -1 | 1,
): { definition: SurveyDefinition; path: ElementPath } {
  const { container, index } = splitPath(path);
  const size = listAt(definition, container).length;
  const target = index + offset;
  if (target < 0 || target >= size) return { definition, path };
  return moveElement(definition, path, container, target);
}

/** Sets (or, with undefined, removes) properties of an element; renames update conditions that name it. */
export function updateElement(
  definition: SurveyDefinition,
  path: ElementPath,
  changes: Partial<Record<string, unknown>>,
): SurveyDefinition {
  const next = copy(definition);
  const element = getElement(next, path) as Record<string, unknown> | undefined;
  if (element === undefined) return definition;
  const oldName = element.name;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete element[key];
    else element[key] = value;
  }
  const newName = element.name;
  if (typeof oldName === 'string' && typeof newName === 'string' && oldName !== newName && newName !== '') {
    return renameReferences(next, oldName, newName);
  }
  return next;
}

const EXPRESSION_PROPERTIES = ['visibleIf', 'enableIf', 'requiredIf', 'expression'];

/** `{old}`, `{old.row}` and `{old-Comment}` in every condition become `{new…}`. */
export function renameReferences(definition: SurveyDefinition, oldName: string, newName: string): SurveyDefinition {
  const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\{${escaped}(?=[}.\\[-])`, 'g');
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        if (EXPRESSION_PROPERTIES.includes(key) && typeof value === 'string') {
          record[key] = value.replace(pattern, `{${newName}`);
        } else visit(value);
      }
    }
  };
  visit(definition);
  return definition;
}

export function addPage(definition: SurveyDefinition): { definition: SurveyDefinition; index: number } {
  const next = normalizePages(copy(definition));
  const pages = next.pages ?? [];
  pages.push({ name: uniqueName(usedNames(next), 'page'), elements: [] });
  next.pages = pages;
  return { definition: next, index: pages.length - 1 };
}

export function removePage(definition: SurveyDefinition, index: number): SurveyDefinition {
  const next = copy(definition);
  next.pages?.splice(index, 1);
  return next;
}

export function updatePage(definition: SurveyDefinition, index: number, changes: Partial<PageJson>): SurveyDefinition {
  const next = copy(definition);
  const page = next.pages?.[index];
  if (page === undefined) return definition;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete page[key];
    else page[key] = value;
  }
  return next;
}

export function movePage(definition: SurveyDefinition, from: number, to: number): SurveyDefinition {
  const next = copy(definition);
  const pages = next.pages ?? [];
  if (to < 0 || to >= pages.length) return definition;
  const [page] = pages.splice(from, 1);
  if (page !== undefined) pages.splice(to, 0, page);
  return next;
}

/** The default-locale text of a localizable string. */
export function defaultTextOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const text = (value as Record<string, unknown>).default;
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/** Sets the default-locale text of a localizable string and keeps its translations. */
export function withDefaultText(value: unknown, text: string): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { ...(value as Record<string, unknown>), default: text };
  }
  return text === '' ? undefined : text;
}

import type { ElementJson, PageJson, SurveyDefinition } from '@concord/shared';

/**
 * Where an element sits: `['pages', 0, 'elements', 2, 'templateElements', 1]`. Written as a string it
 * is the JSON path the definition check reports (`$.pages[0].elements[2].templateElements[1]`), so a
 * problem can be shown on the element it concerns.
 */
export type ElementPath = ReadonlyArray<string | number>;

/** The array of elements a container holds: a page's or panel's `elements`, a dynamic panel's `templateElements`. */
export type ContainerPath = ElementPath;

export function pathToString(path: ElementPath): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${String(segment)}]` : `${text}.${segment}`),
    '$',
  );
}

export function pathFromString(text: string): ElementPath {
  const segments: Array<string | number> = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text.slice(1))) !== null) {
    segments.push(match[2] === undefined ? (match[1] ?? '') : Number(match[2]));
  }
  return segments;
}

export function samePath(a: ElementPath, b: ElementPath): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** Whether `path` is `ancestor` or lies inside it. */
export function isWithin(path: ElementPath, ancestor: ElementPath): boolean {
  return ancestor.length <= path.length && ancestor.every((segment, index) => segment === path[index]);
}

export function getAt(root: unknown, path: ElementPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function getElement(definition: SurveyDefinition, path: ElementPath): ElementJson | undefined {
  const found = getAt(definition, path);
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found as ElementJson) : undefined;
}

export function getPage(definition: SurveyDefinition, index: number): PageJson | undefined {
  return definition.pages?.[index];
}

/** The container path and index of an element path. */
export function splitPath(path: ElementPath): { container: ContainerPath; index: number } {
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new Error(`${pathToString(path)} is not an element path`);
  return { container: path.slice(0, -1), index };
}

/** The paths of the elements a container holds, e.g. for drag and drop identifiers. */
export function childPaths(definition: SurveyDefinition, container: ContainerPath): ElementPath[] {
  const list = getAt(definition, container);
  return Array.isArray(list) ? list.map((_item, index) => [...container, index]) : [];
}

/** The array under which an element's children live, if it has any. */
export function childContainer(element: ElementJson, path: ElementPath): ContainerPath | null {
  if (element.type === 'panel') return [...path, 'elements'];
  if (element.type === 'paneldynamic') return [...path, 'templateElements'];
  return null;
}

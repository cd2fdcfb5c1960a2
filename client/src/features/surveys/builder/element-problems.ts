import type { DefinitionProblem } from '@concord/shared';

import { type ElementPath, pathFromString } from './definition-paths';

/** A problem placed on the element it concerns, with what is left of its path (`.choices[1]`, `.name`, or ''). */
export interface PlacedProblem {
  element: ElementPath | null;
  field: string;
  message: string;
}

const ELEMENT_LISTS = new Set(['elements', 'templateElements']);

/**
 * The innermost element a problem's path goes through: `$.pages[0].elements[2].choices[1]` concerns
 * element `pages/0/elements/2` at field `.choices[1]`. Problems of the survey or a page have no element.
 */
export function placeProblem(problem: DefinitionProblem): PlacedProblem {
  const segments = pathFromString(problem.path);
  let end = -1;
  for (let index = 0; index + 1 < segments.length; index++) {
    const segment = segments[index];
    if (typeof segment === 'string' && ELEMENT_LISTS.has(segment) && typeof segments[index + 1] === 'number') {
      end = index + 1;
    }
  }
  if (end === -1) return { element: null, field: problem.path.replace(/^\$/, ''), message: problem.message };
  const element = segments.slice(0, end + 1);
  const rest = segments.slice(end + 1);
  const field = rest.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${String(segment)}]` : `${text}.${segment}`),
    '',
  );
  return { element, field, message: problem.message };
}

/** Problems by element path string (`pages/0/elements/2`), and those of no element. */
export function groupProblems(problems: readonly DefinitionProblem[]): {
  byElement: Map<string, PlacedProblem[]>;
  general: PlacedProblem[];
} {
  const byElement = new Map<string, PlacedProblem[]>();
  const general: PlacedProblem[] = [];
  for (const problem of problems) {
    const placed = placeProblem(problem);
    if (placed.element === null) {
      general.push(placed);
      continue;
    }
    const key = elementKey(placed.element);
    byElement.set(key, [...(byElement.get(key) ?? []), placed]);
  }
  return { byElement, general };
}

export function elementKey(path: ElementPath): string {
  return path.join('/');
}

/** The problems of one field of an element: `.choices` takes `.choices` and `.choices[2]`. */
export function fieldProblems(problems: readonly PlacedProblem[], field: string): string[] {
  return problems
    .filter(
      (problem) =>
        problem.field === field || problem.field.startsWith(`${field}[`) || problem.field.startsWith(`${field}.`),
    )
    .map((problem) => problem.message);
}

import type { FieldProblem } from './validation';

/** PostgreSQL `integer`: every whole number the API takes as a field or parameter is stored in one. */
export const INTEGER_MIN = -2_147_483_648;
export const INTEGER_MAX = 2_147_483_647;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const WHOLE_NUMBER_TEXT = /^[-+]?\d+$/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

function outOfIntegerRange(value: unknown, textIsNumber: boolean): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && (value < INTEGER_MIN || value > INTEGER_MAX);
  if (textIsNumber && typeof value === 'string' && WHOLE_NUMBER_TEXT.test(value)) {
    const parsed = Number(value);
    return parsed < INTEGER_MIN || parsed > INTEGER_MAX;
  }
  return false;
}

const join = (parent: string, key: string | number): string =>
  parent === '' ? String(key) : typeof key === 'number' ? `${parent}[${key}]` : `${parent}.${key}`;

/** The first text anywhere in the value (keys included) that holds half of a UTF-16 surrogate pair. */
function findLoneSurrogate(value: unknown, path: string, depth = 0): string | null {
  // Body depth is capped at parse time (JSON_MAX_DEPTH); this bound only guards other callers.
  if (depth > 100) return null;
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findLoneSurrogate(item, join(path, index), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const here = join(path, key);
      if (hasLoneSurrogate(key)) return here;
      const found = findLoneSurrogate(item, here, depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Problems a request value has before any feature looks at it: text that is not well-formed
 * UTF-16 (PostgreSQL cannot store it), and whole numbers outside PostgreSQL's integer range in a
 * parameter, a query field or a body's own fields. Numbers nested deeper (answers, questionnaire
 * definitions) are kept as JSON and may be any size. `name` is the parameter's name, or '' for a
 * whole query or body; in the URL (`inUrl`) every value is text, so digits count as a number.
 */
export function findInputProblem(value: unknown, name: string, inUrl: boolean): FieldProblem | null {
  const surrogate = findLoneSurrogate(value, name);
  if (surrogate !== null) {
    const field = surrogate === '' ? 'body' : surrogate;
    return { field, messages: [`${field} contains a lone UTF-16 surrogate, which is not valid text`] };
  }
  const topLevel: Array<[string, unknown]> =
    name !== '' || typeof value !== 'object' || value === null || Array.isArray(value)
      ? [[name, value]]
      : Object.entries(value);
  for (const [field, item] of topLevel) {
    if (field !== '' && outOfIntegerRange(item, inUrl)) {
      return { field, messages: [`${field} must be a whole number from ${INTEGER_MIN} to ${INTEGER_MAX}`] };
    }
  }
  return null;
}

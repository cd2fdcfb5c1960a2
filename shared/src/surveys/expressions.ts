import { ConditionRunner, ConditionsParser, ExpressionRunner, Helpers } from 'survey-core';

export type ParsedExpression = { ok: true; variables: string[] } | { ok: false; at: number };

/** Parses a SurveyJS expression and lists the variables it reads (`{q1}`, `{panel.q2}`, `{m.row}`). */
export function parseExpression(text: string): ParsedExpression {
  const parser = new ConditionsParser();
  const operand = parser.parseExpression(text);
  if (operand === undefined || operand === null) return { ok: false, at: parser.error?.at ?? 0 };
  const variables: string[] = [];
  operand.setVariables(variables);
  return { ok: true, variables };
}

/** The question a variable names: `{q1.row}`, `{q1[0].x}`, `{q1-Comment}` and `{q1-total.c}` all read question q1. */
export function variableRoot(variable: string): string {
  // split always gives at least one part (the whole string when it holds no separator).
  const [root = ''] = variable.split(/[.[]/, 1);
  for (const suffix of ['-Comment', '-total']) if (root.endsWith(suffix)) return root.slice(0, -suffix.length);
  return root;
}

/**
 * Whether conditions compiled now may look their variables up by exact name (see CompiledCondition).
 * Off while compiling a definition two of whose names differ only in case.
 */
let exactLookupAllowed = true;

/** Compiles with exact variable lookups allowed or not; survey-core's lookups ignore case. */
export function compilingWithExactLookup<T>(allowed: boolean, compile: () => T): T {
  const before = exactLookupAllowed;
  exactLookupAllowed = allowed;
  try {
    return compile();
  } finally {
    exactLookupAllowed = before;
  }
}

/** A name followed by `(`: the expression calls a function, which might read more than its variables. */
const FUNCTION_CALL = /[A-Za-z_$][\w$]*\s*\(/;

/**
 * The first name of each variable an expression reads (`{m.r1.c}` and `{m[0].c}` read `m`), or
 * undefined when it calls functions or does not parse.
 */
function variableHeads(expression: string): string[] | undefined {
  if (FUNCTION_CALL.test(expression)) return undefined;
  const parsed = parseExpression(expression);
  if (!parsed.ok) return undefined;
  const heads = [...new Set(parsed.variables.map((variable) => variable.split(/[.[]/, 1)[0] ?? variable))];
  // `{constructor}` is no answer: survey-core's scan of the values' own keys never finds it.
  return heads.some((head) => head in Object.prototype) ? undefined : heads;
}

/** A compiled condition; ConditionRunner is the one part of survey-core used when validating answers. */
export class CompiledCondition {
  private readonly runner: ConditionRunner;
  /** Variables to hand over by exact name, when allowed (see run). */
  private readonly heads: string[] | undefined;

  constructor(readonly expression: string) {
    this.runner = new ConditionRunner(expression);
    this.heads = exactLookupAllowed ? variableHeads(expression) : undefined;
  }

  /**
   * survey-core finds a variable by scanning every key of the values for one equal in any case, which
   * costs most of a condition over a response of many answers. When every variable is there under its
   * exact name, the runner gets just those: the same values, found at once. Otherwise (another case,
   * or missing) it gets all the values and searches as it always does.
   */
  run(values: Record<string, unknown>): boolean {
    const heads = this.heads;
    if (heads !== undefined) {
      const used: Record<string, unknown> = {};
      let found = true;
      for (const head of heads) {
        if (!(head in values)) {
          found = false;
          break;
        }
        used[head] = values[head];
      }
      if (found) return this.runner.runValues(used) === true;
    }
    return this.runner.runValues(values) === true;
  }
}

/** A compiled SurveyJS expression (expression questions, calculated values): its value, computed as the form does. */
export class CompiledExpression {
  private readonly runner: ExpressionRunner;

  constructor(readonly expression: string) {
    this.runner = new ExpressionRunner(expression);
  }

  run(values: Record<string, unknown>): unknown {
    return this.runner.runValues(values) as unknown;
  }
}

/** Equality as survey-core compares answers (numbers and numeric strings, key order, empty values). */
export function sameAnswer(left: unknown, right: unknown): boolean {
  return Helpers.isTwoValueEquals(left, right, false, true, false);
}

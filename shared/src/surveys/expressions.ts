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
  const root = variable.split(/[.[]/, 1)[0];
  for (const suffix of ['-Comment', '-total']) if (root.endsWith(suffix)) return root.slice(0, -suffix.length);
  return root;
}

/** A compiled condition; ConditionRunner is the one part of survey-core used when validating answers. */
export class CompiledCondition {
  private readonly runner: ConditionRunner;

  constructor(readonly expression: string) {
    this.runner = new ConditionRunner(expression);
  }

  run(values: Record<string, unknown>): boolean {
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

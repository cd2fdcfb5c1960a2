import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ConditionRunner } from 'survey-core';

import { buildExpression, type Condition, OPERATORS, parseExpression } from './conditions';

describe('buildExpression', () => {
  it('writes clauses joined by and/or as SurveyJS reads them', () => {
    const condition: Condition = {
      join: 'or',
      clauses: [
        { question: 'role', operator: '=', value: 'nfp' },
        { question: 'years', operator: '>=', value: 5 },
        { question: 'tasks', operator: 'anyof', value: ['a', "it's"] },
        { question: 'comment', operator: 'notempty' },
        { question: 'agree', operator: '=', value: true },
      ],
    };
    const text = buildExpression(condition);
    expect(text).toBe(
      "{role} = 'nfp' or {years} >= 5 or {tasks} anyof ['a', 'it\\'s'] or {comment} notempty or {agree} = true",
    );
    const runner = new ConditionRunner(text);
    expect(runner.runValues({ role: 'x', tasks: ["it's"] })).toBe(true);
    expect(runner.runValues({ role: 'x', tasks: ['b'] })).toBe(false);
    expect(buildExpression({ join: 'and', clauses: [] })).toBe('');
  });
});

describe('parseExpression', () => {
  it('reads back what it wrote, for any clauses', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
    const text = fc.string({ maxLength: 12 });
    const value = fc.oneof(
      text,
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc.array(fc.oneof(text, fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 3 }),
    );
    const clause = fc
      .tuple(name, fc.constantFrom(...OPERATORS.map((entry) => entry.operator)), value)
      .map(([question, operator, raw]) =>
        operator === 'empty' || operator === 'notempty' ? { question, operator } : { question, operator, value: raw },
      );
    fc.assert(
      fc.property(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(clause, { maxLength: 4 }), (join, clauses) => {
        const condition = { join, clauses } as Condition;
        const parsed = parseExpression(buildExpression(condition));
        expect(parsed).toEqual({ join: clauses.length > 1 ? join : 'and', clauses });
      }),
    );
  });

  it('keeps what it cannot show as a list of clauses as text (null)', () => {
    expect(parseExpression('({a} = 1 or {b} = 2) and {c} = 3')).toBeNull();
    expect(parseExpression('{a} = 1 and {b} = 2 or {c} = 3')).toBeNull();
    expect(parseExpression('age({birth}) > 18')).toBeNull();
    expect(parseExpression("{a} = 'open")).toBeNull();
    expect(parseExpression('')).toEqual({ join: 'and', clauses: [] });
    expect(parseExpression('{nfp_appointment} == "no"')).toEqual({
      join: 'and',
      clauses: [{ question: 'nfp_appointment', operator: '=', value: 'no' }],
    });
  });
});

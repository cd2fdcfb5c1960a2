import {
  compileValidator,
  type ElementJson,
  isRecord,
  type SurveyDefinition,
  validateAnswers,
  walkElements,
} from '@concord/shared';
import fc from 'fast-check';
import { ConditionRunner } from 'survey-core';
import { CHARTER_REVIEW_V1 } from './seed/charter-review-v1';
import { CHARTER_REVIEW_V2 } from './seed/charter-review-v2';
import { CHARTER_REVIEW_V2_SAMPLE_RESPONSE } from './seed/charter-review-sample';

const values = (items: unknown[] | undefined): unknown[] =>
  (items ?? []).map((item) => (isRecord(item) ? item.value : item));

/** Text with something besides blanks in it: survey-core, and so the validator, call blank text unanswered. */
const answerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ minLength: 1, maxLength }).filter((text) => text.trim() !== '');

/** Valid answers for one question of the kinds the seeded questionnaire uses. */
function validAnswer(element: ElementJson): fc.Arbitrary<unknown> {
  const choices = values(element.choices);
  switch (element.type) {
    case 'radiogroup':
    case 'dropdown':
      return fc.constantFrom(...choices, ...(element.showDontKnowItem === true ? ['dontknow'] : []));
    case 'checkbox':
    case 'tagbox':
      return fc.subarray(choices, {
        minLength: 1,
        maxLength: typeof element.maxSelectedChoices === 'number' ? element.maxSelectedChoices : choices.length,
      });
    case 'ranking':
      return fc.shuffledSubarray(choices, { minLength: choices.length, maxLength: choices.length });
    case 'rating':
      return fc.integer({ min: Number(element.rateMin ?? 1), max: Number(element.rateMax ?? 5) });
    case 'boolean':
      return fc.boolean();
    case 'text':
      if (element.inputType === 'number')
        return fc.integer({ min: Number(element.min ?? 0), max: Number(element.max ?? 1000) });
      if (element.inputType === 'email') return fc.constantFrom('nfp@example.org', 'a.b@ministry.example.uz');
      return answerText(typeof element.maxLength === 'number' ? element.maxLength : 100);
    case 'comment':
      return answerText(200);
    case 'matrix':
      return fc.record(
        Object.fromEntries(
          values(element.rows).map((row) => [String(row), fc.constantFrom(...values(element.columns))]),
        ),
      );
    case 'matrixdropdown': {
      const cell = (column: Record<string, unknown>): fc.Arbitrary<unknown> =>
        column.cellType === 'rating'
          ? fc.integer({ min: 1, max: 5 })
          : column.cellType === 'text'
            ? answerText(20)
            : fc.constantFrom(...values(column.choices as unknown[]));
      const columns = (element.columns ?? []).flatMap((column) =>
        isRecord(column) ? [column as Record<string, unknown>] : [],
      );
      const row = fc.record(Object.fromEntries(columns.map((column) => [String(column.name), cell(column)])), {
        requiredKeys: [],
      });
      return fc.record(Object.fromEntries(values(element.rows).map((value) => [String(value), row])), {
        requiredKeys: [],
      });
    }
    case 'paneldynamic': {
      const template = element.templateElements ?? [];
      const panel = fc.record(Object.fromEntries(template.map((child) => [child.name, validAnswer(child)])), {
        requiredKeys: template.filter((child) => child.isRequired === true).map((child) => child.name),
      });
      return fc.array(panel, { maxLength: Number(element.maxPanelCount ?? 3) });
    }
    default:
      throw new Error(`No generator for ${element.type}`);
  }
}

/** An answer of the wrong kind for the question: it must always be rejected. */
function invalidAnswer(element: ElementJson): unknown {
  switch (element.type) {
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
      return ['not-a-choice'];
    case 'rating':
      return 99;
    case 'boolean':
      return 'maybe';
    case 'text':
      return element.inputType === 'number' ? 'ten' : 42;
    case 'comment':
      return 42;
    case 'matrix':
    case 'matrixdropdown':
      return { 'not-a-row': 1 };
    case 'paneldynamic':
      return 'not a list';
    default:
      return 'not-a-choice';
  }
}

/** Answers for every top-level question (required ones always), then without those their conditions hide. */
function responses(definition: SurveyDefinition): fc.Arbitrary<Record<string, unknown>> {
  const topLevel = walkElements(definition)
    .filter((visit) => visit.dynamicPanel === undefined && visit.element.type !== 'html')
    .map((visit) => visit.element);
  const model = Object.fromEntries(topLevel.map((element) => [element.name, validAnswer(element)]));
  const required = topLevel.filter((element) => element.isRequired === true).map((element) => element.name);
  return fc.record(model, { requiredKeys: required }).map((data) => {
    for (const element of topLevel) {
      if (typeof element.visibleIf === 'string' && !new ConditionRunner(element.visibleIf).runValues(data))
        delete data[element.name];
    }
    return data;
  });
}

describe.each([
  ['version 1', CHARTER_REVIEW_V1],
  ['version 2', CHARTER_REVIEW_V2],
])('answers to the seeded questionnaire, %s', (_name, definition) => {
  const compiled = compileValidator(definition);
  const questions = walkElements(definition)
    .filter((visit) => visit.dynamicPanel === undefined)
    .map((visit) => visit.element);

  it('accepts every generated valid response, complete or partial', () => {
    fc.assert(
      fc.property(responses(definition), (data) => {
        expect(validateAnswers(compiled, data, 'complete')).toEqual([]);
        expect(validateAnswers(compiled, data, 'partial')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects the response once one visible answer is replaced by one of the wrong kind', () => {
    fc.assert(
      fc.property(responses(definition), fc.nat(), (data, pick) => {
        const answered = questions.filter((element) => data[element.name] !== undefined);
        const target = answered[pick % answered.length];
        if (target === undefined) throw new Error('The generated response answers no question');
        const mutated = { ...data, [target.name]: invalidAnswer(target) };
        const problems = validateAnswers(compiled, mutated, 'partial');
        expect(problems.length).toBeGreaterThan(0);
        // Other problems may follow: a changed answer can hide a question that was answered.
        expect(problems.some((problem) => problem.question.startsWith(target.name))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the sample response used by the benchmark', () => {
  it('is a valid complete response to version 2 with 40 questions answered', () => {
    expect(validateAnswers(compileValidator(CHARTER_REVIEW_V2), CHARTER_REVIEW_V2_SAMPLE_RESPONSE, 'complete')).toEqual(
      [],
    );
    expect(Object.keys(CHARTER_REVIEW_V2_SAMPLE_RESPONSE).filter((key) => !key.endsWith('-Comment'))).toHaveLength(40);
  });

  it('is rejected against version 1, which lacks the new question and choice', () => {
    expect(validateAnswers(compileValidator(CHARTER_REVIEW_V1), CHARTER_REVIEW_V2_SAMPLE_RESPONSE, 'complete')).toEqual(
      [
        { question: 'network_cooperation', message: 'Unknown question' },
        { question: 'nfp_tasks', message: '"mobilise_resources" is not one of the choices' },
      ],
    );
  });
});

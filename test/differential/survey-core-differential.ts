// Differential test of the strict validator against survey-core: random definitions covering every
// supported question type, answer sets produced by a live survey-core model, and single-answer
// mutations. survey-core's verdict is the oracle, except where Concord is stricter by design.
import { type AnswerProblem, compileValidator, type SurveyDefinition, validateAnswers } from '@concord/shared';
import fc from 'fast-check';
import { Model, type Question } from 'survey-core';

/** A tape of small numbers the answer generator reads its choices from; fast-check shrinks it towards 0. */
class Tape {
  private position = 0;

  constructor(private readonly numbers: number[]) {}

  next(bound: number): number {
    if (bound <= 0) return 0;
    const value = this.numbers.length === 0 ? 0 : (this.numbers[this.position++ % this.numbers.length] ?? 0);
    return value % bound;
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.next(items.length)];
  }
}

type Json = Record<string, unknown>;

const yes = fc.constantFrom<unknown>(true, 'true');
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });
const letters = ['a', 'b', 'c', 'd'];

const choiceArb = fc.record(
  {
    value: fc.constantFrom(...letters),
    visibleIf: maybe(fc.constant('{q0} notempty')),
    showCommentArea: maybe(fc.constant(true)),
  },
  { requiredKeys: ['value'] },
);
const choicesArb = fc
  .uniqueArray(choiceArb, { minLength: 1, maxLength: 4, selector: (choice) => choice.value })
  .map((choices) => choices.map((choice) => (Object.keys(choice).length === 1 ? choice.value : choice)));

const validatorArb = fc.constantFrom<Json>(
  { type: 'numeric', minValue: 2, maxValue: 50 },
  { type: 'text', minLength: 2, maxLength: 6 },
  { type: 'email' },
  { type: 'regex', regex: '^[a-z]+\\d*$' },
  { type: 'expression', expression: '{q0} notempty' },
);

const textArb = fc.record(
  {
    type: fc.constant('text'),
    inputType: maybe(fc.constantFrom('number', 'email', 'date')),
    maskType: maybe(fc.constantFrom('numeric', 'currency')),
    min: maybe(fc.constant(1)),
    max: maybe(fc.constant(40)),
    step: maybe(fc.constantFrom(2, 5)),
    maxLength: maybe(fc.constant(5)),
    valueName: maybe(fc.constant('shared')),
    validators: maybe(fc.array(validatorArb, { maxLength: 1 })),
  },
  { requiredKeys: ['type'] },
);

const selectArb = fc.record(
  {
    type: fc.constantFrom('radiogroup', 'dropdown', 'checkbox', 'tagbox', 'buttongroup', 'imagepicker', 'ranking'),
    choices: choicesArb,
    showOtherItem: maybe(yes),
    showNoneItem: maybe(yes),
    allowCustomChoices: maybe(fc.constant(true)),
    choicesVisibleIf: maybe(fc.constant("{item} != 'd'")),
    valuePropertyName: maybe(fc.constant('id')),
    maxSelectedChoices: maybe(fc.constant(2)),
  },
  { requiredKeys: ['type', 'choices'] },
);

const generatedChoicesArb = fc.record({
  type: fc.constant('dropdown'),
  choicesMin: fc.constant(1),
  choicesMax: fc.constantFrom(3, 5),
});

const fromQuestionArb = fc.record({
  type: fc.constantFrom('dropdown', 'checkbox'),
  choicesFromQuestion: fc.constant('q0'),
  choicesFromQuestionMode: fc.constantFrom('all', 'selected', 'unselected'),
});

const ratingArb = fc.oneof(
  fc.record(
    { type: fc.constant('rating'), rateMax: maybe(fc.constantFrom(3, 10, 30)), rateCount: maybe(fc.constant(3)) },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('rating'), rateValues: choicesArb }),
);

const simpleArb = fc.oneof(
  fc.record({ type: fc.constant('comment'), maxLength: maybe(fc.constant(8)) }, { requiredKeys: ['type'] }),
  fc.record(
    { type: fc.constant('boolean'), valueTrue: maybe(fc.constant('Y')), valueFalse: maybe(fc.constant('N')) },
    { requiredKeys: ['type'] },
  ),
  fc.constant({ type: 'signaturepad' }),
  fc.constant({ type: 'file', storeDataAsText: true }),
  fc.constant({ type: 'slider', min: 0, max: 10 }),
  fc.constant({ type: 'expression', expression: 'iif({q0} notempty, 1, 0)' }),
);

const matrixArb = fc.record(
  {
    type: fc.constant('matrix'),
    rows: fc.constant(['r1', { value: 'r2', visibleIf: '{q0} notempty' }]),
    columns: fc.constant(['c1', 'c2']),
    cellType: maybe(fc.constantFrom('radio', 'checkbox')),
    eachRowRequired: maybe(yes),
    rowsVisibleIf: maybe(fc.constant("{item} != 'r1'")),
  },
  { requiredKeys: ['type', 'rows', 'columns'] },
);

const columnArb = fc.record(
  {
    cellType: fc.constantFrom('dropdown', 'text', 'checkbox'),
    choices: fc.constant(['x', 'y']),
    isRequired: maybe(yes),
    requiredIf: maybe(fc.constant('{row.c0} notempty')),
    visibleIf: maybe(fc.constant('{q0} notempty')),
    showOtherItem: maybe(fc.constant(true)),
    totalType: maybe(fc.constant('count')),
    validators: maybe(fc.constant([{ type: 'expression', expression: '{row.c0} notempty' }])),
  },
  { requiredKeys: ['cellType', 'choices'] },
);

const matrixDropdownArb = fc.record(
  {
    type: fc.constantFrom('matrixdropdown', 'matrixdynamic'),
    rows: fc.constant(['r1', 'r2']),
    columns: fc
      .array(columnArb, { minLength: 1, maxLength: 2 })
      .map((columns) => columns.map((column, index) => ({ name: `c${index}`, ...column }))),
    detailElements: maybe(fc.constant([{ type: 'text', name: 'detail' }])),
    minRowCount: maybe(fc.constant(1)),
  },
  { requiredKeys: ['type', 'rows', 'columns'] },
);

const multipleTextArb = fc.record({
  type: fc.constant('multipletext'),
  items: fc.constant([
    { name: 'first', isRequired: true },
    { name: 'age', inputType: 'number', validators: [{ type: 'numeric', maxValue: 99 }] },
  ]),
});

const panelDynamicArb = fc.record(
  {
    type: fc.constant('paneldynamic'),
    templateElements: fc.constant([
      { type: 'text', name: 'topic', isRequired: true },
      { type: 'text', name: 'first', visibleIf: '{panelIndex} = 0' },
      { type: 'text', name: 'next', visibleIf: '{prevPanel.topic} notempty' },
    ]),
    panelCount: maybe(fc.constant(1)),
  },
  { requiredKeys: ['type', 'templateElements'] },
);

const questionArb: fc.Arbitrary<Json> = fc
  .tuple(
    fc.oneof(
      textArb,
      selectArb,
      generatedChoicesArb,
      fromQuestionArb,
      ratingArb,
      simpleArb,
      matrixArb,
      matrixDropdownArb,
      multipleTextArb,
      panelDynamicArb,
    ),
    fc.record(
      {
        isRequired: maybe(yes),
        visibleIf: maybe(fc.constantFrom('{q0} notempty', '{q0} empty', '{calc} = 1')),
        visible: maybe(fc.constant(false)),
        readOnly: maybe(fc.constant(true)),
        padName: maybe(fc.constant(true)),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([question, common]) => ({ ...question, ...common }));

const elementArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 5, arbitrary: questionArb },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        type: fc.constant('panel'),
        isRequired: maybe(yes),
        visibleIf: maybe(fc.constant('{q0} notempty')),
        elements: fc.array(questionArb, { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: ['type', 'elements'] },
    ),
  },
);

/** Names questions q0, q1, … in document order (padded with spaces when asked), so conditions can name them. */
function nameQuestions(elements: Json[]): Json[] {
  let next = 0;
  const name = (element: Json): Json => {
    const { padName, ...rest } = element;
    if (rest.type === 'panel') return { ...rest, elements: (rest.elements as Json[]).map(name) };
    const questionName = `q${next++}`;
    // A question shown only when it is itself (un)answered flips forever in the form: no oracle there.
    if (typeof rest.visibleIf === 'string' && rest.visibleIf.includes(`{${questionName}}`)) delete rest.visibleIf;
    return { ...rest, name: padName === true ? ` ${questionName} ` : questionName };
  };
  return elements.map(name);
}

export const definitionArb: fc.Arbitrary<SurveyDefinition> = fc
  .record({
    elements: fc.array(elementArb, { minLength: 1, maxLength: 4 }),
    calculated: fc.boolean(),
  })
  .map(({ elements, calculated }) => ({
    calculatedValues: [{ name: 'calc', expression: 'iif({q0} notempty, 1, 0)', includeIntoResult: calculated }],
    pages: [{ name: 'p', elements: nameQuestions(elements) as SurveyDefinition['elements'] }],
  }));

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const FILE = { name: 'a.txt', type: 'text/plain', content: 'data:text/plain;base64,YQ==' };

function textValue(question: Question, tape: Tape): unknown {
  const q = question as unknown as Json;
  if (q.maskType === 'numeric' || q.maskType === 'currency') return tape.next(30);
  switch (q.inputType) {
    case 'number': {
      const step = typeof q.step === 'number' && q.step > 0 ? q.step : 1;
      const min = typeof q.min === 'number' ? q.min : 0;
      const max = typeof q.max === 'number' ? q.max : 40;
      const first = Math.ceil(min / step);
      return (first + tape.next(Math.max(1, Math.floor(max / step) - first + 1))) * step;
    }
    case 'email': {
      // The input's maxLength stops longer addresses being typed at all.
      const address = tape.pick(['user@example.org', 'a.b@example.co'])!;
      return typeof q.maxLength === 'number' && q.maxLength > 0 && address.length > q.maxLength ? undefined : address;
    }
    case 'date':
      return `2024-05-0${1 + tape.next(9)}`;
    default: {
      const text = tape.pick(['abc', 'ab1', 'answer', 'x'])!;
      const maxLength = typeof q.maxLength === 'number' && q.maxLength > 0 ? q.maxLength : Infinity;
      return text.slice(0, maxLength);
    }
  }
}

const BUILT_IN = new Set(['none', 'refused', 'dontknow']);

/** Picks a set of offered choices: one exclusive item (none, refuse, don't know) or regular ones. */
function answerMany(question: Question, q: Json, listed: unknown[], tape: Tape): void {
  // Two items of one value (rows of a matrix copied by choicesFromQuestion) are one choice in the form.
  const offered = [...new Set(listed)];
  const exclusive = offered.filter((value) => BUILT_IN.has(String(value)));
  const regular = offered.filter((value) => !BUILT_IN.has(String(value)));
  if (tape.next(5) === 0 && exclusive.length > 0) {
    question.value = [tape.pick(exclusive)];
    return;
  }
  const max = typeof q.maxSelectedChoices === 'number' && q.maxSelectedChoices > 0 ? q.maxSelectedChoices : Infinity;
  const chosen = regular.filter(() => tape.next(2) === 1).slice(0, max);
  if (chosen.length === 0) return;
  question.value = chosen;
  if (chosen.includes('other')) question.comment = 'mine';
}

/** Sets a value the form itself offers on one visible question (recursing into panels and rows). */
function answer(question: Question, tape: Tape): void {
  const q = question as unknown as Json & Question;
  const type = question.getType();
  if (type === 'expression' || question.isReadOnly) return;
  if (tape.next(4) === 0) return; // leave some questions unanswered
  const choices = (): unknown[] =>
    ((q.visibleChoices as Array<{ value: unknown }> | undefined) ?? []).map((choice) => choice.value);
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
    case 'rating': {
      const value = tape.pick(
        type === 'rating' ? (q.visibleRateValues as Array<{ value: unknown }>).map((item) => item.value) : choices(),
      );
      if (value === undefined) return;
      question.value = value;
      if (value === 'other') question.comment = 'mine';
      return;
    }
    case 'imagepicker':
      if (q.multiSelect === true) answerMany(question, q, choices(), tape);
      else question.value = tape.pick(choices());
      return;
    case 'checkbox':
    case 'tagbox':
      answerMany(question, q, choices(), tape);
      return;
    case 'ranking':
      question.value = [...choices()].sort(() => tape.next(3) - 1);
      return;
    case 'boolean':
      (q as unknown as { booleanValue: boolean }).booleanValue = tape.next(2) === 1;
      return;
    case 'text':
      question.value = textValue(question, tape);
      return;
    case 'comment':
      question.value = tape
        .pick(['short', 'a longer comment'])!
        .slice(0, typeof q.maxLength === 'number' && q.maxLength > 0 ? q.maxLength : undefined);
      return;
    case 'signaturepad':
      question.value = PNG;
      return;
    case 'file':
      question.value = [FILE];
      return;
    case 'slider':
      question.value = tape.next(11);
      return;
    case 'multipletext':
      for (const item of q.items as Array<{ editor: Question; value: unknown }>) {
        if (tape.next(3) === 0) continue;
        item.value = item.editor.inputType === 'number' ? tape.next(120) : tape.pick(['Ana', 'Bo'])!;
      }
      return;
    case 'matrix': {
      const columns = (q.visibleColumns as Array<{ value: unknown }>).map((column) => column.value);
      for (const row of q.visibleRows as Array<{ value: unknown }>) {
        if (tape.next(3) === 0) continue;
        row.value = q.cellType === 'checkbox' ? columns.filter(() => tape.next(2) === 1) : tape.pick(columns);
      }
      return;
    }
    case 'matrixdynamic':
    case 'matrixdropdown':
      if (type === 'matrixdynamic')
        (q as unknown as { rowCount: number }).rowCount = Math.max(tape.next(3), Number(q.minRowCount ?? 0));
      for (const row of q.visibleRows as Array<{ cells: Array<{ question: Question }> }>) {
        for (const cell of row.cells) if (cell.question.isVisible) answer(cell.question, tape);
      }
      return;
    case 'paneldynamic': {
      (q as unknown as { panelCount: number }).panelCount = tape.next(3);
      for (const panel of q.panels as Array<{ questions: Question[] }>)
        for (const inner of panel.questions) if (inner.isVisible) answer(inner, tape);
      return;
    }
    default:
      return;
  }
}

/** Shown to the respondent: the question and every panel above it are visible. */
function isShown(question: Question): boolean {
  return question.isVisible && question.isParentVisible;
}

/** Passes after which clearing hidden answers is taken to go round in circles. */
const MAX_CLEARING_PASSES = 20;

/**
 * Answers through a live survey-core model, then keeps only what the form would submit; undefined
 * when the form never settles (a panel hidden by its own dynamic matrix, which survey-core refills
 * with empty rows each time it shows again): there is no answer set to compare then.
 */
export function answersThroughModel(definition: SurveyDefinition, tape: Tape): Record<string, unknown> | undefined {
  const survey = new Model(definition);
  for (const question of survey.getAllQuestions(false)) if (isShown(question)) answer(question, tape);
  survey.clearIncorrectValues(false);
  // Clearing a hidden answer can hide another question: repeat until nothing changes.
  let passes = 0;
  for (let changed = true; changed;) {
    if (++passes > MAX_CLEARING_PASSES) return undefined;
    changed = false;
    const questions = survey.getAllQuestions(false);
    const visibleNames = new Set(questions.filter(isShown).map((question) => question.getValueName()));
    for (const question of questions) {
      const name = question.getValueName();
      if (!isShown(question) && !visibleNames.has(name) && survey.getValue(name) !== undefined) {
        survey.clearValue(name);
        changed = true;
      }
    }
  }
  return survey.data as Record<string, unknown>;
}

/** survey-core's verdict on stored answers, with its error texts. */
export function surveyCoreErrors(definition: SurveyDefinition, data: Record<string, unknown>): string[] {
  // survey-core warns on the console about values it corrects; its verdict is what counts here.
  const survey = new Model(definition);
  // A JSON copy, not structuredClone: under Jest, structuredClone returns objects of another realm,
  // whose constructor is not the Object survey-core checks for, and survey-core then calls rows empty.
  survey.data = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const valid = survey.validate(true, false);
  const errors = survey
    .getAllQuestions(false)
    .flatMap((question) => question.errors.map((error) => `${question.name}: ${error.getText()}`));
  return valid ? [] : errors.length > 0 ? errors : ['(invalid)'];
}

/**
 * Where Concord is stricter than survey-core by design: unknown keys, answers to hidden questions,
 * rows or columns, values the form never offers (types, choices, rows, columns), computed values
 * sent by the client, and limits the form enforces while answering (maxLength among them).
 */
const STRICTER_BY_DESIGN = [
  /^Unknown question$/,
  /is hidden, so it must not be answered$/,
  /is not (one of the choices|one of the rating values|a row|a column|a visible column|an item of this question|a value of this question)$/,
  /^Expected /,
  /is (chosen|ranked) twice$/,
  /cannot be combined with other choices$/,
  /^Rank all \d+ choices$/,
  /^Choose at most \d+$/,
  /^At most \d+ (rows|panels) are allowed$/,
  /^Must equal the value computed from the other answers/,
  /^Only one file is allowed$/,
  /^Must be between -?[\d.]+ and -?[\d.]+$/,
  /^Must be at most \d+ characters$/,
];

function isRecomputed(problem: AnswerProblem): boolean {
  return problem.message.startsWith('Must equal the value computed from the other answers');
}

export function isStricterByDesign(problem: AnswerProblem): boolean {
  return STRICTER_BY_DESIGN.some((pattern) => pattern.test(problem.message));
}

const MUTATION_VALUES: unknown[] = [undefined, '', 'zzz', 7, 3.5, true, ['a'], ['zzz'], { r1: 'c1' }, [{}], 'other'];

export interface Scenario {
  definition: SurveyDefinition;
  tape: number[];
  /** undefined: the answers as the model produced them. */
  mutation?: { key: number; value: number };
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record(
  {
    definition: definitionArb,
    tape: fc.array(fc.nat(20), { maxLength: 40 }),
    mutation: maybe(fc.record({ key: fc.nat(12), value: fc.nat(MUTATION_VALUES.length - 1) })),
  },
  { requiredKeys: ['definition', 'tape'] },
);

function mutate(data: Record<string, unknown>, definition: SurveyDefinition, mutation: Scenario['mutation']) {
  if (mutation === undefined) return data;
  const keys = [
    ...new Set([
      ...Object.keys(data),
      ...new Model(definition).getAllQuestions(false).map((question) => question.getValueName()),
    ]),
  ];
  const key = keys[mutation.key % keys.length];
  if (key === undefined) return data;
  const mutated = { ...data };
  const value = MUTATION_VALUES[mutation.value];
  if (value === undefined) delete mutated[key];
  else mutated[key] = value;
  return mutated;
}

/** Runs one scenario; returns a description of the disagreement, or undefined when the two agree. */
export function disagreement(scenario: Scenario): string | undefined {
  const generated = answersThroughModel(scenario.definition, new Tape(scenario.tape));
  if (generated === undefined) return undefined;
  const data = mutate(generated, scenario.definition, scenario.mutation);
  const oracle = surveyCoreErrors(scenario.definition, data);
  const problems = validateAnswers(compileValidator(scenario.definition), data, 'complete');
  const concordAccepts = problems.length === 0;
  const surveyCoreAccepts = oracle.length === 0;
  if (concordAccepts === surveyCoreAccepts) return undefined;
  // Mutated answers may carry by-design differences, and once Concord deliberately refuses a value
  // survey-core tolerates, survey-core is no oracle for the rest. Generated answers carry only one:
  // survey-core keeps a computed value it computed earlier, Concord computes it from the final answers.
  const exempt = scenario.mutation !== undefined ? isStricterByDesign : isRecomputed;
  if (!concordAccepts && problems.some(exempt)) return undefined;
  return [
    concordAccepts ? 'Concord accepts what survey-core rejects' : 'Concord rejects what survey-core accepts',
    `definition: ${JSON.stringify(scenario.definition)}`,
    `answers: ${JSON.stringify(data)}`,
    `survey-core: ${JSON.stringify(oracle)}`,
    `Concord: ${JSON.stringify(problems)}`,
  ].join('\n');
}

/** The property: no disagreement outside "stricter by design"; fast-check shrinks any to a minimal case. */
export function differentialProperty(): fc.IPropertyWithHooks<[Scenario]> {
  return fc.property(scenarioArb, (scenario) => {
    const found = disagreement(scenario);
    if (found !== undefined) throw new Error(found);
  });
}

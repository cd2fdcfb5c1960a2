import { type ElementJson, isRecord, type SurveyDefinition, walkElements } from '@concord/shared';
import { ConditionRunner } from 'survey-core';
import type { DemoRandom } from './demo-prng';

export interface Respondent {
  networkCode: string;
  country: string;
  role: string;
  language: string;
}

const REMARKS = [
  'The division of tasks between the Secretariat and the National Focal Points should be written down.',
  'More regular contact between national teams of neighbouring countries would help.',
  'Online meetings worked well and should be kept for short coordination calls.',
  'The national team lacks a formal mandate from the government.',
  'Round Table Meetings are the most useful part of the network.',
  'Funding for national activities remains the main obstacle.',
  'Translation of documents into the working languages takes too long.',
  'The needs assessment questionnaire should be updated every few years.',
];

const ROLE_CHOICES: Record<string, string> = {
  'National Focal Point': 'nfp',
  'national team': 'team',
  secretariat: 'secretariat',
  observer: 'observer',
};

const choiceValues = (items: unknown[] | undefined): unknown[] =>
  (items ?? []).map((item) => (isRecord(item) ? item.value : item));

/** Ratings lean to the upper middle, as real answers do. */
function rating(random: DemoRandom, min: number, max: number): number {
  const skewed = Math.max(random.next(), random.next());
  return min + Math.min(max - min, Math.floor(skewed * (max - min + 1)));
}

function answerFor(element: ElementJson, random: DemoRandom, who: Respondent): unknown {
  const choices = choiceValues(element.choices);
  switch (element.type) {
    case 'radiogroup':
    case 'dropdown':
      if (element.name === 'network' && choices.includes(who.networkCode)) return who.networkCode;
      if (element.name === 'respondent_role' && choices.includes(ROLE_CHOICES[who.role])) return ROLE_CHOICES[who.role];
      return random.pick(choices);
    case 'checkbox':
    case 'tagbox': {
      if (element.name === 'working_languages' && choices.includes(who.language)) {
        return choices.filter((value) => value === who.language || (value === 'en' && random.chance(0.6)));
      }
      const max =
        typeof element.maxSelectedChoices === 'number' ? element.maxSelectedChoices : Math.min(4, choices.length);
      return random.subset(choices, 1, max);
    }
    case 'ranking':
      return random.shuffle(choices);
    case 'rating':
      return rating(random, Number(element.rateMin ?? 1), Number(element.rateMax ?? 5));
    case 'boolean':
      return random.chance(0.6);
    case 'text':
      if (element.name === 'country') return who.country;
      if (element.inputType === 'number') {
        const min = Number(element.min ?? 0);
        return random.int(min, Math.min(Number(element.max ?? min + 20), min + 20));
      }
      if (element.inputType === 'email') return `contact.${who.networkCode.toLowerCase()}@example.org`;
      return random.pick(REMARKS).slice(0, typeof element.maxLength === 'number' ? element.maxLength : 500);
    case 'comment':
      return random.pick(REMARKS);
    case 'matrix':
      return Object.fromEntries(
        choiceValues(element.rows).map((row) => [String(row), random.pick(choiceValues(element.columns))]),
      );
    case 'matrixdropdown': {
      const columns = (element.columns ?? []).flatMap((column) =>
        isRecord(column) ? [column as Record<string, unknown>] : [],
      );
      const cell = (column: Record<string, unknown>): unknown =>
        column.cellType === 'rating'
          ? rating(random, 1, 5)
          : column.cellType === 'text'
            ? random.pick(['More support needed', 'Works well', 'Needs clearer rules'])
            : random.pick(choiceValues(column.choices as unknown[]));
      return Object.fromEntries(
        choiceValues(element.rows).map((row) => [
          String(row),
          Object.fromEntries(
            columns
              .filter((column) => column.cellType !== 'text' || random.chance(0.3))
              .map((column) => [String(column.name), cell(column)]),
          ),
        ]),
      );
    }
    case 'paneldynamic': {
      const template = element.templateElements ?? [];
      const count = random.int(0, Math.min(2, Number(element.maxPanelCount ?? 2)));
      return Array.from({ length: count }, () =>
        Object.fromEntries(template.map((child) => [child.name, answerFor(child, random, who)])),
      );
    }
    default:
      return undefined;
  }
}

/** Parsing an expression costs far more than running it: one runner per expression text. */
const runners = new Map<string, ConditionRunner>();
function isVisible(expression: string, data: Record<string, unknown>): boolean {
  let runner = runners.get(expression);
  if (runner === undefined) {
    runner = new ConditionRunner(expression);
    runners.set(expression, runner);
  }
  return runner.runValues(data) === true;
}

/**
 * A plausible complete response: every required question answered, most optional ones too, then
 * the answers that conditions hide removed. The caller still checks it with the strict validator.
 */
export function demoAnswers(
  definition: SurveyDefinition,
  random: DemoRandom,
  who: Respondent,
): Record<string, unknown> {
  const questions = walkElements(definition)
    .filter(
      (visit) => visit.dynamicPanel === undefined && visit.element.type !== 'html' && visit.element.type !== 'panel',
    )
    .map((visit) => visit.element);
  const data: Record<string, unknown> = {};
  for (const element of questions) {
    if (element.isRequired !== true && !random.chance(0.8)) continue;
    const answer = answerFor(element, random, who);
    if (answer !== undefined) data[element.name] = answer;
  }
  // Hiding one answer can hide another: repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const element of questions) {
      if (data[element.name] === undefined || typeof element.visibleIf !== 'string') continue;
      if (!isVisible(element.visibleIf, data)) {
        delete data[element.name];
        changed = true;
      }
    }
  }
  return data;
}

/** The first few answered questions of a complete response, in questionnaire order. */
export function partialAnswers(complete: Record<string, unknown>, random: DemoRandom): Record<string, unknown> {
  const keys = Object.keys(complete).filter((key) => !key.endsWith('-Comment'));
  return Object.fromEntries(
    keys.slice(0, random.int(2, Math.max(2, Math.floor(keys.length / 2)))).map((key) => [key, complete[key]]),
  );
}

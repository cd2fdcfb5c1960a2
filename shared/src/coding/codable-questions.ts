import { walkElements } from '../surveys/definition-model';
import { defaultText, type ElementJson, type SurveyDefinition } from '../surveys/definition-types';

/** Where a codable answer comes from: a text box, a comment box, or the text beside a question's "other" item. */
export type CodableSource = 'text' | 'comment' | 'other';

/** A question whose answers are free text that can be coded into themes. */
export interface CodableQuestion {
  /** The key of the answer in the response data: the question name, or `<name>-Comment` for "other" text. */
  name: string;
  /** The question the answer belongs to (the question itself, or the choice question of an "other" text). */
  question: string;
  source: CodableSource;
  /** Default-locale title; for "other" text, the choice question's title followed by "(other)". */
  title: string;
}

/** SurveyJS keeps the text typed beside "other" (and a comment area) under `<name>-Comment`. */
export const OTHER_TEXT_SUFFIX = '-Comment';

/**
 * Text inputs that hold prose. Others (e-mail, number, date, telephone, …) are data or identities,
 * never coded.
 */
const PROSE_INPUT_TYPES = new Set(['text', '']);

function isProseText(element: ElementJson): boolean {
  if (element.type === 'comment') return true;
  if (element.type !== 'text') return false;
  const inputType = element.inputType;
  return inputType === undefined || (typeof inputType === 'string' && PROSE_INPUT_TYPES.has(inputType));
}

function hasOtherText(element: ElementJson): boolean {
  return (
    element.showOtherItem === true ||
    element.hasOther === true ||
    element.showCommentArea === true ||
    element.hasComment === true
  );
}

/**
 * The codable questions of a definition, in document order. Only answers stored at the top level of
 * the response data count: questions inside a dynamic panel answer once per panel and are left out.
 */
export function codableQuestions(definition: SurveyDefinition): CodableQuestion[] {
  const found: CodableQuestion[] = [];
  for (const visit of walkElements(definition)) {
    const element = visit.element;
    if (visit.dynamicPanel !== undefined || typeof element.name !== 'string' || element.name === '') continue;
    if (typeof element.type !== 'string') continue;
    const title = defaultText(element.title) ?? element.name;
    if (isProseText(element)) {
      found.push({
        name: element.name,
        question: element.name,
        source: element.type === 'comment' ? 'comment' : 'text',
        title,
      });
    } else if (hasOtherText(element)) {
      found.push({
        name: `${element.name}${OTHER_TEXT_SUFFIX}`,
        question: element.name,
        source: 'other',
        title: `${title} (other)`,
      });
    }
  }
  return found;
}

/**
 * The codable questions of several versions of one survey, by name: the latest version's wording
 * wins, and `versions` lists where each is asked. Themes belong to the survey, across versions.
 */
export function codableQuestionsAcrossVersions(
  versions: ReadonlyArray<{ version: number; definition: SurveyDefinition }>,
): Array<CodableQuestion & { versions: number[] }> {
  const byName = new Map<string, CodableQuestion & { versions: number[] }>();
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  for (const { version, definition } of ordered) {
    for (const question of codableQuestions(definition)) {
      const known = byName.get(question.name);
      byName.set(question.name, { ...question, versions: [...(known?.versions ?? []), version] });
    }
  }
  return [...byName.values()];
}

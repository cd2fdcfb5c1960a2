import type { LabelledValue, TallyQuestion } from './question-plan';

export interface VersionQuestions {
  version: number;
  questions: readonly TallyQuestion[];
}

/** A question across versions: the newest version's shape, with where each part came from. */
export interface MergedQuestion extends TallyQuestion {
  versions: number[];
  titles: Array<{ version: number; title: string }>;
  reworded: boolean;
  /** choice value → versions that offered it */
  choiceVersions: Record<string, number[]>;
}

function mergeChoices(into: LabelledValue[], from: readonly LabelledValue[]): void {
  const known = new Set(into.map((choice) => choice.value));
  for (const choice of from) if (!known.has(choice.value)) into.push(choice);
}

/**
 * Matches questions across versions by name. The newest version decides order, type, title and
 * choice labels; questions and choices only older versions had follow; a title that changed
 * between versions marks the question as reworded.
 */
export function mergeVersions(versions: readonly VersionQuestions[]): MergedQuestion[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const merged = new Map<string, MergedQuestion>();
  for (const { version, questions } of newestFirst) {
    for (const question of questions) {
      let entry = merged.get(question.name);
      if (entry === undefined) {
        entry = {
          ...question,
          choices: [...question.choices],
          rows: [...question.rows],
          versions: [],
          titles: [],
          reworded: false,
          choiceVersions: {},
        };
        merged.set(question.name, entry);
      } else {
        mergeChoices(entry.choices, question.choices);
        mergeChoices(entry.rows, question.rows);
      }
      entry.versions.unshift(version);
      entry.titles.unshift({ version, title: question.title });
      if (question.title !== entry.title) entry.reworded = true;
      for (const choice of question.choices) (entry.choiceVersions[choice.value] ??= []).unshift(version);
    }
  }
  return [...merged.values()];
}

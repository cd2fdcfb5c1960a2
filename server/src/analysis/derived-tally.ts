import type { FactCountRow } from './tally';
import type { LabelledValue, TallyQuestion } from './question-plan';

/**
 * A question whose answers do not sit in the responses but are derived from them elsewhere (the
 * themes coders gave to free-text answers): counted like a multiple-choice question so it gets
 * the same groups, weighting and small-cell rule as every other tally.
 */
export interface DerivedQuestion {
  name: string;
  title: string;
  type: string;
  choices: LabelledValue[];
  /** Response id → the values it holds. A response listed with no values counts as answered. */
  valuesByResponse: ReadonlyMap<string, readonly string[]>;
}

/** One response of the tally's filtered set, with the dimensions a tally groups and weights by. */
export interface CountedResponse {
  id: string;
  network: string;
  grp: string;
}

export function derivedTallyQuestion(question: DerivedQuestion): TallyQuestion {
  return {
    name: question.name,
    type: question.type,
    kind: 'multi',
    title: question.title,
    choices: question.choices,
    rows: [],
    columns: [],
    hasOther: false,
  };
}

/**
 * The fact counts of a derived question over the responses a tally counts: a response fact for
 * each, an answered fact for each response that holds the question, a value fact per value held.
 */
export function derivedFactRows(responses: readonly CountedResponse[], question: DerivedQuestion): FactCountRow[] {
  const counts = new Map<string, FactCountRow>();
  const bump = (response: CountedResponse, measure: 'r' | 'a' | 'v', value: string): void => {
    const key = `${response.network}\u0001${response.grp}\u0001${measure}\u0001${value}`;
    const row = counts.get(key);
    if (row !== undefined) {
      row.n += 1;
      return;
    }
    counts.set(key, {
      network: response.network,
      grp: response.grp,
      measure,
      question: measure === 'r' ? '' : question.name,
      row_key: '',
      col_key: '',
      value,
      rank: 0,
      n: 1,
    });
  };
  for (const response of responses) {
    bump(response, 'r', '');
    const values = question.valuesByResponse.get(response.id);
    if (values === undefined) continue;
    bump(response, 'a', '');
    for (const value of new Set(values)) bump(response, 'v', value);
  }
  return [...counts.values()];
}

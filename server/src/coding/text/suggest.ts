import { type Clustering, sphericalKMeans } from './cluster';
import { buildTfIdf } from './tfidf';
import { analyzeAnswer, createAnalyzers } from './tokenize';

export interface SuggestAnswer {
  id: string;
  text: string;
  /** The respondent's language, a hint only: the text itself decides. */
  language: string | null;
}

export interface SuggestOptions {
  /** Clusters to look for; by default from the number of answers (see defaultClusterCount). */
  count?: number;
  seed?: number;
  terms?: number;
  examples?: number;
}

export interface Suggestion {
  label: string;
  terms: string[];
  answerIds: string[];
  examples: Array<{ responseId: string; text: string }>;
}

export interface Suggestions {
  suggestions: Suggestion[];
  /** Answers with no term shared with another answer: in no suggestion. */
  unclustered: number;
}

export const MAX_SUGGESTIONS = 30;
const LABEL_TERMS = 3;

/** Enough clusters to separate themes, few enough to read: about √(n/4), from 2 to 12. */
export function defaultClusterCount(answers: number): number {
  if (answers < 2) return answers;
  return Math.min(12, Math.max(2, Math.round(Math.sqrt(answers / 4))));
}

/** The word most often written for a stem (ties: the first in alphabetical order). */
function commonestWord(words: Map<string, number> | undefined, stem: string): string {
  if (words === undefined) return stem.slice(stem.indexOf(':') + 1);
  let best = '';
  let bestCount = -1;
  for (const [word, count] of words) {
    if (count > bestCount || (count === bestCount && word < best)) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}

function topTerms(centroid: Float64Array, vocabulary: readonly string[], limit: number): number[] {
  const order: number[] = [];
  centroid.forEach((weight, index) => {
    if (weight > 0) order.push(index);
  });
  order.sort(
    (a, b) => (centroid[b] ?? 0) - (centroid[a] ?? 0) || (vocabulary[a] ?? '').localeCompare(vocabulary[b] ?? ''),
  );
  return order.slice(0, limit);
}

/**
 * Groups answers by what they talk about: each answer is tokenized and stemmed in its language,
 * weighted by TF-IDF, and the answers are clustered by spherical k-means. Each cluster is labelled by
 * the words that weigh most in its centre and shown with the answers nearest that centre. Runs here,
 * on this machine; the same answers always give the same suggestions.
 */
export function suggestThemes(answers: readonly SuggestAnswer[], options: SuggestOptions = {}): Suggestions {
  const analyzers = createAnalyzers();
  const spellings = new Map<string, Map<string, number>>();
  const documents = answers.map((answer) => {
    const { terms } = analyzeAnswer(answer.text, answer.language, analyzers);
    for (const { stem, word } of terms) {
      const words = spellings.get(stem) ?? new Map<string, number>();
      words.set(word, (words.get(word) ?? 0) + 1);
      spellings.set(stem, words);
    }
    return terms.map((term) => term.stem);
  });
  const model = buildTfIdf(documents);
  const comparable = model.vectors.filter((vector) => vector.indices.length > 0).length;
  const wanted = Math.min(options.count ?? defaultClusterCount(comparable), MAX_SUGGESTIONS);
  const clustering: Clustering = sphericalKMeans(model.vectors, wanted, model.vocabulary.length, {
    seed: options.seed ?? 1,
    maxIterations: 50,
  });
  const members: number[][] = clustering.centroids.map(() => []);
  clustering.assignments.forEach((cluster, index) => {
    if (cluster >= 0) members[cluster]?.push(index);
  });
  const suggestions = clustering.centroids.map((centroid, cluster): Suggestion => {
    const terms = topTerms(centroid, model.vocabulary, options.terms ?? 8).map((index) => {
      const stem = model.vocabulary[index] ?? '';
      return commonestWord(spellings.get(stem), stem);
    });
    const inCluster = members[cluster] ?? [];
    // The nearest answers with different wording: the same sentence three times shows nothing new.
    const seen = new Set<string>();
    const nearest = [...inCluster]
      .sort((a, b) => (clustering.similarities[b] ?? 0) - (clustering.similarities[a] ?? 0) || a - b)
      .filter((index) => {
        const wording = (answers[index]?.text ?? '').trim().toLocaleLowerCase();
        if (seen.has(wording)) return false;
        seen.add(wording);
        return true;
      })
      .slice(0, options.examples ?? 3);
    return {
      label: terms.slice(0, LABEL_TERMS).join(', '),
      terms,
      answerIds: inCluster.map((index) => answers[index]?.id ?? ''),
      examples: nearest.map((index) => ({ responseId: answers[index]?.id ?? '', text: answers[index]?.text ?? '' })),
    };
  });
  suggestions.sort((a, b) => b.answerIds.length - a.answerIds.length || a.label.localeCompare(b.label));
  return { suggestions, unclustered: answers.length - comparable };
}

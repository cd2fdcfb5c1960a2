/** A sparse vector: ascending term indices and their weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface TfIdfOptions {
  /** Terms in fewer documents than this are dropped: a word one answer uses groups nothing. */
  minDocumentFrequency: number;
  /** Terms in more than this share of the documents are dropped: a word every answer uses separates nothing. */
  maxDocumentShare: number;
}

export interface TfIdfModel {
  /** The kept terms, in index order (sorted, so the same answers always give the same model). */
  vocabulary: string[];
  /** One unit-length vector per document, in input order; empty when none of its terms was kept. */
  vectors: SparseVector[];
}

export const DEFAULT_TFIDF_OPTIONS: TfIdfOptions = { minDocumentFrequency: 2, maxDocumentShare: 0.6 };

/**
 * TF-IDF vectors of documents given as term lists: sublinear term frequency (1 + ln tf) times smoothed
 * inverse document frequency (ln((1 + N) / (1 + df)) + 1), normalised to unit length, so that the dot
 * product of two vectors is their cosine similarity.
 */
export function buildTfIdf(documents: ReadonlyArray<readonly string[]>, options = DEFAULT_TFIDF_OPTIONS): TfIdfModel {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = documents.length;
  // Below ten documents every shared word is worth keeping: the share rule would drop them all.
  const maxFrequency = total < 10 ? total : Math.floor(total * options.maxDocumentShare);
  const vocabulary = [...documentFrequency]
    .filter(([, frequency]) => frequency >= options.minDocumentFrequency && frequency <= maxFrequency)
    .map(([term]) => term)
    .sort();
  const index = new Map(vocabulary.map((term, position) => [term, position]));
  const idf = vocabulary.map((term) => Math.log((1 + total) / (1 + (documentFrequency.get(term) ?? 0))) + 1);
  const vectors = documents.map((terms) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const position = index.get(term);
      if (position !== undefined) counts.set(position, (counts.get(position) ?? 0) + 1);
    }
    const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const values = Float64Array.from(
      indices,
      (position) => (1 + Math.log(counts.get(position) ?? 1)) * (idf[position] ?? 0),
    );
    const norm = Math.hypot(...values);
    if (norm > 0) for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) / norm;
    return { indices, values };
  });
  return { vocabulary, vectors };
}

/** The dot product of a sparse and a dense vector. */
export function sparseDot(vector: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.indices.length; i++) sum += (vector.values[i] ?? 0) * (dense[vector.indices[i] ?? 0] ?? 0);
  return sum;
}

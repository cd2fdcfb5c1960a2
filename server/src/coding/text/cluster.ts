import { type SparseVector, sparseDot } from './tfidf';

export interface Clustering {
  /** Cluster of each vector; -1 for an empty vector (nothing to compare). */
  assignments: Int32Array;
  /** Cosine similarity of each vector to its cluster's centre (0 when unassigned). */
  similarities: Float64Array;
  /** Unit-length centres, one per cluster that kept members. */
  centroids: Float64Array[];
}

export interface KMeansOptions {
  seed: number;
  maxIterations: number;
}

/** A small seeded generator (mulberry32): the same answers always give the same suggestions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function toDense(vector: SparseVector, dimension: number): Float64Array {
  const dense = new Float64Array(dimension);
  for (let i = 0; i < vector.indices.length; i++) dense[vector.indices[i] ?? 0] = vector.values[i] ?? 0;
  return dense;
}

function normalizeInPlace(dense: Float64Array): void {
  let sum = 0;
  for (const value of dense) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < dense.length; i++) dense[i] = (dense[i] ?? 0) / norm;
}

/**
 * k-means++ seeding on cosine distance: each next centre is drawn with probability proportional to
 * the squared distance to the nearest centre chosen so far, so seeds spread over the answers.
 */
function seedCentres(
  vectors: readonly SparseVector[],
  members: number[],
  k: number,
  dimension: number,
  random: () => number,
): Float64Array[] {
  const first = members[Math.floor(random() * members.length)] ?? 0;
  const centres = [toDense(vectors[first] ?? { indices: new Int32Array(), values: new Float64Array() }, dimension)];
  const nearest = new Float64Array(vectors.length).fill(Number.NEGATIVE_INFINITY);
  while (centres.length < k) {
    const latest = centres[centres.length - 1] ?? new Float64Array(dimension);
    let total = 0;
    const weights = members.map((member) => {
      const vector = vectors[member];
      const similarity = vector === undefined ? 0 : sparseDot(vector, latest);
      nearest[member] = Math.max(nearest[member] ?? Number.NEGATIVE_INFINITY, similarity);
      const distance = Math.max(0, 1 - (nearest[member] ?? 0));
      total += distance * distance;
      return distance * distance;
    });
    if (total <= 1e-12) break; // every remaining answer already sits on a centre
    let target = random() * total;
    let chosen = members[members.length - 1] ?? 0;
    for (let i = 0; i < members.length; i++) {
      target -= weights[i] ?? 0;
      if (target <= 0 && (weights[i] ?? 0) > 0) {
        chosen = members[i] ?? chosen;
        break;
      }
    }
    const vector = vectors[chosen];
    if (vector !== undefined) centres.push(toDense(vector, dimension));
  }
  return centres;
}

/**
 * Spherical k-means (cosine similarity, unit centres) over unit-length sparse vectors. Centres that
 * lose every member are dropped, so fewer than k clusters may come back.
 */
export function sphericalKMeans(
  vectors: readonly SparseVector[],
  k: number,
  dimension: number,
  options: KMeansOptions,
): Clustering {
  const assignments = new Int32Array(vectors.length).fill(-1);
  const similarities = new Float64Array(vectors.length);
  const members = vectors.flatMap((vector, index) => (vector.indices.length > 0 ? [index] : []));
  if (members.length === 0 || k < 1 || dimension === 0) return { assignments, similarities, centroids: [] };
  let centres = seedCentres(vectors, members, Math.min(k, members.length), dimension, seededRandom(options.seed));
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let changed = iteration === 0;
    for (const member of members) {
      const vector = vectors[member];
      if (vector === undefined) continue;
      let best = 0;
      let bestSimilarity = Number.NEGATIVE_INFINITY;
      centres.forEach((centre, index) => {
        const similarity = sparseDot(vector, centre);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = index;
        }
      });
      if (assignments[member] !== best) changed = true;
      assignments[member] = best;
      similarities[member] = bestSimilarity;
    }
    if (!changed) break;
    const sums = centres.map(() => new Float64Array(dimension));
    for (const member of members) {
      const vector = vectors[member];
      const sum = sums[assignments[member] ?? 0];
      if (vector === undefined || sum === undefined) continue;
      for (let i = 0; i < vector.indices.length; i++) {
        const position = vector.indices[i] ?? 0;
        sum[position] = (sum[position] ?? 0) + (vector.values[i] ?? 0);
      }
    }
    sums.forEach(normalizeInPlace);
    centres = sums;
  }
  // Exit on the iteration limit leaves centres moved after the last assignment: measure against them.
  for (const member of members) {
    const vector = vectors[member];
    const centre = centres[assignments[member] ?? 0];
    if (vector !== undefined && centre !== undefined) similarities[member] = sparseDot(vector, centre);
  }
  // Drop centres without members and renumber the rest in order.
  const sizes = new Int32Array(centres.length);
  for (const member of members) sizes[assignments[member] ?? 0] = (sizes[assignments[member] ?? 0] ?? 0) + 1;
  const renumbered = new Int32Array(centres.length).fill(-1);
  const kept: Float64Array[] = [];
  centres.forEach((centre, index) => {
    if ((sizes[index] ?? 0) > 0) {
      renumbered[index] = kept.length;
      kept.push(centre);
    }
  });
  for (const member of members) assignments[member] = renumbered[assignments[member] ?? 0] ?? -1;
  return { assignments, similarities, centroids: kept };
}

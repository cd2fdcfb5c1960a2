import fc from 'fast-check';
import { seededRandom, sphericalKMeans } from './cluster';
import { buildTfIdf } from './tfidf';

describe('sphericalKMeans', () => {
  const documents = [
    ['train', 'course'],
    ['train', 'course', 'exercise'],
    ['course', 'exercise'],
    ['budget', 'fund'],
    ['budget', 'fund', 'money'],
    ['fund', 'money'],
    [],
  ];

  it('separates answers that share no words, and leaves out empty ones', () => {
    const model = buildTfIdf(documents);
    const result = sphericalKMeans(model.vectors, 2, model.vocabulary.length, { seed: 1, maxIterations: 50 });
    const [a, , , b] = Array.from(result.assignments);
    expect(Array.from(result.assignments)).toEqual([a, a, a, b, b, b, -1]);
    expect(a).not.toBe(b);
    expect(result.centroids).toHaveLength(2);
    for (let i = 0; i < 6; i++) expect(result.similarities[i]).toBeGreaterThan(0.5);
  });

  it('is reproducible for a seed, and assigns every non-empty vector to a cluster it resembles', () => {
    const term = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(
        fc.array(fc.array(term, { maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (docs, k, seed) => {
          const model = buildTfIdf(docs);
          const run = () => sphericalKMeans(model.vectors, k, model.vocabulary.length, { seed, maxIterations: 50 });
          const first = run();
          expect(run()).toEqual(first);
          expect(first.centroids.length).toBeLessThanOrEqual(k);
          model.vectors.forEach((vector, index) => {
            const cluster = first.assignments[index] ?? -1;
            if (vector.indices.length === 0) return expect(cluster).toBe(-1);
            expect(cluster).toBeGreaterThanOrEqual(0);
            expect(cluster).toBeLessThan(first.centroids.length);
            expect(first.similarities[index]).toBeGreaterThan(0);
          });
        },
      ),
    );
  });
});

describe('seededRandom', () => {
  it('gives the same numbers in [0, 1) for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
  });
});

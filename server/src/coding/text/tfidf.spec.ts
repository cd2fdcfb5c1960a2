import fc from 'fast-check';
import { buildTfIdf, sparseDot } from './tfidf';

describe('buildTfIdf', () => {
  it('keeps terms shared by two documents or more, weights them by sublinear tf times smoothed idf, unit length', () => {
    const model = buildTfIdf([
      ['train', 'train', 'budget'],
      ['train', 'visa'],
      ['budget', 'visa', 'once'],
    ]);
    expect(model.vocabulary).toEqual(['budget', 'train', 'visa']);
    // N = 3, df = 2 for each kept term: idf = ln(4/3) + 1 for all three.
    const idf = Math.log(4 / 3) + 1;
    const first = [(1 + Math.log(1)) * idf, (1 + Math.log(2)) * idf];
    const norm = Math.hypot(...first);
    expect(Array.from(model.vectors[0]?.indices ?? [])).toEqual([0, 1]);
    expect(Array.from(model.vectors[0]?.values ?? [])).toEqual(first.map((value) => value / norm));
    expect(Array.from(model.vectors[2]?.indices ?? [])).toEqual([0, 2]);
    const [x, y] = Array.from(model.vectors[2]?.values ?? []);
    expect(x).toBeCloseTo(Math.SQRT1_2, 15);
    expect(y).toBe(x);
  });

  it('drops a term that most documents use once there are ten or more', () => {
    const documents = Array.from({ length: 10 }, (_, i) =>
      i < 7 ? ['common', `pair${i % 3}`] : ['rare', `pair${i % 3}`],
    );
    expect(buildTfIdf(documents).vocabulary).toEqual(['pair0', 'pair1', 'pair2', 'rare']);
  });

  it('gives unit vectors (or empty ones) whatever the documents', () => {
    const term = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 6 }), { maxLength: 15 }), (documents) => {
        const model = buildTfIdf(documents);
        expect(model.vectors).toHaveLength(documents.length);
        for (const vector of model.vectors) {
          if (vector.indices.length === 0) continue;
          const dense = new Float64Array(model.vocabulary.length);
          vector.indices.forEach((index, i) => (dense[index] = vector.values[i] ?? 0));
          expect(sparseDot(vector, dense)).toBeCloseTo(1, 12);
        }
      }),
    );
  });
});

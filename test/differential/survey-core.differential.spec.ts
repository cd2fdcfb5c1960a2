import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { differentialProperty } from './survey-core-differential';

// A CI-sized run; `npm run test:differential -- --runs N` runs longer.
describe('the strict validator against survey-core 3.0.0', () => {
  it('agrees on generated definitions, answers and single-answer mutations, except where stricter by design', () => {
    // A fixed seed keeps CI deterministic; `npm run test:differential` explores new seeds.
    fc.assert(differentialProperty(), { numRuns: 25, seed: 20261130 });
  });
});

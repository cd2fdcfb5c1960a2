import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import type { TallyControls } from '../api/get-campaign-tallies';
import { controlsFromSearch, EMPTY_CONTROLS, searchFromControls } from './analysis-url';

describe('analysis view in the address', () => {
  it('writes the API parameter names, and only what differs from the defaults', () => {
    const controls: TallyControls = {
      ...EMPTY_CONTROLS,
      groupBy: 'country',
      weighting: 'regional',
      network: 'CA',
      from: '2025-01-01',
      includePartial: true,
      answerQuestion: 'q_radio',
      answerValue: 'a',
    };
    expect(searchFromControls('c-1', controls).toString()).toBe(
      'campaign=c-1&groupBy=country&weighting=regional&network=CA&from=2025-01-01&includePartial=true&answer%5Bq_radio%5D=a',
    );
    expect(searchFromControls(null, EMPTY_CONTROLS).toString()).toBe('');
  });

  it('keeps a question chosen for the answer filter before its answer is', () => {
    const chosen: TallyControls = { ...EMPTY_CONTROLS, answerQuestion: 'q_radio' };
    const search = searchFromControls('c-1', chosen);
    expect(search.toString()).toBe('campaign=c-1&answer%5Bq_radio%5D=');
    expect(controlsFromSearch(search)).toEqual(chosen);
  });

  it('reads back what it wrote, for any view', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({
          groupBy: fc.constantFrom('', 'network', 'country', 'role'),
          weighting: fc.constantFrom('pooled', 'regional'),
          network: text,
          country: text,
          role: text,
          language: fc.constantFrom('', 'en', 'fr', 'ru', 'ar'),
          version: fc.constantFrom('', '1', '2'),
          from: fc.constantFrom('', '2025-01-01'),
          to: fc.constantFrom('', '2025-12-31'),
          includePartial: fc.boolean(),
          answer: fc.option(fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string({ minLength: 1, maxLength: 6 }))),
        }),
        ({ answer, ...rest }) => {
          const controls: TallyControls = {
            ...rest,
            answerQuestion: answer?.[0] ?? '',
            answerValue: answer?.[1] ?? '',
          };
          const address = new URLSearchParams(searchFromControls('c', controls).toString());
          expect(controlsFromSearch(address)).toEqual(controls);
        },
      ),
    );
  });

  it('ignores values it does not know', () => {
    expect(controlsFromSearch(new URLSearchParams('groupBy=planet&weighting=heavy&includePartial=yes'))).toEqual(
      EMPTY_CONTROLS,
    );
  });
});

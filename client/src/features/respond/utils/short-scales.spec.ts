import { describe, expect, it } from '@jest/globals';
import { Model, type QuestionRatingModel } from 'survey-core';

import { showShortScalesAsButtons } from './short-scales';

function displayModes(model: Model): Record<string, string> {
  return Object.fromEntries(
    model
      .getAllQuestions(false, false, true)
      .map((question) => [question.name, (question as QuestionRatingModel).displayMode]),
  );
}

describe('showShortScalesAsButtons', () => {
  it('shows automatic scales of up to five values as buttons, and leaves longer or chosen ones alone', () => {
    const model = new Model({
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'rating', name: 'one_to_five', rateMin: 1, rateMax: 5 },
            { type: 'rating', name: 'three_values', rateValues: ['low', 'medium', 'high'] },
            { type: 'rating', name: 'one_to_six', rateMin: 1, rateMax: 6 },
            { type: 'rating', name: 'zero_to_ten', rateMin: 0, rateMax: 10 },
            { type: 'rating', name: 'chosen_dropdown', rateMin: 1, rateMax: 5, displayMode: 'dropdown' },
          ],
        },
        {
          name: 'p2',
          elements: [
            {
              type: 'panel',
              name: 'panel',
              elements: [{ type: 'rating', name: 'in_panel', rateMin: 1, rateMax: 4, visibleIf: '{x} = 1' }],
            },
          ],
        },
      ],
    });
    showShortScalesAsButtons(model);
    expect(displayModes(model)).toEqual({
      one_to_five: 'buttons',
      three_values: 'buttons',
      one_to_six: 'auto',
      zero_to_ten: 'auto',
      chosen_dropdown: 'dropdown',
      in_panel: 'buttons',
    });
  });
});

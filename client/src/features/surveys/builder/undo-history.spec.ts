import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { canRedo, canUndo, HISTORY_LIMIT, record, redo, replace, startHistory, undo } from './undo-history';

describe('undo history', () => {
  it('undoes and redoes edits in order, and a new edit drops the redo steps', () => {
    let history = startHistory('a');
    history = record(history, 'b');
    history = record(history, 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect([history.present, canUndo(history), canRedo(history)]).toEqual(['a', false, true]);
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect(history.present).toBe('b');
    history = record(history, 'd');
    expect([history.present, canRedo(history), history.past]).toEqual(['d', false, ['a', 'b']]);
    expect(replace(history, 'e')).toEqual({ past: ['a', 'b'], present: 'e', future: [] });
  });

  it('returns to every earlier state by undoing, and forward again by redoing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 50 }), (edits) => {
        let history = startHistory(-1);
        const states = [-1];
        for (const edit of edits) {
          history = record(history, edit);
          if (!Object.is(edit, states[states.length - 1])) states.push(edit);
        }
        for (let step = states.length - 1; step >= 0; step--) {
          expect(history.present).toBe(states[step]);
          history = undo(history);
        }
        for (const state of states) {
          expect(history.present).toBe(state);
          history = redo(history);
        }
      }),
    );
  });

  it('keeps at most the limit of past steps', () => {
    let history = startHistory(0);
    for (let step = 1; step <= HISTORY_LIMIT + 10; step++) history = record(history, step);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(10);
  });
});

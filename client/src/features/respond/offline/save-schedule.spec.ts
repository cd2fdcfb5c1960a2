import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { MAX_BACKOFF_MS, retryDelay, type SaveConditions, saveDelay, saveHold, TYPING_DELAY_MS } from './save-schedule';

describe('saveDelay', () => {
  it('waits for a pause in typing, saves a page or language change at once, and never saves open-link answers', () => {
    expect(TYPING_DELAY_MS).toBe(3_000);
    expect(saveDelay('server', 'later')).toBe(3_000);
    expect(saveDelay('server', 'now')).toBe(0);
    expect(saveDelay('device', 'later')).toBeNull();
    expect(saveDelay('device', 'now')).toBeNull();
  });
});

describe('retryDelay', () => {
  it('doubles from one second up to thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(retryDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('never shrinks from one attempt to the next and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.nat(200), (attempt) => {
        expect(retryDelay(attempt)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
        expect(retryDelay(attempt + 1)).toBeGreaterThanOrEqual(retryDelay(attempt));
      }),
    );
  });
});

describe('saveHold', () => {
  const ready: SaveConditions = {
    mode: 'server',
    editing: false,
    saving: false,
    submissionQueued: false,
    revision: 3,
    serverRevision: 2,
    refused: false,
    online: true,
  };

  it('sends a change the server has not confirmed, online, when nothing else is on its way', () => {
    expect(saveHold(ready)).toBeNull();
  });

  it('names what holds a save back', () => {
    expect(saveHold({ ...ready, mode: 'device' })).toBe('device');
    expect(saveHold({ ...ready, editing: true })).toBe('editing');
    expect(saveHold({ ...ready, saving: true })).toBe('saving');
    expect(saveHold({ ...ready, submissionQueued: true })).toBe('submission');
    expect(saveHold({ ...ready, serverRevision: 3 })).toBe('saved');
    expect(saveHold({ ...ready, refused: true })).toBe('refused');
    expect(saveHold({ ...ready, online: false })).toBe('offline');
  });

  it('sends exactly when every condition allows it', () => {
    const conditions = fc.record({
      mode: fc.constantFrom('server' as const, 'device' as const),
      editing: fc.boolean(),
      saving: fc.boolean(),
      submissionQueued: fc.boolean(),
      revision: fc.nat(5),
      serverRevision: fc.nat(5),
      refused: fc.boolean(),
      online: fc.boolean(),
    });
    fc.assert(
      fc.property(conditions, (c) => {
        const allowed =
          c.mode === 'server' &&
          !c.editing &&
          !c.saving &&
          !c.submissionQueued &&
          c.revision > c.serverRevision &&
          !c.refused &&
          c.online;
        expect(saveHold(c) === null).toBe(allowed);
      }),
    );
  });
});

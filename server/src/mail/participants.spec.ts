import fc from 'fast-check';
import { PARTICIPANT_STATUSES } from '@concord/shared';
import { NO_MESSAGES, participantStatus, reminderDecision } from './participants';

const at = (iso: string): Date => new Date(iso);
const none = { sentAt: null, openedAt: null, startedAt: null, completedAt: null, started: false, completed: false };

describe('participantStatus', () => {
  it('names the furthest step reached', () => {
    expect(participantStatus(none)).toBe('invited');
    expect(participantStatus({ ...none, sentAt: at('2026-01-01T00:00:00Z') })).toBe('sent');
    expect(participantStatus({ ...none, openedAt: at('2026-01-02T00:00:00Z') })).toBe('opened');
    expect(participantStatus({ ...none, started: true })).toBe('started');
    expect(participantStatus({ ...none, started: true, completed: true })).toBe('completed');
  });

  it('never goes back when a later step is also reached', () => {
    const date = fc.option(fc.date({ noInvalidDate: true }), { nil: null });
    fc.assert(
      fc.property(date, date, fc.boolean(), fc.boolean(), (sentAt, openedAt, started, completed) => {
        const facts = { ...none, sentAt, openedAt, started: started || completed, completed };
        const rank = PARTICIPANT_STATUSES.indexOf(participantStatus(facts));
        const expected = completed ? 4 : started ? 3 : openedAt !== null ? 2 : sentAt !== null ? 1 : 0;
        expect(rank).toBe(expected);
      }),
    );
  });
});

describe('reminderDecision', () => {
  const now = at('2026-03-10T12:00:00Z');

  it('reminds once the cooldown has passed, not before, and never a member who completed', () => {
    expect(reminderDecision(false, NO_MESSAGES, now, 72)).toBe('remind');
    expect(reminderDecision(true, NO_MESSAGES, now, 72)).toBe('completed');
    const reminded = (iso: string) => ({ ...NO_MESSAGES, remindedAt: at(iso), reminders: 1 });
    expect(reminderDecision(false, reminded('2026-03-07T12:00:01Z'), now, 72)).toBe('cooling_down');
    expect(reminderDecision(false, reminded('2026-03-07T12:00:00Z'), now, 72)).toBe('remind');
    expect(reminderDecision(false, reminded('2026-03-10T11:59:59Z'), now, 0)).toBe('remind');
    expect(reminderDecision(false, { ...reminded('2026-01-01T00:00:00Z'), reminderPending: true }, now, 0)).toBe(
      'pending',
    );
  });

  it('holds back exactly the members reminded less than the cooldown ago', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 1_000_000 }), (hours, secondsAgo) => {
        const remindedAt = new Date(now.getTime() - secondsAgo * 1000);
        const decision = reminderDecision(false, { ...NO_MESSAGES, remindedAt, reminders: 1 }, now, hours);
        expect(decision).toBe(secondsAgo < hours * 3600 ? 'cooling_down' : 'remind');
      }),
    );
  });
});

import type { ParticipantDto, ParticipantStatus } from '@concord/shared';

/** What the outbox knows about one invitation. */
export interface MessageFacts {
  /** When the first invitation e-mail went out. */
  sentAt: Date | null;
  /** When the last reminder that did not fail was queued. */
  remindedAt: Date | null;
  reminders: number;
  reminderPending: boolean;
}

export const NO_MESSAGES: MessageFacts = { sentAt: null, remindedAt: null, reminders: 0, reminderPending: false };

export interface ParticipantFacts {
  sentAt: Date | null;
  openedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Anonymous campaigns only know that a response exists, not when. */
  started: boolean;
  completed: boolean;
}

/** The furthest step a member reached; each status implies the ones before it. */
export function participantStatus(facts: ParticipantFacts): ParticipantStatus {
  if (facts.completed) return 'completed';
  if (facts.started) return 'started';
  if (facts.openedAt !== null) return 'opened';
  if (facts.sentAt !== null) return 'sent';
  return 'invited';
}

export type ReminderDecision = 'remind' | 'completed' | 'pending' | 'cooling_down';

/**
 * Whether a member gets a reminder now: not once they completed, not while an earlier reminder
 * still waits to be sent, and not again within the cooldown after the last one.
 */
export function reminderDecision(
  completed: boolean,
  messages: MessageFacts,
  now: Date,
  cooldownHours: number,
): ReminderDecision {
  if (completed) return 'completed';
  if (messages.reminderPending) return 'pending';
  if (messages.remindedAt !== null && now.getTime() - messages.remindedAt.getTime() < cooldownHours * 3_600_000) {
    return 'cooling_down';
  }
  return 'remind';
}

export interface ParticipantFilter {
  status?: ParticipantStatus;
  networkId?: string;
}

export function filterParticipants(participants: ParticipantDto[], filter: ParticipantFilter): ParticipantDto[] {
  return participants.filter(
    (participant) =>
      (filter.status === undefined || participant.status === filter.status) &&
      (filter.networkId === undefined || participant.networkId === filter.networkId),
  );
}

export const PARTICIPANT_CSV_HEADER = [
  'invitationId',
  'memberId',
  'name',
  'email',
  'networkCode',
  'networkName',
  'country',
  'language',
  'status',
  'sentAt',
  'openedAt',
  'startedAt',
  'completedAt',
  'remindedAt',
  'reminders',
] as const;

export function participantCsvRow(participant: ParticipantDto): string[] {
  return PARTICIPANT_CSV_HEADER.map((column) => {
    const value = participant[column];
    return value === null ? '' : String(value);
  });
}

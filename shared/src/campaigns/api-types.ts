/** Languages a member can be addressed in; the questionnaire's locales use the same codes. */
export const MEMBER_LANGUAGES = ['en', 'fr', 'ru', 'ar'] as const;
export type MemberLanguage = (typeof MEMBER_LANGUAGES)[number];

/** Suggested member roles; the field is free text so that networks can use their own. */
export const SUGGESTED_MEMBER_ROLES = ['National Focal Point', 'national team', 'secretariat', 'observer'] as const;

export interface MemberInput {
  name: string;
  email: string;
  country: string;
  role: string;
  language: MemberLanguage;
}

export interface NetworkMemberDto extends MemberInput {
  id: string;
  networkId: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemberUpsertResult {
  created: number;
  updated: number;
}

export interface MemberImportResult extends MemberUpsertResult {
  errors: Array<{ line: number; message: string }>;
}

export type CampaignStatus = 'open' | 'closed';

export interface CampaignDto {
  id: string;
  name: string;
  surveyId: string;
  surveyVersionId: string;
  version: number;
  networkIds: string[];
  opensAt: string | null;
  closesAt: string | null;
  anonymous: boolean;
  allowEdits: boolean;
  status: CampaignStatus;
  closedAt: string | null;
  createdAt: string;
  /** Days after closing when respondent identities are removed; null keeps them. */
  retentionDays: number | null;
  /** When the retention job removed respondent identities (null: not yet). */
  identitiesRemovedAt: string | null;
  invited: number;
  /** Complete responses so far (personal and open links). */
  completed: number;
  /** completed / invited, from 0 to 1; null when nobody was invited personally. */
  responseRate: number | null;
}

export interface CopyCampaignInput {
  /** A published version newer than the campaign's. */
  version: number;
  name?: string;
  opensAt?: string;
  closesAt?: string;
}

/** Where a member stands in a campaign, each status implying the ones before it. */
export const PARTICIPANT_STATUSES = ['invited', 'sent', 'opened', 'started', 'completed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The member an invitation of a campaign goes to, and the network they are invited through. */
export interface InvitedMember {
  invitationId: string;
  memberId: string;
  name: string;
  email: string;
  networkId: string;
  networkCode: string;
  networkName: string;
  country: string;
}

export interface ParticipantDto extends InvitedMember {
  language: MemberLanguage;
  status: ParticipantStatus;
  /** When the invitation e-mail went out. */
  sentAt: string | null;
  openedAt: string | null;
  /** Anonymous campaigns keep these null, so the time of a response cannot point to its author. */
  startedAt: string | null;
  completedAt: string | null;
  /** When the last reminder was queued. */
  remindedAt: string | null;
  reminders: number;
}

export interface ReminderPreviewDto {
  /** Members who would get a reminder now. */
  recipients: number;
  /** Members who have not completed but were reminded within the cooldown. */
  coolingDown: number;
  cooldownHours: number;
}

export interface TestInvitationResult {
  queued: number;
  to: string;
}

export interface CampaignLinkDto extends InvitedMember {
  url: string;
  revoked: boolean;
}

export interface OpenLinkDto {
  id: string;
  networkId: string;
  maxResponses: number | null;
  url: string;
}

export interface ProgressCounts {
  invited: number;
  opened: number;
  started: number;
  completed: number;
}

export interface NetworkProgress extends ProgressCounts {
  networkId: string;
  /** completed / invited, from 0 to 1; null when nobody was invited personally. */
  rate: number | null;
}

export interface CampaignProgressDto {
  total: ProgressCounts;
  networks: NetworkProgress[];
}

export type RespondentStatus = 'new' | 'partial' | 'complete';

export interface RespondentViewDto {
  survey: { definition: unknown; version: number };
  locales: string[];
  data: Record<string, unknown>;
  status: RespondentStatus;
  closesAt: string | null;
  language: MemberLanguage | null;
  /** Whether a completed response may still be changed (until the campaign closes). */
  canEdit: boolean;
  /** Open links cannot keep progress on the server: the page keeps it on the device. */
  kind: 'personal' | 'open';
  receipt: string | null;
  /**
   * Where the respondent left off: the index of the page (among all the definition's pages) and
   * the questionnaire language last used, as saved with the partial response. Null when nothing
   * was saved yet, and always for open links, whose place is kept on the device.
   */
  currentPage: number | null;
  locale: string | null;
  /** When the server last stored these answers; a device compares it with its own copy's. */
  savedAt: string | null;
}

/** The body of `PUT /api/respond/:token`. */
export interface PartialSaveInput {
  data: Record<string, unknown>;
  currentPage?: number;
  locale?: string;
}

export interface PartialSaveResult {
  status: 'partial';
  savedAt: string;
}

export interface CompletionResult {
  responseId: string;
  receipt: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';
export type OutboxKind = 'invitation' | 'reminder' | 'test';
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export interface OutboxMessageDto {
  id: string;
  invitationId: string;
  kind: OutboxKind;
  to: string;
  language: MemberLanguage;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxPageDto {
  /** Whether a worker sends the messages (SMTP configured), or they wait to be sent by hand. */
  delivery: 'smtp' | 'manual';
  counts: Record<OutboxStatus, number>;
  total: number;
  page: number;
  pageSize: number;
  items: OutboxMessageDto[];
}

export interface QueueResult {
  queued: number;
}

/** The messages whose wording a campaign may set per language (test e-mails use the invitation's). */
export const MAIL_WORDING_KINDS = ['invitation', 'reminder'] as const;
export type MailWordingKind = (typeof MAIL_WORDING_KINDS)[number];

/**
 * The placeholders a campaign's subject and body may use: the member's name, the campaign's name,
 * the member's network, the closing-date sentence of the language (empty without a closing date)
 * and, in the body only, the personal link, which the body must contain.
 */
export const MAIL_PLACEHOLDERS = ['name', 'campaign', 'network', 'deadline', 'link'] as const;
export type MailPlaceholder = (typeof MAIL_PLACEHOLDERS)[number];
export const MAIL_SUBJECT_MAX_LENGTH = 200;
export const MAIL_BODY_MAX_LENGTH = 20_000;

/** One message's wording in one language: the campaign's own, or the default while it has none. */
export interface MailWordingDto {
  kind: MailWordingKind;
  language: MemberLanguage;
  subject: string;
  body: string;
  /** True when the campaign set this wording; false when it is the default. */
  custom: boolean;
  /** When the campaign's wording was last set; null for the default. */
  updatedAt: string | null;
}

export interface CampaignMailWordingDto {
  placeholders: MailPlaceholder[];
  /** Every kind in every member language, invitations first, languages in MEMBER_LANGUAGES order. */
  templates: MailWordingDto[];
}

export interface MailWordingInput {
  subject: string;
  body: string;
}

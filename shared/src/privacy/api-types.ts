import type { MemberLanguage } from '../campaigns/api-types';

/** What an admin chooses to do with the responses of a member being erased. */
export const ERASE_RESPONSE_MODES = ['anonymise', 'delete'] as const;
export type EraseResponseMode = (typeof ERASE_RESPONSE_MODES)[number];

export interface MemberEraseInput {
  responses: EraseResponseMode;
}

export interface MemberEraseResult {
  memberId: string;
  /** Personal links removed (their invitations and the mail queued for them). */
  invitations: number;
  messages: number;
  /** Responses kept without identity (anonymise) or deleted (delete). */
  responses: number;
  mode: EraseResponseMode;
}

/** Everything Concord holds on one member (data subject access). */
export interface MemberExport {
  exportedAt: string;
  member: {
    id: string;
    networkId: string;
    networkCode: string;
    name: string;
    email: string;
    country: string;
    role: string;
    language: MemberLanguage;
    createdAt: string;
    updatedAt: string;
  };
  invitations: Array<{
    id: string;
    campaignId: string;
    campaignName: string;
    createdAt: string;
    openedAt: string | null;
    revokedAt: string | null;
  }>;
  responses: Array<{
    id: string;
    campaignId: string;
    invitationId: string;
    status: 'partial' | 'complete';
    data: Record<string, unknown>;
    receipt: string | null;
    startedAt: string;
    completedAt: string | null;
    updatedAt: string;
    revisions: Array<{ data: Record<string, unknown>; completedAt: string | null; replacedAt: string }>;
  }>;
  mail: Array<{
    id: string;
    campaignId: string;
    kind: string;
    recipient: string;
    subject: string;
    body: string;
    status: string;
    createdAt: string;
    sentAt: string | null;
  }>;
  audit: Array<{
    seq: number | null;
    at: string;
    actorEmail: string | null;
    action: string;
    subject: string | null;
    payload: Record<string, unknown>;
  }>;
}

export interface RetentionInput {
  /** Whole days after the campaign closes, 0–3650; null keeps identities. */
  retentionDays: number | null;
}

export interface RetentionRunResult {
  campaigns: Array<{ campaignId: string; responses: number }>;
}

/** Demo data still present, and what removing it did. */
export interface DemoDataCounts {
  campaigns: number;
  members: number;
  users: number;
  charters: number;
}

export interface DemoStatus {
  present: DemoDataCounts;
  removed: boolean;
}

export interface DemoRemovalResult {
  removed: DemoDataCounts;
  /** Demo rows kept because real data refers to them (a response in a real campaign, …). */
  kept: DemoDataCounts;
  /** Personal links of demo members in real campaigns, removed with the members. */
  realCampaignInvitations: number;
}

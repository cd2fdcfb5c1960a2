/**
 * Every action the audit log records, `<subject kind>.<what happened>`. The audit service only
 * accepts these, so a new state change needs its action added here (and shows up in reviews).
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.token_created',
  'auth.token_revoked',
  'auth.login_failed',
  'auth.password_changed',
  'auth.password_change_failed',
  'auth.password_reset_requested',
  'auth.password_reset_completed',
  'user.created',
  'user.updated',
  'members.upserted',
  'members.imported',
  'survey.created',
  'survey_version.created',
  'survey_version.updated',
  'survey_version.published',
  'survey_version.translations_imported',
  'campaign.created',
  'campaign.closed',
  'campaign.open_link_created',
  'campaign.test_invitation_queued',
  'campaign.invitations_queued',
  'campaign.reminders_queued',
  'campaign.min_cell_size_changed',
  'invitation.revoked',
  // Written by a database trigger when a response is completed (see its migration), not by the service.
  'response.completed',
  'response.edited',
  'coding.theme_created',
  'coding.theme_updated',
  'coding.theme_deleted',
  'coding.theme_merged',
  'coding.answer_coded',
  'coding.answer_uncoded',
  'coding.suggestion_applied',
  'charter.created',
  'charter.revision_saved',
  'charter.chairs_set',
  'charter.comment_added',
  'charter.comment_resolved',
  'charter.comment_reopened',
  'charter.amendment_proposed',
  'charter.amendment_accepted',
  'charter.amendment_rejected',
  'charter.evidence_cited',
  'charter.amendment_voted',
  'charter.amendment_vote_withdrawn',
  'charter.translation_saved',
  'analysis.tallies_rebuilt',
  'demo.seeded',
  'demo.removed',
  'member.erased',
  'member.exported',
  'campaign.retention_set',
  // Written by the retention job (or its on-demand run) when a campaign's retention period ends.
  'campaign.identities_removed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

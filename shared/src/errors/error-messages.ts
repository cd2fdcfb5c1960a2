import type { ErrorCode } from './error-codes';

/**
 * Default English message for every error code, for people. The server's `message` says more
 * about one case (which id, which value); clients show these where a code needs no specifics,
 * and a translation replaces this table, not the server's wording.
 */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  bad_request: 'The request was not valid.',
  unauthenticated: 'You are not signed in, or your session has expired.',
  forbidden: 'You do not have permission to do this.',
  csrf_invalid: 'This page is out of date. Reload it and try again.',
  not_found: 'Not found.',
  conflict: 'This conflicts with data that already exists.',
  gone: 'This is no longer available.',
  payload_too_large: 'The request is too large.',
  unprocessable: 'Some of the values are not valid.',
  rate_limited: 'Too many attempts. Please wait a moment and try again.',
  db_unavailable: 'The database is unreachable. Please try again shortly.',
  internal_error: 'The server ran into a problem. Please try again.',

  invalid_credentials: 'Invalid email or password',
  email_taken: 'A user with this e-mail address already exists.',
  last_admin: 'The last administrator cannot be removed or demoted.',

  survey_not_found: 'This questionnaire does not exist.',
  survey_version_not_found: 'This questionnaire version does not exist.',
  survey_slug_taken: 'Another questionnaire already uses this short name.',
  version_frozen: 'This version is published and can no longer be changed.',
  invalid_definition: 'The questionnaire definition has problems.',
  translation_file_invalid: 'The translation file cannot be read.',
  unsupported_media_type: 'This kind of file is not accepted here.',

  network_not_found: 'This network does not exist.',
  campaign_not_found: 'This campaign does not exist.',
  invitation_not_found: 'This invitation does not exist.',
  member_not_found: 'This member does not exist.',
  version_not_published: 'This questionnaire version is not published yet.',
  campaign_closed: 'This campaign is closed.',
  link_not_found: 'This link is not valid.',
  link_gone: 'This link is no longer valid.',
  answers_invalid: 'Some answers are not valid.',
  already_completed: 'This questionnaire was already submitted.',
  idempotency_mismatch: 'This request was already made with different content.',
  quota_reached: 'This campaign has received all the responses it accepts.',
  open_link_no_progress: 'Answers given through an open link cannot be saved for later.',
  reminder_count_changed: 'The number of people to remind has changed. Review and confirm again.',

  analysis_question_not_found: 'This question is not in the questionnaire.',
  analysis_version_not_found: 'This questionnaire version has no responses to analyse.',

  theme_not_found: 'This theme does not exist.',
  theme_name_taken: 'Another theme already has this name.',
  theme_in_use: 'This theme is still applied to answers.',
  theme_invalid_parent: 'This theme cannot be placed under the chosen parent.',
  coding_question_invalid: 'This question has no free-text answers to code.',
  coding_answer_not_found: 'This answer does not exist.',
  coding_theme_invalid: 'One of the themes does not belong to this questionnaire.',

  charter_not_found: 'This charter does not exist.',
  charter_revision_not_found: 'This charter revision does not exist.',
  charter_clause_not_found: 'This clause does not exist.',
  charter_comment_not_found: 'This comment does not exist.',
  charter_amendment_not_found: 'This amendment does not exist.',
  charter_slug_taken: 'Another charter already uses this short name.',
  charter_merge_conflict: 'Someone else changed the same clauses meanwhile.',
  charter_amendment_decided: 'This amendment has already been decided.',
  charter_invalid_clauses: 'The clauses are not valid.',
  charter_no_changes: 'Nothing has changed.',
  charter_invalid_reference: 'A reference points to something that does not exist.',
  charter_not_chair: 'Only the chair can do this.',
  charter_evidence_question_not_asked: 'That source does not ask this question.',
};

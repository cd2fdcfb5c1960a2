/**
 * Every domain error the server can raise, and the HTTP status it maps to.
 * Feature modules add their codes here; the server's one exception filter maps them,
 * and because this is a Record over the union, a code without a status does not compile.
 */
export const ERROR_STATUS = {
  // generic
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  db_unavailable: 503,
  internal_error: 500,
  // auth
  invalid_credentials: 401,
  email_taken: 409,
  last_admin: 409,
  totp_required: 401,
  totp_invalid: 401,
  totp_enrolment_required: 403,
  totp_already_enabled: 409,
  totp_not_enabled: 409,
  totp_setup_missing: 409,
  oidc_not_configured: 404,
  // surveys
  survey_not_found: 404,
  survey_version_not_found: 404,
  survey_slug_taken: 409,
  version_frozen: 409,
  invalid_definition: 422,
  translation_file_invalid: 422,
  unsupported_media_type: 415,

  // campaigns, links and responses
  network_not_found: 404,
  campaign_not_found: 404,
  invitation_not_found: 404,
  member_not_found: 404,
  version_not_published: 409,
  campaign_closed: 409,
  link_not_found: 404,
  link_gone: 410,
  answers_invalid: 422,
  already_completed: 409,
  idempotency_mismatch: 422,
  quota_reached: 409,
  open_link_no_progress: 409,
  reminder_count_changed: 409,

  // analysis
  analysis_question_not_found: 404,
  analysis_version_not_found: 404,

  // free-text coding
  theme_not_found: 404,
  theme_name_taken: 409,
  theme_in_use: 409,
  theme_invalid_parent: 422,
  coding_question_invalid: 422,
  coding_answer_not_found: 404,
  coding_theme_invalid: 422,

  // charter
  charter_not_found: 404,
  charter_revision_not_found: 404,
  charter_clause_not_found: 404,
  charter_comment_not_found: 404,
  charter_amendment_not_found: 404,
  charter_slug_taken: 409,
  charter_merge_conflict: 409,
  charter_amendment_decided: 409,
  charter_invalid_clauses: 422,
  charter_no_changes: 422,
  charter_invalid_reference: 422,
  charter_not_chair: 403,
  charter_evidence_question_not_asked: 422,
  charter_evidence_quote_invalid: 422,
  charter_evidence_quote_suppressed: 422,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

/** The generic code for an HTTP status, for errors raised by the framework rather than a service. */
const GENERIC_CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'db_unavailable',
};

export function genericCodeForStatus(status: number): ErrorCode {
  return GENERIC_CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/** Standard reason phrases used in the `error` field of error bodies. */
export const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

import { fieldErrorsOf, type FieldError } from '@concord/shared/errors/api-error';
import { genericCodeForStatus, isErrorCode, type ErrorCode } from '@concord/shared/errors/error-codes';
import { ERROR_MESSAGES } from '@concord/shared/errors/error-messages';

/** The server's codes, plus the one the client raises itself when no HTTP answer came at all. */
export type ClientErrorCode = ErrorCode | 'network_unreachable';

/** An error body as the client holds it: the server's, or one made up for a missing answer. */
export interface ClientErrorBody {
  statusCode: number;
  error: string;
  code: ClientErrorCode;
  message: string;
  details?: unknown;
}

/** Status 0 stands for "no HTTP response at all" (offline, server down, CORS, aborted proxy). */
export const NETWORK_ERROR_STATUS = 0;

const CLIENT_MESSAGES: Readonly<Record<ClientErrorCode, string>> = {
  ...ERROR_MESSAGES,
  network_unreachable: 'Cannot reach the Concord server. Check your connection and try again.',
};

/**
 * Codes whose server message names what is wrong in this case (which value, which clause, which
 * limit) where the catalogue can only say "not valid": for these the server's words are kept.
 */
const CASE_SPECIFIC_CODES: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  'bad_request',
  'unprocessable',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'answers_invalid',
  'invalid_definition',
  'translation_file_invalid',
  'theme_invalid_parent',
  'coding_question_invalid',
  'coding_theme_invalid',
  'charter_invalid_clauses',
  'charter_invalid_reference',
  'charter_merge_conflict',
  'charter_evidence_question_not_asked',
  'charter_evidence_quote_invalid',
  'charter_evidence_quote_suppressed',
]);

/** The code an answer stands for: the body's own, else the generic one of its status. */
export function codeOf(statusCode: number, payloadCode: unknown): ClientErrorCode {
  if (isErrorCode(payloadCode)) return payloadCode;
  return statusCode === NETWORK_ERROR_STATUS ? 'network_unreachable' : genericCodeForStatus(statusCode);
}

/**
 * Normalises whatever came back into an error body. The server promises
 * `{statusCode,error,code,message,details?}`, but a proxy in between may answer with HTML, and
 * framework defaults sometimes send `message` as an array of validation messages.
 */
export function toClientErrorBody(statusCode: number, statusText: string, payload: unknown): ClientErrorBody {
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const status = typeof record.statusCode === 'number' ? record.statusCode : statusCode;
  const rawMessage = record.message;
  const message =
    typeof rawMessage === 'string' && rawMessage.trim() !== ''
      ? rawMessage
      : Array.isArray(rawMessage) && rawMessage.length > 0
        ? rawMessage.map(String).join('; ')
        : '';
  const code = codeOf(status, record.code);
  return {
    statusCode: status,
    error: typeof record.error === 'string' ? record.error : statusText || 'Error',
    code,
    message: message === '' ? CLIENT_MESSAGES[code] : message,
    ...(record.details === undefined ? {} : { details: record.details }),
  };
}

/** The message to show a person: the catalogue's for the code, or the server's where it is case-specific. */
export function userMessageFor(body: Pick<ClientErrorBody, 'code' | 'message'>): string {
  if (CASE_SPECIFIC_CODES.has(body.code) && body.message.trim() !== '') return body.message;
  return CLIENT_MESSAGES[body.code];
}

/** Field errors keyed by field path, for showing each beside its field. */
export function fieldMessages(details: unknown): ReadonlyMap<string, readonly string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of fieldErrorsOf(details)) {
    byField.set(problem.field, [...(byField.get(problem.field) ?? []), ...problem.messages]);
  }
  return byField;
}

export type { FieldError };

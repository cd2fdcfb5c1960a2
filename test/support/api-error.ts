import type { ApiErrorBody, ErrorCode } from '@concord/shared';

/**
 * The reason phrases the API must answer with, written out here rather than taken from the
 * server's own table, so that a test still notices when the server's phrase changes.
 */
const EXPECTED_REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * The exact body of an API error response, as a test expects it: `details` is there only when given.
 * `message` may be a Jest matcher where the text holds a figure that varies (a wait in seconds).
 */
export function errorBody(statusCode: number, code: ErrorCode, message: string, details?: unknown): ApiErrorBody {
  const error = EXPECTED_REASON[statusCode];
  if (error === undefined) throw new Error(`No expected reason phrase for status ${statusCode}`);
  return details === undefined ? { statusCode, error, code, message } : { statusCode, error, code, message, details };
}

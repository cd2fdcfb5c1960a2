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
  // auth
  invalid_credentials: 401,
  email_taken: 409,
  last_admin: 409,
  // surveys

  // campaigns, links and responses

  // analysis

  // charter

} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

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

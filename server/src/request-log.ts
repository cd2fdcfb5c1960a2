import type { SerializedRequest, SerializedResponse } from 'pino';

const REDACTED = '[Redacted]';

/** Request headers that carry credentials: their values never reach the log. */
const SECRET_REQUEST_HEADERS = ['cookie', 'authorization'] as const;
/** Response headers that carry credentials. */
const SECRET_RESPONSE_HEADERS = ['set-cookie'] as const;

type Headers = Record<string, unknown>;

/** A respondent link's token: the path segment after /api/respond/. */
const RESPONDENT_LINK_TOKEN = /^(\/api\/respond\/)[^/?#]+/;

/**
 * The URL as the log writes it: a respondent link's token is a credential (whoever has it answers
 * as that member), so its path segment is written as [Redacted]; every other URL as it is.
 */
export function loggedUrl(url: string): string {
  return url.replace(RESPONDENT_LINK_TOKEN, `$1${REDACTED}`);
}

/**
 * A copy of `headers` with the value of each secret one that is present replaced by [Redacted]
 * (same keys, same order), or `headers` itself when none is present: the common case costs one
 * look-up per name. The headers are the live request's, so they are never changed in place.
 */
function redacted(headers: Headers | undefined, names: readonly string[]): Headers | undefined {
  if (headers === undefined || headers === null) return headers;
  let copy: Headers | undefined;
  for (const name of names) {
    if (!(name in headers)) continue;
    copy ??= { ...headers };
    copy[name] = REDACTED;
  }
  return copy ?? headers;
}

/**
 * The request log's serializers (wrapped by pino-http around its standard ones): they write the
 * respondent link tokens of URLs as [Redacted] (see loggedUrl) and otherwise the same lines as
 * pino's `redact` option with the paths req.headers.cookie,
 * req.headers.authorization and res.headers["set-cookie"], which cloned every logged request and
 * response object on every line (a twentieth of a 401's CPU).
 */
export const requestLogSerializers = {
  req(request: SerializedRequest): SerializedRequest {
    const headers = redacted(request.headers, SECRET_REQUEST_HEADERS);
    if (headers !== request.headers) request.headers = headers as SerializedRequest['headers'];
    // The serialized request is the log's own copy: its url may be rewritten.
    if (typeof request.url === 'string') request.url = loggedUrl(request.url);
    return request;
  },
  res(response: SerializedResponse): SerializedResponse {
    const headers = redacted(response.headers, SECRET_RESPONSE_HEADERS);
    if (headers !== response.headers) response.headers = headers as SerializedResponse['headers'];
    return response;
  },
};

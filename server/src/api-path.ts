import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Whether a request target (path, with or without its query) is under /api. */
export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

const REQUEST_ID = /^[\w.-]{1,100}$/;

/** The caller's X-Request-Id when it is a plain token, else a new one: the id of the request's log line. */
export function givenOrNewRequestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

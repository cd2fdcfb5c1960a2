import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.guard';
import type { StartedSession } from './auth.service';

/** The session cookie (httpOnly) and the readable CSRF cookie of a new session. */
export function setSessionCookies(response: FastifyReply, started: StartedSession, secure: boolean): void {
  const options: CookieSerializeOptions = { sameSite: 'lax', secure, path: '/', expires: started.expiresAt };
  response.setCookie(SESSION_COOKIE, started.sessionToken, { ...options, httpOnly: true });
  response.setCookie(CSRF_COOKIE, started.csrfToken, { ...options, httpOnly: false });
}

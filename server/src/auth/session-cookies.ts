import type { CookieOptions, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.guard';
import type { StartedSession } from './auth.service';

/** The session cookie (httpOnly) and the readable CSRF cookie of a new session. */
export function setSessionCookies(response: Response, started: StartedSession, secure: boolean): void {
  const options: CookieOptions = { sameSite: 'lax', secure, path: '/', expires: started.expiresAt };
  response.cookie(SESSION_COOKIE, started.sessionToken, { ...options, httpOnly: true });
  response.cookie(CSRF_COOKIE, started.csrfToken, { ...options, httpOnly: false });
}

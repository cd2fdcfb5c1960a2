import type { Page } from 'playwright-core';

export type StaffApi = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A staff API client on a running server: cookie session plus CSRF header, for setting up and checking. */
export async function staffApi(origin: string, email: string, password: string): Promise<StaffApi> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrfCookie = cookies.find((cookie) => cookie.startsWith('csrf_token='));
  if (csrfCookie === undefined) throw new Error('login set no csrf_token cookie');
  const csrf = decodeURIComponent(csrfCookie.split('=')[1]);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookies.join('; '), 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** Signs in through the login form the app redirected to, as a person would. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.waitForURL(/\/login/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

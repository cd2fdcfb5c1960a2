import type { Page } from 'playwright-core';
import { httpSignIn } from './http-session';

export type StaffApi = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A staff API client on a running server that returns bodies and throws on anything but success. */
export async function staffApi(origin: string, email: string, password: string): Promise<StaffApi> {
  const session = await httpSignIn(origin, email, password);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await session.request(method, path, body);
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body as T;
  };
}

/** Signs in through the login form the app redirected to, as a person would. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.waitForURL(/\/login/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Opens the charter page, signs in there, and waits for the demo charter, which the server seeds in
 * the background after the first admin exists.
 */
export async function openSeededCharter(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/charter`);
  await signInThroughForm(page, email, password);
  await page.waitForURL(/\/charter/);
  for (let attempt = 0; attempt < 40; attempt++) {
    if ((await page.getByRole('heading', { name: 'Article 1. Purpose' }).count()) > 0) break;
    await page.waitForTimeout(250);
    await page.reload();
  }
  await page.getByRole('heading', { name: 'Article 1. Purpose' }).waitFor();
}

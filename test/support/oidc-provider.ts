import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface TestOidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

export interface TestOidcAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  roles?: string[] | string;
}

/** Starts the real provider of oidc-provider-main.mjs on a free port of this machine. */
export async function startOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, TestOidcAccount>;
}): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-main.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      CLIENT_ID: options.clientId,
      CLIENT_SECRET: options.clientSecret,
      REDIRECT_URI: options.redirectUri,
      ACCOUNTS: JSON.stringify(options.accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^(http:\/\/\S+)\n/.exec(output);
      if (line !== null) resolve(line[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`The OpenID provider exited (${code}) before it started: ${errors}`));
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A browser's part of the provider's pages, by plain HTTP: follows redirects on the provider with
 * its cookies, fills and posts its login form (the login name picks the account) and its consent
 * form, and stops at the first redirect that leaves the provider (the way back to Concord).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let next: { url: string; method: 'GET' | 'POST'; form?: URLSearchParams } = { url: authorizationUrl, method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(next.url, {
      method: next.method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: next.form?.toString(),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair.indexOf('=');
      jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const target = new URL(location, next.url);
      if (target.origin !== origin) return target;
      next = { url: target.href, method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`);
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (form === null) throw new Error(`No form on the provider's page: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      if (name === undefined) continue;
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      fields.set(name, name === 'login' ? login : name === 'password' ? 'any-password' : value);
    }
    next = { url: new URL(form[1].replace(/&amp;/g, '&'), next.url).href, method: 'POST', form: fields };
  }
  throw new Error('The provider kept redirecting');
}

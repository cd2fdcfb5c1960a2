import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { TestApp } from './test-app';

export interface StaffSession {
  agent: TestAgent;
  csrf: string;
  /** Methods that change state, with the CSRF header already set. */
  post(path: string): request.Test;
  put(path: string): request.Test;
  patch(path: string): request.Test;
  delete(path: string): request.Test;
  get(path: string): request.Test;
}

function cookieValue(setCookie: string[] | string | undefined, name: string): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie];
  const found = cookies.find((cookie) => cookie.startsWith(`${name}=`));
  if (found === undefined) throw new Error(`No ${name} cookie was set`);
  return decodeURIComponent(found.slice(name.length + 1).split(';')[0]);
}

export async function signIn(testApp: TestApp, email: string, password: string): Promise<StaffSession> {
  const agent = request.agent(testApp.app.getHttpServer());
  const response = await agent.post('/api/auth/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const csrf = cookieValue(response.headers['set-cookie'], 'csrf_token');
  return {
    agent,
    csrf,
    post: (path) => agent.post(path).set('x-csrf-token', csrf),
    put: (path) => agent.put(path).set('x-csrf-token', csrf),
    patch: (path) => agent.patch(path).set('x-csrf-token', csrf),
    delete: (path) => agent.delete(path).set('x-csrf-token', csrf),
    get: (path) => agent.get(path),
  };
}

/** Creates a staff user through the API as the given admin and signs them in. */
export async function createStaff(
  testApp: TestApp,
  admin: StaffSession,
  role: 'admin' | 'secretariat' | 'committee',
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`,
): Promise<StaffSession & { id: string; email: string }> {
  const password = `Password-for-${role}-123`;
  const created = await admin.post('/api/users').send({ email, name: `Test ${role}`, role, password });
  if (created.status !== 201) throw new Error(`Could not create ${role}: ${JSON.stringify(created.body)}`);
  const session = await signIn(testApp, email, password);
  return { ...session, id: (created.body as { id: string }).id, email };
}

/** An enabled staff user as the API shows it, with whatever id and creation time it got. */
export function enabledUserBody(email: string, name: string, role: string): Record<string, unknown> {
  return { id: expect.any(String), email, name, role, disabled: false, createdAt: expect.any(String) };
}

export { cookieValue };

import { signIn, type StaffSession } from './staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './test-app';

/** The app of one `describe` and its first administrator, signed in. */
export interface AppWithAdmin {
  readonly testApp: TestApp;
  readonly admin: StaffSession;
}

/**
 * Starts the app on a fresh database and signs the first administrator in before the describe's
 * tests (before its own `beforeAll`, which may use them), and closes the app after them. Call it
 * at the top of the `describe`.
 */
export function useAppWithAdmin(): AppWithAdmin {
  let testApp: TestApp | undefined;
  let admin: StaffSession | undefined;
  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => testApp?.close());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The app starts in beforeAll; it is not running here');
    return value;
  };
  return {
    get testApp() {
      return started(testApp);
    },
    get admin() {
      return started(admin);
    },
  };
}

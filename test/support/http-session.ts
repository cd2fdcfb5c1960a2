/** A staff session against a running server over real HTTP (for browser and fault tests). */
export interface HttpSession {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }>;
  cookies: string;
}

export async function httpSignIn(origin: string, email: string, password: string): Promise<HttpSession> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
  const setCookies = login.headers.getSetCookie();
  const cookies = setCookies.map((cookie) => cookie.split(';')[0]).join('; ');
  const csrf = decodeURIComponent(
    setCookies
      .find((cookie) => cookie.startsWith('csrf_token='))
      ?.split(';')[0]
      .slice('csrf_token='.length) ?? '',
  );
  return {
    cookies,
    request: async (method, path, body) => {
      const response = await fetch(`${origin}${path}`, {
        method,
        headers: {
          cookie: cookies,
          'x-csrf-token': csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

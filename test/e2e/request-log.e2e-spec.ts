import { type ServerProcess, spawnServer } from '../support/server-processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface RequestLine {
  msg?: string;
  req?: { id?: string; method?: string; url?: string; headers?: Record<string, unknown> };
  res?: { statusCode?: number };
}

/** The server's JSON log lines about requests, by request id. */
function requestLines(output: string): Map<string, RequestLine> {
  const byId = new Map<string, RequestLine>();
  for (const text of output.split('\n')) {
    let line: RequestLine;
    try {
      line = JSON.parse(text) as RequestLine;
    } catch {
      continue;
    }
    if (typeof line.req?.id === 'string') byId.set(line.req.id, line);
  }
  return byId;
}

// The built server (npm run build), as it runs in production: its request log is its standard output.
describe('the request log of the built server', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  const LINK_TOKEN = 'never-logged-link-token-0123456789';

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await spawnServer({ databaseUrl: database.url, env: { LOG_LEVEL: 'info' } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('writes one line per API request, with its id, method, path, status and no credential', async () => {
    const send = (path: string, id: string, init: RequestInit = {}) =>
      fetch(`${server.origin}${path}`, {
        ...init,
        headers: { 'x-request-id': id, ...(init.headers as Record<string, string> | undefined) },
      }).then((response) => response.status);
    expect(await send('/api/auth/me', 'log-me', { headers: { cookie: 'concord_session=secret-session' } })).toBe(401);
    expect(await send(`/api/respond/${LINK_TOKEN}`, 'log-respond')).toBe(404);
    expect(
      await send('/api/auth/login', 'log-post', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    ).toBe(400);
    expect(await send('/api/health', 'log-health')).toBe(200);
    expect(await send('/', 'log-page')).toBe(200);

    // The log is written asynchronously: wait for the last API request's line.
    const deadline = Date.now() + 5_000;
    while (!requestLines(server.output()).has('log-post') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lines = requestLines(server.output());
    const summary = (id: string) => {
      const line = lines.get(id);
      return line === undefined
        ? undefined
        : [line.msg, line.req?.method, line.req?.url, line.res?.statusCode, line.req?.headers?.cookie];
    };
    expect(summary('log-me')).toEqual(['request completed', 'GET', '/api/auth/me', 401, '[Redacted]']);
    expect(summary('log-respond')).toEqual(['request completed', 'GET', '/api/respond/[Redacted]', 404, undefined]);
    expect(summary('log-post')).toEqual(['request completed', 'POST', '/api/auth/login', 400, undefined]);
    // The health probe and the web client's own files are not logged.
    expect(lines.has('log-health')).toBe(false);
    expect(lines.has('log-page')).toBe(false);
    expect(server.output()).not.toContain(LINK_TOKEN);
    expect(server.output()).not.toContain('secret-session');
  });
});

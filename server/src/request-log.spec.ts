import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp, { type Options } from 'pino-http';
import { loggedUrl, requestLogSerializers } from './request-log';

interface Captured {
  lines: string[];
  stream: Writable;
}

function capture(): Captured {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line !== '') lines.push(line);
      }
      done();
    },
  });
  return { lines, stream };
}

/** The log lines one request writes through pino-http configured with `options`. */
async function logLines(
  options: Options,
  headers: Record<string, string>,
  setCookie: string[] | null,
  path = '/api/thing',
): Promise<string[]> {
  const { lines, stream } = capture();
  const log = pinoHttp({ ...options, genReqId: () => 'request-1' }, stream);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    log(request, response);
    request.log.info({ note: 'inside the request' }, 'working');
    if (setCookie !== null) response.setHeader('set-cookie', setCookie);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  // The port differs between servers; everything else must be the same.
  return lines.map((line) =>
    line.replace(/"time":\d+,|"pid":\d+,|,"responseTime":\d+|"host":"127\.0\.0\.1:\d+",|,"remotePort":\d+/g, ''),
  );
}

const REDACT: Options = {
  redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
};
const SERIALIZERS: Options = { serializers: requestLogSerializers };

const parsed = (lines: string[]) =>
  lines.map(
    (line) =>
      JSON.parse(line) as {
        msg: string;
        req: { headers: Record<string, unknown>; url: string };
        res?: { headers: Record<string, unknown> };
      },
  );

describe('requestLogSerializers', () => {
  it('write the same lines as the redact paths when credentials are sent and set', async () => {
    const headers = { cookie: 'concord_session=secret', authorization: 'Bearer token-secret', 'x-other': 'kept' };
    const cookies = ['concord_session=new-secret; HttpOnly', 'csrf_token=abc'];
    const redacted = await logLines(REDACT, headers, cookies);
    const serialized = await logLines(SERIALIZERS, headers, cookies);
    expect(serialized).toEqual(redacted);
    const [working, finished] = parsed(serialized);
    expect([working?.msg, finished?.msg]).toEqual(['working', 'request completed']);
    for (const line of [working, finished]) {
      expect([line?.req.headers.cookie, line?.req.headers.authorization, line?.req.headers['x-other']]).toEqual([
        '[Redacted]',
        '[Redacted]',
        'kept',
      ]);
    }
    expect(finished?.res?.headers['set-cookie']).toBe('[Redacted]');
    expect(serialized.join('\n')).not.toMatch(/secret/);
  });

  it('write the same lines as the redact paths when no credential is present', async () => {
    const redacted = await logLines(REDACT, { 'x-other': 'kept' }, null);
    const serialized = await logLines(SERIALIZERS, { 'x-other': 'kept' }, null);
    expect(serialized).toEqual(redacted);
    expect(parsed(serialized).map((line) => line.msg)).toEqual(['working', 'request completed']);
    expect(serialized.join('\n')).not.toMatch(/Redacted/);
  });

  it('write a respondent link token in the URL as [Redacted], on every line of the request', async () => {
    const lines = parsed(await logLines(SERIALIZERS, {}, null, '/api/respond/AbC-secret_token/complete?locale=fr'));
    expect(lines.map((line) => line.req.url)).toEqual([
      '/api/respond/[Redacted]/complete?locale=fr',
      '/api/respond/[Redacted]/complete?locale=fr',
    ]);
  });
});

describe('loggedUrl', () => {
  it.each([
    ['/api/respond/tok3n', '/api/respond/[Redacted]'],
    ['/api/respond/tok3n/', '/api/respond/[Redacted]/'],
    ['/api/respond/tok3n/save?x=1', '/api/respond/[Redacted]/save?x=1'],
    ['/api/respond/tok3n?x=1', '/api/respond/[Redacted]?x=1'],
    ['/api/respond/', '/api/respond/'],
    ['/api/campaigns/c1/respond/tok3n', '/api/campaigns/c1/respond/tok3n'],
    ['/respond/tok3n', '/respond/tok3n'],
    ['/api/auth/me', '/api/auth/me'],
  ])('%s is logged as %s', (url, logged) => {
    expect(loggedUrl(url)).toBe(logged);
  });
});

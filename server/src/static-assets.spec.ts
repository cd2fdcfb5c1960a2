import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { acceptedEncoding, hashedAssetServer, recordHeaders } from './static-assets';

describe('acceptedEncoding', () => {
  it('picks the first available encoding the client accepts', () => {
    expect(acceptedEncoding('gzip, deflate, br', ['br', 'gzip'])).toBe('br');
    expect(acceptedEncoding('gzip', ['br', 'gzip'])).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5', ['br', 'gzip'])).toBe('gzip');
    expect(acceptedEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(acceptedEncoding('*', ['gzip'])).toBe('gzip');
    expect(acceptedEncoding('*, gzip;q=0', ['gzip'])).toBeNull();
    expect(acceptedEncoding(undefined, ['br'])).toBeNull();
    expect(acceptedEncoding('br', [])).toBeNull();
  });

  it('never answers an encoding that is not available or that the client refused', () => {
    const encodings = fc.constantFrom('br', 'gzip', 'deflate', 'identity', '*', 'x-custom');
    const entry = fc.tuple(encodings, fc.option(fc.constantFrom('0', '0.0', '0.5', '1'), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.subarray(['br', 'gzip'] as const), (entries, available) => {
        const header = entries.map(([name, q]) => (q === undefined ? name : `${name};q=${q}`)).join(', ');
        const chosen = acceptedEncoding(header, available);
        if (chosen === null) return;
        expect(available).toContain(chosen);
        const last = new Map(entries.map(([name, q]) => [name, q]));
        const quality = last.has(chosen) ? last.get(chosen) : last.get('*');
        expect(quality === undefined ? last.has(chosen) || last.has('*') : Number(quality) > 0).toBe(true);
      }),
    );
  });
});

describe('hashedAssetServer', () => {
  let dir: string;
  let server: Server;
  let origin: string;
  const script = 'console.log("hashed asset");'.repeat(50);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-assets-'));
    writeFileSync(join(dir, 'app-Ab12_cd.js'), script);
    writeFileSync(join(dir, 'app-Ab12_cd.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'app-Ab12_cd.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'font-Zz9.woff2'), Buffer.from([1, 2, 3, 4]));
    const serve = hashedAssetServer(dir, { 'X-Frame-Options': 'DENY' });
    server = createServer((request, response) => {
      if (!serve(request, response)) response.writeHead(418).end('framework');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the Brotli copy with immutable caching and the security headers', async () => {
    const response = await fetch(`${origin}/assets/app-Ab12_cd.js`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toBe(script);
  });

  it('answers 304 to a matching If-None-Match and the file as it is without an accepted encoding', async () => {
    const raw = await fetch(`${origin}/assets/app-Ab12_cd.js`, { headers: { 'accept-encoding': 'identity' } });
    expect([raw.status, raw.headers.get('content-encoding'), await raw.text()]).toEqual([200, null, script]);
    const etag = raw.headers.get('etag') ?? '';
    const again = await fetch(`${origin}/assets/app-Ab12_cd.js`, {
      headers: { 'accept-encoding': 'identity', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const font = await fetch(`${origin}/assets/font-Zz9.woff2`);
    expect([font.status, font.headers.get('content-type'), font.headers.get('vary')]).toEqual([
      200,
      'font/woff2',
      null,
    ]);
  });

  it('leaves unknown names, other methods, ranges and other paths to the framework', async () => {
    const statuses = await Promise.all([
      fetch(`${origin}/assets/missing.js`),
      fetch(`${origin}/assets/app-Ab12_cd.js.br`),
      fetch(`${origin}/assets/app-Ab12_cd.js`, { method: 'POST', body: 'x' }),
      fetch(`${origin}/assets/app-Ab12_cd.js`, { headers: { range: 'bytes=0-10' } }),
      fetch(`${origin}/api/assets/app-Ab12_cd.js`),
      fetch(`${origin}/assets/../app-Ab12_cd.js`),
    ]);
    expect(statuses.map((response) => response.status)).toEqual([418, 418, 418, 418, 418, 418]);
  });
});

describe('recordHeaders', () => {
  it('keeps what a middleware set and not what it removed', () => {
    const headers = recordHeaders((_request, response, next) => {
      response.setHeader('A', '1');
      response.setHeader('B', ['x', 'y']);
      response.setHeader('C', 3);
      response.removeHeader('C');
      next();
    });
    expect(headers).toEqual({ A: '1', B: 'x, y' });
  });
});

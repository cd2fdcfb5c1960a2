import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { contentType } from 'mime-types';

/** Copies the client build stores beside each hashed file (client/vite.config.ts), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof PRECOMPRESSED)[number]['encoding'];

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSETS_PREFIX = '/assets/';
/** Names Vite gives hashed files: letters, digits, dot, dash and underscore only. */
const ASSET_NAME = /^[\w.-]+$/;

interface Variant {
  body: Buffer;
  etag: string;
}

interface Asset {
  type: string;
  identity: Variant;
  encoded: Partial<Record<Encoding, Variant>>;
}

/**
 * The encoding to send, from Accept-Encoding: the first of `available` the client accepts
 * (q > 0), or null for the file as it is. `*` accepts any encoding not named.
 */
export function acceptedEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (header === undefined || header === '' || available.length === 0) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.trim().split(';');
    const quality = parameters.map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(parameter)).find(Boolean);
    weights.set(name.trim().toLowerCase(), quality ? Number(quality[1]) : 1);
  }
  const wildcard = weights.get('*');
  return available.find((encoding) => (weights.get(encoding) ?? wildcard ?? 0) > 0) ?? null;
}

function variant(body: Buffer): Variant {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** Reads every hashed asset of the build once: a few MB, and a name changes with its content. */
function loadAssets(assetsDir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(assetsDir)) return assets;
  const names = new Set(readdirSync(assetsDir));
  for (const name of names) {
    if (!ASSET_NAME.test(name) || name.startsWith('.')) continue;
    if (PRECOMPRESSED.some((candidate) => name.endsWith(candidate.suffix) && names.has(name.slice(0, -3)))) continue;
    const type = contentType(extname(name));
    if (type === false) continue;
    const encoded: Asset['encoded'] = {};
    for (const candidate of PRECOMPRESSED) {
      if (names.has(name + candidate.suffix)) {
        encoded[candidate.encoding] = variant(readFileSync(join(assetsDir, name + candidate.suffix)));
      }
    }
    assets.set(name, { type, identity: variant(readFileSync(join(assetsDir, name))), encoded });
  }
  return assets;
}

/**
 * Answers GET and HEAD of the build's hashed assets (/assets/<name>) from memory, with the given
 * security headers and long-lived immutable caching, before the web framework sees the request:
 * they need no cookie, body, session or log line, and this is the path every page load takes.
 * Returns false, having done nothing, for anything else (ranges, unknown names, other methods),
 * which the framework then serves as before.
 */
export function hashedAssetServer(
  assetsDir: string,
  securityHeaders: Record<string, string>,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const assets = loadAssets(assetsDir);
  const fixedHeaders = Object.entries({ ...securityHeaders, 'Cache-Control': IMMUTABLE });
  return (request, response) => {
    const url = request.url;
    if (url === undefined || !url.startsWith(ASSETS_PREFIX)) return false;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.headers.range !== undefined) return false;
    const query = url.indexOf('?');
    const asset = assets.get(url.slice(ASSETS_PREFIX.length, query === -1 ? undefined : query));
    if (asset === undefined) return false;
    const available = Object.keys(asset.encoded) as Encoding[];
    const encoding = acceptedEncoding(request.headers['accept-encoding'], available);
    const chosen = (encoding === null ? undefined : asset.encoded[encoding]) ?? asset.identity;
    for (const [name, value] of fixedHeaders) response.setHeader(name, value);
    response.setHeader('Content-Type', asset.type);
    response.setHeader('ETag', chosen.etag);
    if (available.length > 0) response.setHeader('Vary', 'Accept-Encoding');
    if (encoding !== null) response.setHeader('Content-Encoding', encoding);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === chosen.etag)) {
      response.statusCode = 304;
      response.end();
      return true;
    }
    response.setHeader('Content-Length', chosen.body.length);
    response.end(request.method === 'HEAD' ? undefined : chosen.body);
    return true;
  };
}

/** The headers a middleware sets on a response, recorded once (for headers that never vary). */
export function recordHeaders(
  middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  // The middleware only sets and removes headers; these stand-ins record what it does.
  const request = { headers: {}, method: 'GET', url: '/' } as IncomingMessage;
  middleware(request, response as unknown as ServerResponse, (error) => {
    if (error instanceof Error) throw error;
  });
  return headers;
}

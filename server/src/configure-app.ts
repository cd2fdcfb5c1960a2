import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join, normalize, relative, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { givenOrNewRequestId, isApiPath } from './api-path';
import { DomainError } from './common/domain-error';
import type { AppConfig } from './config/app-config';
import { bodyLimit, charsetOf, decodeText, readBody } from './request-body';
import { hashedAssetServer, recordHeaders } from './static-assets';

export const JSON_BODY_LIMIT = '1mb';
export const CSV_BODY_LIMIT = '20mb';
/** Translation files (XLSX, XLIFF) arrive as they are, for the surveys feature to read. */
export const FILE_BODY_LIMIT = '20mb';
const FILE_BODY_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/xliff+xml',
  'application/xml',
  'text/xml',
];

/**
 * Deeper JSON than any request needs (a questionnaire is a dozen levels) is refused before it is
 * parsed: validation, sanitising and hashing walk bodies recursively, and 10,000 levels of
 * nesting would otherwise overflow the stack and answer 500.
 */
export const JSON_MAX_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** One pass over the raw bytes, counting brackets outside strings. */
export function jsonDepthExceeds(body: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Property names that only matter to JavaScript's object model. No Concord field or question may
 * use them; refusing them at parse time keeps them away from every later merge or transform
 * (class-transformer would otherwise drop them silently).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function refuseReservedKeys(key: string, value: unknown): unknown {
  if (RESERVED_KEYS.has(key)) {
    throw new DomainError('bad_request', `Reserved property name "${key}" is not allowed in a request body`);
  }
  return value;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** A JSON body as the API takes it: an object or array, UTF-8, at most JSON_MAX_DEPTH levels deep. */
export function parseJsonBody(body: Buffer, contentType: string | undefined): unknown {
  const charset = charsetOf(contentType);
  if (charset !== undefined && !charset.startsWith('utf-')) {
    throw new DomainError('bad_request', `Unsupported charset "${charset.toUpperCase()}"`);
  }
  let first = 0;
  while (first < body.length && WHITESPACE.has(body.readUInt8(first))) first++;
  // An empty body reads as an empty object, as it always has.
  if (first === body.length) return {};
  const opening = body.readUInt8(first);
  if (opening !== OPEN_BRACE && opening !== OPEN_BRACKET) {
    const token = String.fromCharCode(opening);
    throw new DomainError(
      'bad_request',
      `The request body is not valid JSON: Unexpected token '${token}' at position ${first}, only an object or an array is accepted`,
    );
  }
  if (jsonDepthExceeds(body, JSON_MAX_DEPTH)) {
    throw new DomainError('bad_request', `The request body is nested deeper than ${JSON_MAX_DEPTH} levels`);
  }
  const text = decodeText(body, charset);
  try {
    return JSON.parse(text, refuseReservedKeys) as unknown;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'bad_request',
      `The request body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`,
    );
  }
}

const JSON_LIMIT = bodyLimit(JSON_BODY_LIMIT);
const CSV_LIMIT = bodyLimit(CSV_BODY_LIMIT);
const FILE_LIMIT = bodyLimit(FILE_BODY_LIMIT);
// application/json and application/*+json, with or without parameters.
const JSON_TYPE = /^application\/([^;\s/]+\+)?json\s*(;|$)/i;

/**
 * The body parsers: JSON, text (CSV) and files, each with its own limit; a body of any other type
 * is read and left out (the route then sees no body), as it always was.
 */
function registerBodyParsers(instance: FastifyInstance): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(JSON_TYPE, async (request: FastifyRequest, payload: IncomingMessage) =>
    parseJsonBody(await readBody(payload, JSON_LIMIT), request.headers['content-type']),
  );
  instance.addContentTypeParser(['text/csv', 'text/plain'], async (request: FastifyRequest, payload: IncomingMessage) =>
    decodeText(await readBody(payload, CSV_LIMIT), charsetOf(request.headers['content-type'])),
  );
  instance.addContentTypeParser(FILE_BODY_TYPES, async (_request: FastifyRequest, payload: IncomingMessage) =>
    readBody(payload, FILE_LIMIT),
  );
  instance.addContentTypeParser('*', async (_request: FastifyRequest, payload: IncomingMessage) => {
    await readBody(payload, FILE_LIMIT);
    return undefined;
  });
}

/** The HTTP adapter with the settings Concord relies on; main.ts and the tests create it alike. */
export function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.trustProxy,
    // The request log's id (and the X-Request-Id answered): the caller's, or a new one.
    genReqId: givenOrNewRequestId,
    requestIdHeader: false,
    // Respondent links and tokens travel in the path; the default (100 characters) would answer 404.
    routerOptions: { maxParamLength: 2_000, ignoreTrailingSlash: true },
    // Bodies are read by the parsers above, each with its own limit.
    bodyLimit: FILE_LIMIT.bytes,
  });
}

/** Everything around the Nest routes, shared by main.ts and the tests. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance();
  // helmet's headers depend only on the configuration: recorded once, then set on every answer
  // (no per-request middleware), the same ones the hashed assets below carry.
  const securityHeaders = recordHeaders(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
        },
      },
      hsts: config.publicUrl.startsWith('https:'),
    }),
  );
  const headerEntries = Object.entries(securityHeaders);
  instance.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const raw = reply.raw;
    for (const [name, value] of headerEntries) raw.setHeader(name, value);
    raw.setHeader('x-request-id', request.id);
    // API answers carry respondents' answers, links and tokens: no browser or proxy may keep a copy.
    if (isApiPath(request.url)) raw.setHeader('Cache-Control', 'no-store');
    done();
  });
  // Request bodies are inflated by the body parsers below (their limits count the inflated bytes).
  await app.register(fastifyCompress, { globalCompression: true, globalDecompression: false, threshold: 1024 });
  await app.register(fastifyCookie);
  registerBodyParsers(instance);
  app.setGlobalPrefix('api');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Concord API')
      .setDescription(
        'Surveys, campaigns, analysis and Charter revisions. Errors are {statusCode, error, code, message, details?}.',
      )
      .setVersion('1')
      .addCookieAuth('concord_session')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.clientDir !== null) {
    answerFirst(app, hashedAssetServer(join(config.clientDir, 'assets'), securityHeaders));
    await serveClient(app, config.clientDir);
  }
}

/** The path of a request target, without its query. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Puts a handler in front of the framework on the HTTP server: requests it answers (returns true)
 * never reach Fastify; the others go on to Fastify as before.
 */
function answerFirst(
  app: NestFastifyApplication,
  handler: (request: IncomingMessage, response: ServerResponse) => boolean,
): void {
  const server: Server = app.getHttpServer();
  const framework = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (handler(request, response)) return;
    for (const listener of framework) listener(request, response);
  });
}

/** Whether `path` names a file inside `root` (never outside it). */
async function fileIn(root: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    return (await stat(file)).isFile() ? relative(root, file) : null;
  } catch {
    return null;
  }
}

/** The built web client, with long-lived caching for hashed assets and index.html for client routes. */
async function serveClient(app: NestFastifyApplication, clientDir: string): Promise<void> {
  const root = normalize(clientDir);
  const indexHtml = join(root, 'index.html');
  // Respondent links get their own page, which loads only what answering needs (see client/respond.html).
  const respondHtml = join(root, 'respond.html');
  await app.register(fastifyStatic, { root, serve: false, index: false });
  const instance = app.getHttpAdapter().getInstance();
  instance.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    if (isApiPath(path)) return reply.callNotFound();
    const file = await fileIn(root, path);
    if (file !== null) {
      const isAsset = path.startsWith('/assets/');
      return reply.sendFile(file, {
        maxAge: isAsset ? 365 * 24 * 3600 * 1000 : 3600 * 1000,
        immutable: isAsset,
        index: false,
        dotfiles: 'ignore',
      });
    }
    const page = path.startsWith('/r/') && existsSync(respondHtml) ? respondHtml : indexHtml;
    if (path.startsWith('/assets/') || !existsSync(page)) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile(relative(root, page), { maxAge: 0, cacheControl: false });
  });
}

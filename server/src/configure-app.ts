import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { toErrorBody } from './common/api-exception.filter';
import { DomainError } from './common/domain-error';
import type { AppConfig } from './config/app-config';
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

function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (jsonDepthExceeds(body, JSON_MAX_DEPTH)) {
    throw Object.assign(new Error(`The request body is nested deeper than ${JSON_MAX_DEPTH} levels`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
}

/**
 * Property names that only matter to JavaScript's object model. No Concord field or question may
 * use them; refusing them at parse time keeps them away from every later merge or transform
 * (class-transformer would otherwise drop them silently).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const RESERVED_KEY_MESSAGE = 'Reserved property name';

function refuseReservedKeys(key: string, value: unknown): unknown {
  if (RESERVED_KEYS.has(key)) throw new Error(`${RESERVED_KEY_MESSAGE} "${key}" is not allowed in a request body`);
  return value;
}

/** Body parsers answer their own errors (413, malformed JSON) in the one error format. */
function parser(handler: RequestHandler, limit = JSON_BODY_LIMIT): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    handler(request, response, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const { type, status, message } = error as { type?: string; status?: number; message?: string };
      let domainError: DomainError;
      if (type === 'entity.too.large') {
        domainError = new DomainError('payload_too_large', `The request body is larger than the limit of ${limit}`);
      } else if (type === 'entity.parse.failed' && message?.startsWith(RESERVED_KEY_MESSAGE) === true) {
        domainError = new DomainError('bad_request', message);
      } else if (type === 'entity.parse.failed') {
        domainError = new DomainError('bad_request', `The request body is not valid JSON: ${message ?? 'parse error'}`);
      } else if (status !== undefined && status >= 400 && status < 500) {
        domainError = new DomainError('bad_request', message ?? 'The request body could not be read');
      } else {
        return next(error);
      }
      const body = toErrorBody(domainError);
      response.status(body.statusCode).json(body);
    });
  };
}

/** Everything around the Nest routes, shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const securityHeaders = helmet({
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
  });
  app.use(securityHeaders);
  app.use(compression());
  // API answers carry respondents' answers, links and tokens: no browser or proxy may keep a copy.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.use(
    parser(
      express.json({
        limit: JSON_BODY_LIMIT,
        type: ['application/json', 'application/*+json'],
        verify: refuseDeepJson,
        reviver: refuseReservedKeys,
      }),
    ),
  );
  app.use(parser(express.text({ limit: CSV_BODY_LIMIT, type: ['text/csv', 'text/plain'] }), CSV_BODY_LIMIT));
  app.use(parser(express.raw({ limit: FILE_BODY_LIMIT, type: FILE_BODY_TYPES }), FILE_BODY_LIMIT));
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
    answerFirst(app, hashedAssetServer(join(config.clientDir, 'assets'), recordHeaders(securityHeaders)));
    serveClient(app, config.clientDir);
  }
}

/** Requests to the API never look for a file: a file-system call per API request is pure cost. */
function exceptApi(handler: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    request.path === '/api' || request.path.startsWith('/api/') ? next() : handler(request, response, next);
}

/**
 * Puts a handler in front of the framework on the HTTP server: requests it answers (returns true)
 * never reach Express; the others go on to Express as before.
 */
function answerFirst(
  app: NestExpressApplication,
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

/** The built web client, with long-lived caching for hashed assets and index.html for client routes. */
function serveClient(app: NestExpressApplication, clientDir: string): void {
  const indexHtml = join(clientDir, 'index.html');
  // Respondent links get their own page, which loads only what answering needs (see client/respond.html).
  const respondHtml = join(clientDir, 'respond.html');
  app.use(
    '/assets',
    express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }),
  );
  app.use(exceptApi(express.static(clientDir, { index: false, maxAge: '1h' })));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isClientRoute =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.path.startsWith('/api') &&
      !request.path.startsWith('/assets/');
    const page = request.path.startsWith('/r/') && existsSync(respondHtml) ? respondHtml : indexHtml;
    if (!isClientRoute || !existsSync(page)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(page);
  });
}

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join, normalize, relative, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { HttpLogger } from 'pino-http';
import { givenOrNewRequestId, isApiPath } from './api-path';
import type { AppConfig } from './config/app-config';
import { FILE_LIMIT, registerBodyParsers } from './request-body';
import { HTTP_LOGGER } from './request-log.module';
import { hashedAssetServer, recordHeaders } from './static-assets';

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
  // The request log first, on the request as it arrived (see RequestLogModule), under Fastify's id.
  const requestLog = app.get<HttpLogger>(HTTP_LOGGER);
  instance.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    request.raw.id = request.id;
    requestLog(request.raw, reply.raw, done);
  });
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

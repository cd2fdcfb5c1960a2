import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { givenOrNewRequestId, isApiPath } from './api-path';
import type { AppConfig } from './config/app-config';
import { requestLogSerializers } from './request-log';

/** The request log (pino-http), which configureApp runs first on every request. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

let logDestination: pino.DestinationStream | undefined;

/**
 * Standard output written asynchronously: a synchronous write blocks the event loop whenever the
 * reader of the output (a terminal, a log collector, a pipe) is slower than the requests, and
 * every request then waits for the log. pino flushes what is pending when the process exits.
 * One stream per process, shared by every app instance in it (the tests build many).
 */
function asyncStdout(): pino.DestinationStream {
  logDestination ??= pino.destination({ dest: 1, sync: false });
  return logDestination;
}

/**
 * The logs: one root pino logger on standard output, under Nest's logger (nestjs-pino's `Logger`,
 * which configureApp installs) and under the request log (pino-http, run by configureApp as the
 * first hook of every request, on the request as it arrived).
 *
 * nestjs-pino's own middleware is left out (`useExisting` with no routes), for two reasons. As a
 * Nest middleware it ran behind the router's path matching, which hands it the URL without the
 * matched prefix ("/" for every API path), so the log's filter took API reads for the client's
 * files and left them out. And it ran each request inside an AsyncLocalStorage so that Nest's
 * logger could find the request: on Node 20 that turns on promise hooks for every promise the
 * process makes, about a quarter of the respondent view's CPU. A line that must name its
 * request logs through the request's own logger instead (pino-http's, see ApiExceptionFilter).
 */
@Module({})
export class RequestLogModule {
  static forRoot(config: AppConfig): DynamicModule {
    const root = pino({ level: config.logLevel }, asyncStdout());
    const httpLogger = pinoHttp({
      logger: root,
      // configureApp hands over the request's id (Fastify's, which is also the X-Request-Id answered).
      genReqId: givenOrNewRequestId,
      // Cookies, bearer tokens and Set-Cookie are written as [Redacted] (see request-log.ts).
      serializers: requestLogSerializers,
      autoLogging: {
        // The health probe, and the web client's own files (served beside the API, never logged).
        ignore: (request) =>
          request.url === '/api/health' ||
          (config.clientDir !== null &&
            (request.method === 'GET' || request.method === 'HEAD') &&
            !isApiPath(request.url ?? '')),
      },
    });
    return {
      module: RequestLogModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: root }, useExisting: true, forRoutes: [] })],
      providers: [{ provide: HTTP_LOGGER, useValue: httpLogger }],
      exports: [HTTP_LOGGER],
    };
  }
}

import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AnalysisModule } from './analysis/analysis.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CharterModule } from './charter/charter.module';
import { CodingModule } from './coding';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { givenOrNewRequestId, isApiPath } from './api-path';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { DemoModule } from './demo/demo.module';
import { PrivacyModule } from './privacy';
import { requestLogSerializers } from './request-log';
import { NetworksModule } from './networks/networks.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ResponsesModule } from './responses/responses.module';
import { SurveysModule } from './surveys/surveys.module';

function requestId(request: IncomingMessage, response: ServerResponse): string {
  const id = givenOrNewRequestId(request);
  response.setHeader('x-request-id', id);
  return id;
}

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
 * The whole application, built from a validated configuration. Tests build exactly this module,
 * so pipes, filters and guards (registered as APP_* providers) behave as in production.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // The library's default route ('*') is legacy syntax that Nest 11 warns about at every start.
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: config.logLevel,
              genReqId: requestId,
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
            },
            asyncStdout(),
          ],
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 5, retryDelay: 2_000 }),
        AnalysisModule,
        AuditModule,
        AuthModule,
        CharterModule,
        CodingModule,
        NetworksModule,
        CampaignsModule,
        ResponsesModule,
        PrivacyModule,
        SurveysModule,
        HealthModule,
        MailModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}

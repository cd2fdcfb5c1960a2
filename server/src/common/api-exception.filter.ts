import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ApiErrorBody, ERROR_STATUS, type ErrorCode, genericCodeForStatus, reasonPhrase } from '@concord/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';

function body(
  code: ErrorCode,
  message: string,
  details?: unknown,
  statusCode: number = ERROR_STATUS[code],
): ApiErrorBody {
  const result: ApiErrorBody = { statusCode, error: reasonPhrase(statusCode), code, message };
  if (details !== undefined) result.details = details;
  return result;
}

/** PostgreSQL SQLSTATEs caused by the request's own values, with the answer each gets. */
const WRONG_FORMAT = { code: 'bad_request', message: 'A value has the wrong format' } as const;
// A NUL character or an invalid byte sequence in a text or jsonb value (the driver sends what it is given).
const UNSTORABLE = {
  code: 'bad_request',
  message: 'A value contains a character that cannot be stored (such as \\u0000)',
} as const;
const TOO_LONG = { code: 'bad_request', message: 'A value is too long' } as const;
const QUERY_FAILURES: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  '23505': { code: 'conflict', message: 'This conflicts with a record that already exists' },
  '22P02': WRONG_FORMAT,
  '22007': WRONG_FORMAT,
  '22003': WRONG_FORMAT,
  '22021': UNSTORABLE,
  '22P05': UNSTORABLE,
  '22001': TOO_LONG,
  '54000': TOO_LONG,
  '23503': { code: 'conflict', message: 'This refers to a record that does not exist or is still referred to' },
};

/** Turns anything thrown while handling a request into the one error format. */
export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainError) {
    return body(exception.code, exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    // Raised by the framework (unknown route, throttling, body parsing): the status names the code.
    const status = exception.getStatus();
    const code = genericCodeForStatus(status);
    const response = exception.getResponse();
    if (typeof response === 'string') return body(code, response, undefined, status);
    const { message, details } = response as { message?: unknown; details?: unknown };
    const text = Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
    return body(code, text, details, status);
  }
  if (isDatabaseUnavailable(exception)) {
    return body('db_unavailable', 'The database is unreachable; try again shortly');
  }
  if (exception instanceof QueryFailedError) {
    const sqlState = (exception.driverError as { code?: string } | undefined)?.code;
    const failure = sqlState === undefined ? undefined : QUERY_FAILURES[sqlState];
    if (failure !== undefined) return body(failure.code, failure.message);
  }
  return body('internal_error', 'Internal server error');
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const errorBody = toErrorBody(exception);
    if (errorBody.statusCode >= 500) {
      const message = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      // Through the request log's logger when there is one, so the line names its request. pino-http
      // keeps it as the last of raw.allLogs (raw.log may be Fastify's own, set by a middleware runner).
      const raw = http.getRequest<FastifyRequest | undefined>()?.raw as { allLogs?: PinoLogger[] } | undefined;
      const requestLog = raw?.allLogs?.at(-1);
      if (requestLog === undefined) this.logger.error(message);
      else requestLog.error({ context: 'ApiExceptionFilter' }, message);
    }
    if (response.sent || response.raw.headersSent) return;
    // Always JSON, also on routes that declare another type for their answer (CSV downloads).
    response.status(errorBody.statusCode).type('application/json; charset=utf-8').send(JSON.stringify(errorBody));
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ApiErrorBody, ERROR_STATUS, reasonPhrase } from '@concord/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

/** PostgreSQL SQLSTATEs and driver messages that mean "the database cannot be reached now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  // Checked by shape, not instanceof: socket errors may come from another realm (test sandboxes).
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError !== undefined && driverError !== error && isDatabaseUnavailable(driverError)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}

function body(statusCode: number, message: string, details?: unknown): ApiErrorBody {
  const result: ApiErrorBody = { statusCode, error: reasonPhrase(statusCode), message };
  if (details !== undefined) result.details = details;
  return result;
}

/** Turns anything thrown while handling a request into the one error format. */
export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainError) {
    return body(ERROR_STATUS[exception.code], exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return body(status, response);
    const { message, details } = response as { message?: unknown; details?: unknown };
    const text = Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
    return body(status, text, details);
  }
  if (isDatabaseUnavailable(exception)) {
    return body(503, 'The database is unreachable; try again shortly');
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    if (code === '23505') return body(409, 'This conflicts with a record that already exists');
    if (code === '22P02' || code === '22007' || code === '22003') return body(400, 'A value has the wrong format');
    // A NUL character or an invalid byte sequence in a text or jsonb value (the driver sends what it is given).
    if (code === '22021' || code === '22P05')
      return body(400, 'A value contains a character that cannot be stored (such as \\u0000)');
    if (code === '22001' || code === '54000') return body(400, 'A value is too long');
    if (code === '23503') return body(409, 'This refers to a record that does not exist or is still referred to');
  }
  return body(500, 'Internal server error');
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const errorBody = toErrorBody(exception);
    if (errorBody.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    response.status(errorBody.statusCode).json(errorBody);
  }
}

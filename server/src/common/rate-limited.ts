import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from './domain-error';

/**
 * Every 429 carries the standard Retry-After header (whole seconds), whichever limit refused the
 * request, so clients and proxies need not know the throttlers' own header names.
 */
export function rateLimited(context: ExecutionContext, retryAfterSeconds: number, message: string): DomainError {
  const response = context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
  response.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return new DomainError('rate_limited', message);
}

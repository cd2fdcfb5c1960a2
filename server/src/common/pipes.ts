import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** A UUID route parameter, answered with 400 naming the parameter when malformed. */
export function parseUuid(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new DomainError('bad_request', `${name} must be a UUID`) });
}

import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';

/** A UUID route parameter, answered with 400 naming the parameter when malformed. */
export function parseUuid(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new DomainError('bad_request', `${name} must be a UUID`) });
}

/** A route parameter that must be one of `values`, answered with 400 naming the parameter and the values otherwise. */
export function parseOneOf<T extends string>(name: string, values: readonly T[]): PipeTransform<string, T> {
  return {
    transform(value: string): T {
      const found = values.find((candidate) => candidate === value);
      if (found === undefined) throw new DomainError('bad_request', `${name} must be one of: ${values.join(', ')}`);
      return found;
    },
  };
}

import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error';
import { findInputProblem } from './input-hygiene';

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** Flattens class-validator errors into one entry per field, with dotted paths for nested ones. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = error.constraints === undefined ? [] : [{ field, messages: Object.values(error.constraints) }];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The global pipe: text that is not valid UTF-16 and whole numbers PostgreSQL cannot store are a
 * 400 naming the field before anything else; unknown fields and wrong types are a 400 that names
 * each field.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = findInputProblem(value, metadata.data ?? '', metadata.type !== 'body');
      if (problem !== null) throw new DomainError('bad_request', problem.messages.join('; '), [problem]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      const message = problems.flatMap((problem) => problem.messages).join('; ');
      return new DomainError('bad_request', message === '' ? 'The request is not valid' : message, problems);
    },
  });
}

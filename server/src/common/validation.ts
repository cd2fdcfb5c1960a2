import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error';

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

/** The global pipe: unknown fields and wrong types are a 400 that names each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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

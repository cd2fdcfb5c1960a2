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

type DtoClass = new () => object;

/** Body DTOs and the one object property of their commonest form (see AcceptsSingleObjectBody). */
const SINGLE_OBJECT_BODIES = new WeakMap<DtoClass, string>();

/**
 * Marks a body DTO whose commonest form is exactly one property holding an object (a
 * questionnaire's answers), declared with @IsObject and nothing else. A body of exactly that form
 * is taken as it is: class-validator would pass it (the object check holds, nothing to strip) and
 * class-transformer would only copy it, work that cost a tenth of a completion's CPU. Every other
 * form goes through both, with their messages.
 */
export function AcceptsSingleObjectBody(property: string): (dto: DtoClass) => void {
  return (dto) => {
    SINGLE_OBJECT_BODIES.set(dto, property);
  };
}

/** A plain object (as JSON.parse makes them) whose prototype is a realm's Object.prototype. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype !== null && Object.getPrototypeOf(prototype) === null;
}

/** A plain object with `property` as its only key, holding a plain object (not an array, not null). */
function isSingleObjectBody(value: unknown, property: string): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  const inner = (value as Record<string, unknown>)[property];
  return (
    keys.length === 1 && keys[0] === property && typeof inner === 'object' && inner !== null && !Array.isArray(inner)
  );
}

/**
 * The global pipe: text that is not valid UTF-16 and whole numbers PostgreSQL cannot store are a
 * 400 naming the field before anything else; unknown fields and wrong types are a 400 that names
 * each field.
 */
class RequestValidationPipe extends ValidationPipe {
  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    private readonly singleObjectBodies: boolean,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = findInputProblem(value, metadata.data ?? '', metadata.type !== 'body');
      if (problem !== null) throw new DomainError('bad_request', problem.messages.join('; '), [problem]);
    }
    if (this.singleObjectBodies && metadata.type === 'body' && metadata.metatype !== undefined) {
      const dto = metadata.metatype as unknown as DtoClass;
      const property = SINGLE_OBJECT_BODIES.get(dto);
      if (property !== undefined && isSingleObjectBody(value, property)) return Object.assign(new dto(), value);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** `singleObjectBodies: false` validates every body in full (the tests compare both ways). */
export function createValidationPipe({ singleObjectBodies = true } = {}): ValidationPipe {
  return new RequestValidationPipe(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const problems = flattenValidationErrors(errors);
        const message = problems.flatMap((problem) => problem.messages).join('; ');
        return new DomainError('bad_request', message === '' ? 'The request is not valid' : message, problems);
      },
    },
    singleObjectBodies,
  );
}

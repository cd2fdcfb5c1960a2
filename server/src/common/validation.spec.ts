import fc from 'fast-check';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { DomainError } from './domain-error';
import { AcceptsSingleObjectBody, createValidationPipe } from './validation';

class Profile {
  @IsOptional()
  @IsString()
  @Length(1, 20)
  country?: string;
}

/** Shaped like the respondent's completion: the answers object, and an optional nested DTO. */
@AcceptsSingleObjectBody('data')
class AnswersBody {
  @IsObject({ message: 'data must be an object of answers keyed by question name' })
  data: Record<string, unknown>;

  @IsOptional()
  @ValidateNested()
  @Type(() => Profile)
  respondent?: Profile;
}

const BODY: ArgumentMetadata = { type: 'body', metatype: AnswersBody, data: undefined };

type Outcome = { value: unknown; instance: boolean } | { error: string; message: string; details: unknown };

async function outcome(singleObjectBodies: boolean, body: unknown): Promise<Outcome> {
  try {
    const value = await createValidationPipe({ singleObjectBodies }).transform(
      JSON.parse(JSON.stringify(body)) as unknown,
      BODY,
    );
    return { value: JSON.parse(JSON.stringify(value)) as unknown, instance: value instanceof AnswersBody };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: error.code, message: error.message, details: error.details };
  }
}

const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'country', 'role', 'language'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const bodies = fc.oneof(
  fc.record({ data: json }, { requiredKeys: [] }),
  fc.record({ data: json, respondent: json }, { requiredKeys: ['data'] }),
  fc.record({ data: json, extra: json }, { requiredKeys: [] }),
  json,
);

describe('the global validation pipe, for a body taken as it is when it is one object property', () => {
  it('takes { data: {…} } as it is, as an instance of its DTO', async () => {
    const data = { roles_clear: 'yes', priorities: ['training'], matrix: { row: 'a' } };
    const taken = (await createValidationPipe().transform({ data }, BODY)) as AnswersBody;
    expect(taken).toBeInstanceOf(AnswersBody);
    expect(taken).toEqual({ data });
    // Not copied: the full validation would have handed over a copy.
    expect(taken.data).toBe(data);
    const copied = (await createValidationPipe({ singleObjectBodies: false }).transform({ data }, BODY)) as AnswersBody;
    expect([copied.data === data, copied.data]).toEqual([false, data]);
  });

  it('answers every other form as the full validation does', async () => {
    expect(await outcome(true, { data: [] })).toEqual({
      error: 'bad_request',
      message: 'data must be an object of answers keyed by question name',
      details: [{ field: 'data', messages: ['data must be an object of answers keyed by question name'] }],
    });
    expect(await outcome(true, { data: {}, extra: 1 })).toEqual({
      error: 'bad_request',
      message: 'property extra should not exist',
      details: [{ field: 'extra', messages: ['property extra should not exist'] }],
    });
  });

  it('gives the same value or the same error as the full validation, for any body', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        expect(await outcome(true, body)).toEqual(await outcome(false, body));
      }),
      { numRuns: 400 },
    );
  });
});

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CLAUSE_ID_PATTERN } from './clause-input.dto';

/**
 * Decorators listed as they would be stacked on a property, and applied as a stack is: from the
 * last up. Validators run in the order they were applied, so a field's messages keep that order.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** Text of 1 to `maxLength` characters. */
export function TextProperty(maxLength: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiProperty(api), IsString(), MinLength(1), MaxLength(maxLength));
}

/** Text of 1 to `maxLength` characters, or left out. */
export function OptionalTextProperty(maxLength: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiPropertyOptional(api), IsOptional(), IsString(), MinLength(1), MaxLength(maxLength));
}

/** The id of a record, or left out. */
export function OptionalUuidProperty(api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiPropertyOptional({ format: 'uuid', ...api }), IsOptional(), IsUUID());
}

/** A clause id (named `field` in the message that refuses a malformed one), or left out. */
export function OptionalClauseIdProperty(field: string, description: string): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ description }),
    IsOptional(),
    IsString(),
    Matches(CLAUSE_ID_PATTERN, { message: `${field} must be 1 to 64 letters, digits, "_" or "-"` }),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const CLAUSE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class ClauseInputDto {
  @ApiPropertyOptional({ description: 'Stable clause id; omit for a new clause', example: 'purpose' })
  @IsOptional()
  @IsString()
  @Matches(CLAUSE_ID_PATTERN, { message: 'id must be 1 to 64 letters, digits, "_" or "-"' })
  id?: string;

  @ApiProperty({ example: 'Purpose' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  heading: string;

  @ApiProperty({ description: 'Markdown', example: 'The network exists to ...' })
  @IsString()
  @MaxLength(200_000)
  body: string;
}

/** A whole document's clauses, in order: as created, and as each saved revision sends them again. */
export function ClauseListProperty(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [ClauseInputDto] }),
    IsArray(),
    ArrayMaxSize(2_000),
    ValidateNested({ each: true }),
    Type(() => ClauseInputDto),
  );
}

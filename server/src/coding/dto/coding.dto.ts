import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateBy } from 'class-validator';
import { CODING_STATUSES, type CodingStatus } from '@concord/shared';

/** One check, one message: an integer within bounds (a number or a numeric query string after @Type). */
function IntegerFrom(min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'integerFrom',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be an integer from ${min} to ${max}`,
    },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with a list of ids, or null: one message for the first problem, not one per rule. */
function idListProblem(value: unknown, property: string, min: number, max: number): string | null {
  if (!Array.isArray(value)) return `${property} must be an array of ids`;
  if (value.length < min) return `${property} must hold at least ${min} id${min === 1 ? '' : 's'}`;
  if (value.length > max) return `${property} must hold at most ${max} ids`;
  const bad = value.findIndex((item) => typeof item !== 'string' || !UUID.test(item));
  if (bad >= 0) return `${property}[${bad}] must be a UUID`;
  const seen = new Set<string>();
  for (const item of value as string[]) {
    if (seen.has(item.toLowerCase())) return `${property} must not repeat ${item}`;
    seen.add(item.toLowerCase());
  }
  return null;
}

function IdList(min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'idList',
    validator: {
      validate: (value: unknown, args) => idListProblem(value, args?.property ?? 'ids', min, max) === null,
      defaultMessage: (args) => idListProblem(args?.value, args?.property ?? 'ids', min, max) ?? '',
    },
  });
}

const UUID_LIST = /^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/;

export class QuestionQueryDto {
  @ApiProperty({ example: 'roles_why' })
  @IsString({ message: 'question must be given once' })
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;
}

export class CodingAnswersQueryDto extends QuestionQueryDto {
  @ApiPropertyOptional({ description: 'words the answer contains (case and accents ignored)' })
  @IsOptional()
  @IsString({ message: 'q must be given once' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;

  @ApiPropertyOptional({ description: 'network ids, comma-separated' })
  @IsOptional()
  @IsString({ message: 'network must be given once' })
  @Matches(UUID_LIST, { message: 'network must be network ids separated by commas' })
  network?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'country must be given once' })
  @MaxLength(200, { message: 'country must be at most 200 characters' })
  country?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'role must be given once' })
  @MaxLength(200, { message: 'role must be at most 200 characters' })
  role?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'language must be given once' })
  @MaxLength(20, { message: 'language must be at most 20 characters' })
  language?: string;

  @ApiPropertyOptional({ enum: CODING_STATUSES, description: 'by the acting user: coded includes suggested' })
  @IsOptional()
  @IsIn(CODING_STATUSES, { message: `status must be one of ${CODING_STATUSES.join(', ')}` })
  status?: CodingStatus;

  @ApiPropertyOptional({ description: 'answers the acting user coded with this theme' })
  @IsOptional()
  @IsUUID('all', { message: 'theme must be a UUID' })
  theme?: string;

  @ApiPropertyOptional({ description: 'only a fixed pseudo-random sample of this many answers (for agreement checks)' })
  @IsOptional()
  @Type(() => Number)
  @IntegerFrom(1, 10_000)
  sample?: number;

  @ApiPropertyOptional({ description: 'the answers after this one (in list order) that match; instead of page' })
  @IsOptional()
  @IsUUID('all', { message: 'after must be a response id' })
  after?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IntegerFrom(1, 100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IntegerFrom(1, 500)
  pageSize?: number;
}

export class SaveCodesDto {
  @ApiProperty({ example: 'roles_why' })
  @IsString()
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;

  @ApiProperty({ type: [String], description: 'the acting user\'s themes for this answer; [] codes it as "no theme"' })
  @IdList(0, 50)
  themeIds: string[];
}

export class SuggestDto {
  @ApiProperty({ example: 'roles_why' })
  @IsString()
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;

  @ApiPropertyOptional({ description: 'clusters to look for (1–30); by default from the number of answers' })
  @IsOptional()
  @IntegerFrom(1, 30)
  count?: number;

  @ApiPropertyOptional({ description: 'only the answers the acting user has not coded' })
  @IsOptional()
  @IsBoolean({ message: 'onlyUncoded must be true or false' })
  onlyUncoded?: boolean;
}

export class ApplySuggestionDto {
  @ApiProperty({ example: 'roles_why' })
  @IsString()
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;

  @ApiProperty({ type: [String] })
  @IdList(1, 20_000)
  answerIds: string[];

  @ApiPropertyOptional({ description: 'an existing theme to apply (or give name for a new one)' })
  @IsOptional()
  @IsUUID('all', { message: 'themeId must be a UUID' })
  themeId?: string;

  @ApiPropertyOptional({ description: 'the name of a new theme to create and apply' })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters long' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description?: string;
}

export class AgreementQueryDto extends QuestionQueryDto {
  @ApiProperty({ description: 'two coders (user ids), comma-separated', example: 'uuid-a,uuid-b' })
  @IsString({ message: 'coders must be given once' })
  @Matches(/^[0-9a-fA-F-]{36},[0-9a-fA-F-]{36}$/, { message: 'coders must be two user ids separated by a comma' })
  coders: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CODING_STATUSES, type CodingStatus } from '@concord/shared';

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
  @IsInt({ message: 'sample must be an integer from 1 to 10000' })
  @Min(1, { message: 'sample must be an integer from 1 to 10000' })
  @Max(10_000, { message: 'sample must be an integer from 1 to 10000' })
  sample?: number;

  @ApiPropertyOptional({ description: 'the answers after this one (in list order) that match; instead of page' })
  @IsOptional()
  @IsUUID('all', { message: 'after must be a response id' })
  after?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer from 1 to 100000' })
  @Min(1, { message: 'page must be an integer from 1 to 100000' })
  @Max(100_000, { message: 'page must be an integer from 1 to 100000' })
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer from 1 to 500' })
  @Min(1, { message: 'pageSize must be an integer from 1 to 500' })
  @Max(500, { message: 'pageSize must be an integer from 1 to 500' })
  pageSize?: number;
}

export class SaveCodesDto {
  @ApiProperty({ example: 'roles_why' })
  @IsString()
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;

  @ApiProperty({ type: [String], description: 'the acting user\'s themes for this answer; [] codes it as "no theme"' })
  @IsArray({ message: 'themeIds must be an array of theme ids' })
  @ArrayMaxSize(50, { message: 'themeIds must hold at most 50 themes' })
  @ArrayUnique({ message: 'themeIds must not repeat a theme' })
  @IsUUID('all', { each: true, message: 'each of themeIds must be a UUID' })
  themeIds: string[];
}

export class SuggestDto {
  @ApiProperty({ example: 'roles_why' })
  @IsString()
  @Length(1, 200, { message: 'question must be 1 to 200 characters long' })
  question: string;

  @ApiPropertyOptional({ description: 'clusters to look for (1–30); by default from the number of answers' })
  @IsOptional()
  @IsInt({ message: 'count must be an integer from 1 to 30' })
  @Min(1, { message: 'count must be an integer from 1 to 30' })
  @Max(30, { message: 'count must be an integer from 1 to 30' })
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
  @IsArray({ message: 'answerIds must be an array of response ids' })
  @ArrayMinSize(1, { message: 'answerIds must hold at least one answer' })
  @ArrayMaxSize(20_000, { message: 'answerIds must hold at most 20000 answers' })
  @ArrayUnique({ message: 'answerIds must not repeat an answer' })
  @IsUUID('all', { each: true, message: 'each of answerIds must be a UUID' })
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHARTER_LANGUAGES, type CharterCommentInput, type CharterLanguage } from '@concord/shared';
import { CLAUSE_ID_PATTERN, ClauseInputDto, ClauseListProperty } from './clause-input.dto';
import { EvidenceInputDto } from './evidence-input.dto';

export class CreateCharterDto {
  @ApiProperty({ example: 'coe-charter' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'slug must be lower-case letters, digits and "-" (at most 80)' })
  slug: string;

  @ApiProperty({ example: 'Charter of the CBRN Centres of Excellence' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ClauseListProperty()
  clauses: ClauseInputDto[];
}

export class SaveRevisionDto {
  @ApiProperty({ description: 'The revision the edit started from', example: 3 })
  @IsInt()
  @Min(1)
  baseRevision: number;

  @ClauseListProperty()
  clauses: ClauseInputDto[];

  @ApiProperty({ example: 'Clarify the role of National Focal Points' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  message: string;

  @ApiPropertyOptional({ type: [EvidenceInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceInputDto)
  evidence?: EvidenceInputDto[];
}

export class ImportMarkdownDto {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  baseRevision: number;

  @ApiProperty({ description: 'Whole document, one clause per heading; `<!-- clause:ID -->` keeps ids' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000_000)
  markdown: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  message: string;
}

export class CreateCommentDto implements CharterCommentInput {
  @ApiPropertyOptional({ description: 'Clause commented on (needed unless amendmentId or parentId is given)' })
  @IsOptional()
  @IsString()
  @Matches(CLAUSE_ID_PATTERN, { message: 'clauseId must be 1 to 64 letters, digits, "_" or "-"' })
  clauseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Amendment commented on' })
  @IsOptional()
  @IsUUID()
  amendmentId?: string;

  @ApiPropertyOptional({ description: 'Revision being read; default the head' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @ApiPropertyOptional({ description: 'The passage quoted from the clause' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  quote?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reply to this comment' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class ProposeAmendmentDto {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  baseRevision: number;

  @ApiPropertyOptional({ description: 'Clause to amend; omit to propose a new clause' })
  @IsOptional()
  @IsString()
  @Matches(CLAUSE_ID_PATTERN, { message: 'clauseId must be 1 to 64 letters, digits, "_" or "-"' })
  clauseId?: string;

  @ApiPropertyOptional({ description: 'For a new clause: insert after this clause (default: at the end)' })
  @IsOptional()
  @IsString()
  @Matches(CLAUSE_ID_PATTERN, { message: 'afterClauseId must be 1 to 64 letters, digits, "_" or "-"' })
  afterClauseId?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  heading: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200_000)
  body: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  rationale: string;
}

export class DecideAmendmentDto {
  @ApiPropertyOptional({ description: 'Reason (required to reject); message of the revision when accepting' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  reason?: string;
}

export class SetChairsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export const EXPORT_FORMATS = ['md', 'html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A read of one revision of a charter: `revision` names it, the head when left out. */
export class RevisionQueryDto {
  @ApiPropertyOptional({ description: 'Default: the head' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision?: number;
}

export class ExportQueryDto extends RevisionQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: 'format must be one of: md, html, docx' })
  format: ExportFormat;

  @ApiPropertyOptional({ description: 'Older revision: export a redline against it (html, docx)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  against?: number;

  @ApiPropertyOptional({ enum: CHARTER_LANGUAGES, description: 'Publish in this language (default: the source, en)' })
  @IsOptional()
  @IsIn(CHARTER_LANGUAGES, { message: `lang must be one of: ${CHARTER_LANGUAGES.join(', ')}` })
  lang?: CharterLanguage;
}

export class DiffQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to: number;
}

export class EvidenceQueryDto extends RevisionQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  clauseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  amendmentId?: string;
}

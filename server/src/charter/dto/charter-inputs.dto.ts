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
  ValidateNested,
} from 'class-validator';
import { CHARTER_LANGUAGES, type CharterCommentInput, type CharterLanguage } from '@concord/shared';
import { ClauseInputDto, ClauseListProperty } from './clause-input.dto';
import { OptionalClauseIdProperty, OptionalTextProperty, OptionalUuidProperty, TextProperty } from './charter-fields';
import { EvidenceInputDto } from './evidence-input.dto';

export class CreateCharterDto {
  @ApiProperty({ example: 'coe-charter' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'slug must be lower-case letters, digits and "-" (at most 80)' })
  slug: string;

  @TextProperty(300, { example: 'Charter of the CBRN Centres of Excellence' })
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

  @TextProperty(2_000, { example: 'Clarify the role of National Focal Points' })
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

  @TextProperty(2_000_000, { description: 'Whole document, one clause per heading; `<!-- clause:ID -->` keeps ids' })
  markdown: string;

  @TextProperty(2_000)
  message: string;
}

export class CreateCommentDto implements CharterCommentInput {
  @OptionalClauseIdProperty('clauseId', 'Clause commented on (needed unless amendmentId or parentId is given)')
  clauseId?: string;

  @OptionalUuidProperty({ description: 'Amendment commented on' })
  amendmentId?: string;

  @ApiPropertyOptional({ description: 'Revision being read; default the head' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @OptionalTextProperty(5_000, { description: 'The passage quoted from the clause' })
  quote?: string;

  @TextProperty(10_000)
  body: string;

  @OptionalUuidProperty({ description: 'Reply to this comment' })
  parentId?: string;
}

export class ProposeAmendmentDto {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  baseRevision: number;

  @OptionalClauseIdProperty('clauseId', 'Clause to amend; omit to propose a new clause')
  clauseId?: string;

  @OptionalClauseIdProperty('afterClauseId', 'For a new clause: insert after this clause (default: at the end)')
  afterClauseId?: string;

  @TextProperty(300)
  heading: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200_000)
  body: string;

  @TextProperty(10_000)
  rationale: string;
}

export class DecideAmendmentDto {
  @OptionalTextProperty(5_000, { description: 'Reason (required to reject); message of the revision when accepting' })
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

  @OptionalUuidProperty()
  amendmentId?: string;
}

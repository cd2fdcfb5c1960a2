import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVIDENCE_SOURCES,
  type EvidenceSource,
  MAX_EVIDENCE_QUOTES,
  TALLY_GROUP_BY,
  TALLY_WEIGHTINGS,
  type TallyFilters,
  type TallyGroupBy,
  type TallyWeighting,
} from '@concord/shared';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { OptionalClauseIdProperty, OptionalUuidProperty, TextProperty } from './charter-fields';

/**
 * A citation names its source and the tally query; the server runs that tally and freezes the
 * result. There is no field for the numbers: a `snapshot` sent by a client is refused (400).
 */
export class EvidenceInputDto {
  @OptionalUuidProperty({ description: 'The campaign tallied (or give surveyId)' })
  campaignId?: string;

  @OptionalUuidProperty({ description: 'The survey tallied across its published versions' })
  surveyId?: string;

  @TextProperty(200, { description: 'Question name', example: 'secretariat_roles' })
  question: string;

  @ApiPropertyOptional({ enum: TALLY_GROUP_BY })
  @IsOptional()
  @IsIn(TALLY_GROUP_BY)
  groupBy?: TallyGroupBy;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Tally filters: network, country, role, language (string lists), version (numbers), from, to (ISO dates), includePartial, answers ({question: [values]})',
    example: { network: ['CA'], role: ['National Focal Point'] },
  })
  @IsOptional()
  @IsObject()
  filters?: Partial<TallyFilters>;

  @ApiPropertyOptional({ enum: TALLY_WEIGHTINGS, default: 'pooled' })
  @IsOptional()
  @IsIn(TALLY_WEIGHTINGS)
  weighting?: TallyWeighting;

  @ApiPropertyOptional({
    enum: EVIDENCE_SOURCES,
    default: 'answers',
    description: "What is tallied: the question's answers, or the themes coded in a free-text question's answers",
  })
  @IsOptional()
  @IsIn(EVIDENCE_SOURCES)
  source?: EvidenceSource;

  @OptionalUuidProperty({ description: "Theme evidence: count this coder's codings only" })
  coder?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_EVIDENCE_QUOTES,
    description: 'Response ids whose answers to the (free-text) question are quoted; campaigns only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_QUOTES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  quotes?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;

  @OptionalClauseIdProperty('clauseId', 'Clause the evidence supports')
  clauseId?: string;
}

export class CiteEvidenceDto extends EvidenceInputDto {
  @ApiPropertyOptional({ description: 'Revision number the evidence supports' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @OptionalUuidProperty()
  amendmentId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { CLAUSE_ID_PATTERN } from './clause-input.dto';

/** A citation of survey evidence; the snapshot is stored exactly as given. */
export class EvidenceInputDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  surveyId?: string;

  @ApiProperty({ description: 'Question name', example: 'secretariat_roles' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  question: string;

  @ApiPropertyOptional({ example: 'network' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  groupBy?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The numbers as seen when citing (any JSON)' })
  @IsOptional()
  snapshot?: unknown;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;

  @ApiPropertyOptional({ description: 'Clause the evidence supports' })
  @IsOptional()
  @IsString()
  @Matches(CLAUSE_ID_PATTERN, { message: 'clauseId must be 1 to 64 letters, digits, "_" or "-"' })
  clauseId?: string;
}

export class CiteEvidenceDto extends EvidenceInputDto {
  @ApiPropertyOptional({ description: 'Revision number the evidence supports' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  amendmentId?: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

/** When a campaign opens or closes: optional, and then a full ISO 8601 date-time. */
function OptionalDateTime(field: 'opensAt' | 'closesAt'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time' }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: `${field} must be an ISO 8601 date-time` }),
  );
}

export class CreateCampaignDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'surveyId must be a UUID' })
  surveyId: string;

  @ApiProperty({ example: 2, description: 'a published version of the survey' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version: number;

  @ApiProperty({ example: 'Charter review 2026' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1, { message: 'networkIds must name at least one network' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'networkIds must not repeat a network' })
  @IsUUID('all', { each: true, message: 'each of networkIds must be a UUID' })
  networkIds: string[];

  @OptionalDateTime('opensAt')
  opensAt?: string;

  @OptionalDateTime('closesAt')
  closesAt?: string;

  @ApiPropertyOptional({ default: false, description: 'responses keep network, country, role and language only' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ default: false, description: 'respondents may change a completed response until close' })
  @IsOptional()
  @IsBoolean()
  allowEdits?: boolean;
}

export class CreateOpenLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'networkId must be a UUID' })
  networkId: string;

  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @IsInt({ message: 'maxResponses must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  maxResponses?: number;
}

export class CopyCampaignDto {
  @ApiProperty({ example: 3, description: 'a published version newer than the campaign’s' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  version: number;

  @ApiPropertyOptional({ example: 'Charter review 2026 (version 3)' })
  @IsOptional()
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  name?: string;

  @OptionalDateTime('opensAt')
  opensAt?: string;

  @OptionalDateTime('closesAt')
  closesAt?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_LANGUAGES, type MemberLanguage } from '@concord/shared';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

export class SaveAnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the SurveyJS answer object' })
  @IsObject({ message: 'data must be an object of answers keyed by question name' })
  data: Record<string, unknown>;
}

/** What an open link's respondent says about themselves; personal links take it from the member. */
export class RespondentProfileDto {
  @ApiPropertyOptional({ example: 'Jordan' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  country?: string;

  @ApiPropertyOptional({ example: 'national team' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  role?: string;

  @ApiPropertyOptional({ enum: MEMBER_LANGUAGES })
  @IsOptional()
  @IsIn(MEMBER_LANGUAGES, { message: `respondent.language must be one of: ${MEMBER_LANGUAGES.join(', ')}` })
  language?: MemberLanguage;
}

export class CompleteAnswersDto extends SaveAnswersDto {
  @ApiPropertyOptional({ type: RespondentProfileDto, description: 'open links only; ignored for personal links' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RespondentProfileDto)
  respondent?: RespondentProfileDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_LANGUAGES, type MemberLanguage } from '@concord/shared';
import { Type } from 'class-transformer';
import { AcceptsSingleObjectBody } from '../../common/validation';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class AnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the SurveyJS answer object' })
  @IsObject({ message: 'data must be an object of answers keyed by question name' })
  data: Record<string, unknown>;
}

/** A partial save: the answers so far, and where and in which language the respondent is. */
export class SaveAnswersDto extends AnswersDto {
  @ApiPropertyOptional({ description: 'index of the page the respondent is on, among all pages', example: 1 })
  @IsOptional()
  @IsInt({ message: 'currentPage must be a whole number (a page index starting at 0)' })
  @Min(0, { message: 'currentPage must be 0 or more' })
  @Max(999, { message: 'currentPage must be 999 or less' })
  currentPage?: number;

  @ApiPropertyOptional({ description: 'the questionnaire language in use, one of the view’s locales', example: 'fr' })
  @IsOptional()
  @IsString({ message: 'locale must be a language code such as "fr"' })
  @Matches(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, { message: 'locale must be a language code such as "fr"' })
  locale?: string;
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

/** Mostly `{ data }` alone, which the global pipe then takes as it is (see AcceptsSingleObjectBody). */
@AcceptsSingleObjectBody('data')
export class CompleteAnswersDto extends AnswersDto {
  @ApiPropertyOptional({ type: RespondentProfileDto, description: 'open links only; ignored for personal links' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RespondentProfileDto)
  respondent?: RespondentProfileDto;
}

import type { PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import {
  type AmendmentPosition,
  CHARTER_SOURCE_LANGUAGE,
  type CharterLanguage,
  TRANSLATION_LANGUAGES,
} from '@concord/shared';
import { DomainError } from '../../common/domain-error';
import { RevisionQueryDto } from './charter-inputs.dto';
import { CLAUSE_ID_PATTERN } from './clause-input.dto';

const TRANSLATION_LANGUAGE_MESSAGE = `lang must be one of: ${TRANSLATION_LANGUAGES.join(', ')} (${CHARTER_SOURCE_LANGUAGE} is the source language)`;
const POSITIONS: readonly AmendmentPosition[] = ['support', 'oppose'];

export class VoteDto {
  @ApiProperty({ enum: POSITIONS })
  @IsIn(POSITIONS, { message: 'position must be one of: support, oppose' })
  position: AmendmentPosition;
}

export class TranslationQueryDto extends RevisionQueryDto {
  @ApiProperty({ enum: TRANSLATION_LANGUAGES })
  @IsIn(TRANSLATION_LANGUAGES, { message: TRANSLATION_LANGUAGE_MESSAGE })
  lang: CharterLanguage;
}

/** The `lang` route parameter of a translation, answered with 400 naming the languages when wrong. */
export const translationLanguage: PipeTransform<string, CharterLanguage> = {
  transform(value: string): CharterLanguage {
    const lang = TRANSLATION_LANGUAGES.find((candidate) => candidate === value);
    if (lang === undefined) throw new DomainError('bad_request', TRANSLATION_LANGUAGE_MESSAGE);
    return lang;
  },
};

export const clauseIdParameter: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!CLAUSE_ID_PATTERN.test(value)) {
      throw new DomainError('bad_request', 'clauseId must be 1 to 64 letters, digits, "_" or "-"');
    }
    return value;
  },
};

export class SaveTranslationDto {
  @ApiProperty({ description: 'The revision whose clause text is translated', example: 3 })
  @IsInt()
  @Min(1)
  revision: number;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  heading: string;

  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @MaxLength(200_000)
  body: string;
}

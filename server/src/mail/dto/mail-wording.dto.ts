import { ApiProperty } from '@nestjs/swagger';
import { MAIL_BODY_MAX_LENGTH, MAIL_SUBJECT_MAX_LENGTH, type MailWordingInput } from '@concord/shared';
import { IsString, Matches, MaxLength } from 'class-validator';

export class MailWordingInputDto implements MailWordingInput {
  @ApiProperty({
    maxLength: MAIL_SUBJECT_MAX_LENGTH,
    example: 'Questionnaire: {{campaign}}',
    description: 'One line; placeholders {{name}}, {{campaign}}, {{network}}, {{deadline}}',
  })
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(MAIL_SUBJECT_MAX_LENGTH, { message: `subject must be at most ${MAIL_SUBJECT_MAX_LENGTH} characters` })
  // A line break in a subject would end the header it is sent in.
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  subject: string;

  @ApiProperty({
    maxLength: MAIL_BODY_MAX_LENGTH,
    example: 'Dear {{name}},\n\nYour personal link:\n{{link}}\n\n{{deadline}}',
    description: 'Plain text; must contain {{link}}; placeholders {{name}}, {{campaign}}, {{network}}, {{deadline}}',
  })
  @IsString()
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(MAIL_BODY_MAX_LENGTH, { message: `body must be at most ${MAIL_BODY_MAX_LENGTH} characters` })
  body: string;
}

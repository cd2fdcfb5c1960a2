import { ApiProperty } from '@nestjs/swagger';
import { MAIL_BODY_MAX_LENGTH, MAIL_SUBJECT_MAX_LENGTH, type MailWordingInput } from '@concord/shared';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A required text field of a message: not blank and at most `maxLength` characters. */
function MailText(field: keyof MailWordingInput, maxLength: number): PropertyDecorator {
  // Applied in the order stacked decorators are (bottom first), so the checks run as they always did.
  const checks = [
    MaxLength(maxLength, { message: `${field} must be at most ${maxLength} characters` }),
    Matches(/\S/, { message: `${field} must not be blank` }),
    IsString(),
  ];
  return (target, propertyKey) => {
    for (const check of checks) check(target, propertyKey);
  };
}

export class MailWordingInputDto implements MailWordingInput {
  @ApiProperty({
    maxLength: MAIL_SUBJECT_MAX_LENGTH,
    example: 'Questionnaire: {{campaign}}',
    description: 'One line; placeholders {{name}}, {{campaign}}, {{network}}, {{deadline}}',
  })
  @MailText('subject', MAIL_SUBJECT_MAX_LENGTH)
  // A line break in a subject would end the header it is sent in.
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  subject: string;

  @ApiProperty({
    maxLength: MAIL_BODY_MAX_LENGTH,
    example: 'Dear {{name}},\n\nYour personal link:\n{{link}}\n\n{{deadline}}',
    description: 'Plain text; must contain {{link}}; placeholders {{name}}, {{campaign}}, {{network}}, {{deadline}}',
  })
  @MailText('body', MAIL_BODY_MAX_LENGTH)
  body: string;
}

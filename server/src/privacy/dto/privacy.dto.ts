import { ApiProperty } from '@nestjs/swagger';
import { ERASE_RESPONSE_MODES, type EraseResponseMode } from '@concord/shared';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';

export class EraseMemberDto {
  @ApiProperty({
    enum: ERASE_RESPONSE_MODES,
    description: 'anonymise: keep the responses without identity; delete: delete them',
  })
  @IsIn(ERASE_RESPONSE_MODES, { message: `responses must be one of: ${ERASE_RESPONSE_MODES.join(', ')}` })
  responses: EraseResponseMode;
}

export const MAX_RETENTION_DAYS = 3650;

export class RetentionDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: MAX_RETENTION_DAYS,
    description: 'days after the campaign closes; null keeps respondent identities',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsInt({ message: 'retentionDays must be a whole number of days or null' })
  @Min(0, { message: 'retentionDays must be at least 0' })
  @Max(MAX_RETENTION_DAYS, { message: `retentionDays must be at most ${MAX_RETENTION_DAYS}` })
  retentionDays: number | null;
}

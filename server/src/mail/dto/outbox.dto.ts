import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEMBER_LANGUAGES,
  type MemberLanguage,
  OUTBOX_STATUSES,
  type OutboxStatus,
  PARTICIPANT_STATUSES,
  type ParticipantStatus,
} from '@concord/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

export class QueueMessagesDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "only these of the campaign's networks (default: all)",
  })
  @IsOptional()
  @IsArray({ message: 'networkIds must be an array of network ids' })
  @ArrayMinSize(1, { message: 'networkIds must name at least one network' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'networkIds must not repeat a network' })
  @IsUUID('all', { each: true, message: 'each of networkIds must be a UUID' })
  networkIds?: string[];
}

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of: ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  page?: number;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be from 1 to 500' })
  @Max(500, { message: 'pageSize must be from 1 to 500' })
  pageSize?: number;
}

export class OutboxCsvQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of: ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
}

export class QueueRemindersDto extends QueueMessagesDto {
  @ApiPropertyOptional({
    example: 12,
    description: 'the number of recipients the person confirmed; 409 when the count has changed since',
  })
  @IsOptional()
  @IsInt({ message: 'expectedRecipients must be a whole number' })
  @Min(0, { message: 'expectedRecipients must be 0 or more' })
  expectedRecipients?: number;
}

export class TestInvitationDto {
  @ApiPropertyOptional({ enum: MEMBER_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(MEMBER_LANGUAGES, { message: `language must be one of: ${MEMBER_LANGUAGES.join(', ')}` })
  language?: MemberLanguage;
}

export class ParticipantsQueryDto {
  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATUSES, { message: `status must be one of: ${PARTICIPANT_STATUSES.join(', ')}` })
  status?: ParticipantStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'networkId must be a UUID' })
  networkId?: string;
}

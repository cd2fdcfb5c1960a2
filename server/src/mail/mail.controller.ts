import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  OutboxPageDto,
  ParticipantDto,
  QueueResult,
  ReminderPreviewDto,
  TestInvitationResult,
} from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import {
  OutboxCsvQueryDto,
  OutboxQueryDto,
  ParticipantsQueryDto,
  QueueMessagesDto,
  QueueRemindersDto,
  TestInvitationDto,
} from './dto/outbox.dto';
import { OutboxService } from './outbox.service';
import { ParticipantsService } from './participants.service';

@ApiTags('campaigns')
@ApiCookieAuth()
@Roles('secretariat')
@Controller('campaigns/:id')
export class MailController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly participants: ParticipantsService,
  ) {}

  @Post('invitations/send')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Queue an invitation e-mail for every member not yet sent one (optionally some networks only)',
  })
  sendInvitations(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: QueueMessagesDto,
  ): Promise<QueueResult> {
    return this.outbox.queueInvitations(actor, id, body);
  }

  @Post('reminders')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Queue a reminder for every member who has not completed and was not reminded within the cooldown ' +
      '(optionally some networks only); 409 when expectedRecipients no longer matches',
  })
  sendReminders(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: QueueRemindersDto,
  ): Promise<QueueResult> {
    return this.outbox.queueReminders(actor, id, body);
  }

  @Post('reminders/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many members a reminder would reach now, and how many the cooldown holds back' })
  previewReminders(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: QueueMessagesDto,
  ): Promise<ReminderPreviewDto> {
    return this.outbox.previewReminders(actor, id, body);
  }

  @Post('test-invitation')
  @ApiOperation({
    summary:
      'Send the invitation e-mail to the acting user, with a link that shows the questionnaire but accepts no answer',
  })
  sendTest(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: TestInvitationDto,
  ): Promise<TestInvitationResult> {
    return this.outbox.queueTest(actor, id, body);
  }

  @Get('participants')
  @ApiOperation({ summary: 'Every invited member with their status: invited, sent, opened, started, completed' })
  listParticipants(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: ParticipantsQueryDto,
  ): Promise<ParticipantDto[]> {
    return this.participants.list(actor, id, query);
  }

  @Get('participants.csv')
  @ApiOperation({ summary: 'The participants as CSV, networks named by code and name' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="participants.csv"')
  participantsCsv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: ParticipantsQueryDto,
  ): Promise<string> {
    return this.participants.csv(actor, id, query);
  }

  @Get('outbox')
  @ApiOperation({ summary: "The campaign's e-mails with their status, paged (newest last)" })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: OutboxQueryDto,
  ): Promise<OutboxPageDto> {
    return this.outbox.list(actor, id, query);
  }

  @Get('outbox.csv')
  @ApiOperation({ summary: 'The e-mails with their personal links filled in, to send by hand' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="outbox.csv"')
  csv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: OutboxCsvQueryDto,
  ): Promise<string> {
    return this.outbox.csv(actor, id, query);
  }
}

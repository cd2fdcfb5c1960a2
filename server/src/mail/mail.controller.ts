import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OutboxPageDto, QueueResult } from '@concord/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { OutboxCsvQueryDto, OutboxQueryDto, QueueMessagesDto } from './dto/outbox.dto';
import { OutboxService } from './outbox.service';

@ApiTags('campaigns')
@ApiCookieAuth()
@Roles('secretariat')
@Controller('campaigns/:id')
export class MailController {
  constructor(private readonly outbox: OutboxService) {}

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
  @ApiOperation({ summary: 'Queue a reminder for every member who has not completed (optionally some networks only)' })
  sendReminders(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: QueueMessagesDto,
  ): Promise<QueueResult> {
    return this.outbox.queueReminders(actor, id, body);
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

import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type CampaignMailWordingDto,
  MAIL_WORDING_KINDS,
  type MailWordingKind,
  MEMBER_LANGUAGES,
  type MemberLanguage,
} from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseOneOf, parseUuid } from '../common/pipes';
import { MailWordingInputDto } from './dto/mail-wording.dto';
import { MailWordingService } from './mail-wording.service';

@ApiTags('campaigns')
@ApiCookieAuth()
@Roles('secretariat')
@Controller('campaigns/:id/mail-wording')
export class MailWordingController {
  constructor(private readonly wording: MailWordingService) {}

  @Get()
  @ApiOperation({
    summary: "The campaign's invitation and reminder wording in every language: its own where set, else the default",
  })
  get(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CampaignMailWordingDto> {
    return this.wording.get(actor, id);
  }

  @Put(':kind/:language')
  @ApiParam({ name: 'kind', enum: MAIL_WORDING_KINDS })
  @ApiParam({ name: 'language', enum: MEMBER_LANGUAGES })
  @ApiOperation({
    summary:
      "Set the campaign's subject and body of one kind of message in one language (used by messages queued from now " +
      'on); 400 naming any unknown placeholder or a body without {{link}}',
  })
  set(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('kind', parseOneOf('kind', MAIL_WORDING_KINDS)) kind: MailWordingKind,
    @Param('language', parseOneOf('language', MEMBER_LANGUAGES)) language: MemberLanguage,
    @Body() body: MailWordingInputDto,
  ): Promise<CampaignMailWordingDto> {
    return this.wording.set(actor, id, kind, language, body);
  }

  @Delete(':kind/:language')
  @ApiParam({ name: 'kind', enum: MAIL_WORDING_KINDS })
  @ApiParam({ name: 'language', enum: MEMBER_LANGUAGES })
  @ApiOperation({ summary: 'Go back to the default wording of one kind of message in one language' })
  reset(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('kind', parseOneOf('kind', MAIL_WORDING_KINDS)) kind: MailWordingKind,
    @Param('language', parseOneOf('language', MEMBER_LANGUAGES)) language: MemberLanguage,
  ): Promise<CampaignMailWordingDto> {
    return this.wording.reset(actor, id, kind, language);
  }
}

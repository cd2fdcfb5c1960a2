import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampaignDto, MemberEraseResult, MemberExport } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { EraseMemberDto, RetentionDto } from './dto/privacy.dto';
import { MemberPrivacyService } from './member-privacy.service';
import { RetentionService } from './retention.service';

@ApiTags('privacy')
@ApiCookieAuth()
@Controller()
export class PrivacyController {
  constructor(
    private readonly members: MemberPrivacyService,
    private readonly retention: RetentionService,
  ) {}

  @Get('members/:id/export')
  @Roles('admin')
  @ApiOperation({ summary: 'Everything held on one member: row, links, responses with answers, mail, audit (JSON)' })
  export(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<MemberExport> {
    return this.members.export(actor, id);
  }

  @Post('members/:id/erase')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase a member: name, e-mail, links and mail removed; responses kept without identity, or deleted',
  })
  erase(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: EraseMemberDto,
  ): Promise<MemberEraseResult> {
    return this.members.erase(actor, id, body);
  }

  @Put('campaigns/:id/retention')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Days after closing when respondent identities are removed (null: kept)' })
  setRetention(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: RetentionDto,
  ): Promise<CampaignDto> {
    return this.retention.setRetention(actor, id, body);
  }
}

import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CampaignDto, CampaignLinkDto, CampaignProgressDto, OpenLinkDto } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { CampaignsService } from './campaigns.service';
import { CopyCampaignDto, CreateCampaignDto, CreateOpenLinkDto } from './dto/create-campaign.dto';

@ApiTags('campaigns')
@ApiCookieAuth()
@Roles('secretariat')
@Controller()
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post('campaigns')
  @ApiOperation({ summary: 'Send a published survey version to networks: one personal invitation per member' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(actor, body);
  }

  @Get('campaigns')
  @Roles('secretariat', 'committee')
  list(@CurrentActor() actor: Actor): Promise<CampaignDto[]> {
    return this.campaigns.list(actor);
  }

  @Get('campaigns/:id')
  @Roles('secretariat', 'committee')
  get(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CampaignDto> {
    return this.campaigns.get(actor, id);
  }

  @Post('campaigns/:id/copy')
  @ApiOperation({
    summary: 'A new campaign to the same networks on a newer published version, with fresh personal links',
  })
  copy(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: CopyCampaignDto,
  ): Promise<CampaignDto> {
    return this.campaigns.copy(actor, id, body);
  }

  @Get('campaigns/:id/links')
  @ApiOperation({ summary: 'Every personal link of the campaign; links can be shown again at any time' })
  links(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CampaignLinkDto[]> {
    return this.campaigns.links(actor, id);
  }

  @Get('campaigns/:id/links.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="links.csv"')
  linksCsv(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<string> {
    return this.campaigns.linksCsv(actor, id);
  }

  @Post('campaigns/:id/open-links')
  @ApiOperation({ summary: 'An open link for one network, optionally limited to maxResponses completions' })
  createOpenLink(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: CreateOpenLinkDto,
  ): Promise<OpenLinkDto> {
    return this.campaigns.createOpenLink(actor, id, body);
  }

  @Get('campaigns/:id/open-links')
  openLinks(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<OpenLinkDto[]> {
    return this.campaigns.openLinks(actor, id);
  }

  @Get('campaigns/:id/progress')
  @Roles('secretariat', 'committee')
  progress(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CampaignProgressDto> {
    return this.campaigns.progress(actor, id);
  }

  @Post('campaigns/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CampaignDto> {
    return this.campaigns.close(actor, id);
  }

  @Post('invitations/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a personal or open link: it then answers 404 like an unknown one' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
  ): Promise<{ id: string; revokedAt: string }> {
    return this.campaigns.revokeInvitation(actor, id);
  }
}

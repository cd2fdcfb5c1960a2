import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type {
  AmendmentDto,
  AmendmentPreviewDto,
  CharterChairDto,
  CharterLanguage,
  CharterTranslationDto,
  ClauseTranslationEntryDto,
} from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { CharterAmendmentVotesService } from './charter-amendment-votes.service';
import { CharterTranslationService } from './charter-translation.service';
import {
  clauseIdParameter,
  SaveTranslationDto,
  translationLanguage,
  TranslationQueryDto,
  VoteDto,
} from './dto/collaboration-inputs.dto';

/** The committee at work on a charter: voices on amendments, who chairs, and translations. */
@ApiTags('charter')
@ApiCookieAuth()
@Roles('committee', 'secretariat')
@Controller('charters')
export class CharterCollaborationController {
  constructor(
    private readonly votes: CharterAmendmentVotesService,
    private readonly translations: CharterTranslationService,
  ) {}

  @Get(':id/chairs')
  @ApiOperation({ summary: 'Who chairs this charter (decides amendments), by name' })
  chairs(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CharterChairDto[]> {
    return this.votes.chairs(actor, id);
  }

  @Put(':id/amendments/:amendmentId/vote')
  @Roles('committee')
  @ApiOperation({ summary: 'Support or oppose a proposed amendment: one voice per member, changed by voting again' })
  @ApiResponse({ status: 200, description: 'The amendment with its counts' })
  vote(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('amendmentId', parseUuid('amendmentId')) amendmentId: string,
    @Body() body: VoteDto,
  ): Promise<AmendmentDto> {
    return this.votes.vote(actor, id, amendmentId, body.position);
  }

  @Delete(':id/amendments/:amendmentId/vote')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your voice on a proposed amendment' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('amendmentId', parseUuid('amendmentId')) amendmentId: string,
  ): Promise<AmendmentDto> {
    return this.votes.vote(actor, id, amendmentId, null);
  }

  @Get(':id/amendments/:amendmentId/preview')
  @ApiOperation({ summary: 'The clauses a decision applies to the head (or applied, once accepted)' })
  @ApiResponse({ status: 409, description: 'Accepting now would conflict (details.conflicts), or it was rejected' })
  preview(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('amendmentId', parseUuid('amendmentId')) amendmentId: string,
  ): Promise<AmendmentPreviewDto> {
    return this.votes.preview(actor, id, amendmentId);
  }

  @Get(':id/translations')
  @ApiOperation({ summary: 'Each clause of a revision with its translation in `lang`: current, stale or missing' })
  translationsOf(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: TranslationQueryDto,
  ): Promise<CharterTranslationDto> {
    return this.translations.list(actor, id, query.lang, query.revision);
  }

  @Put(':id/translations/:lang/:clauseId')
  @Roles('committee')
  @ApiOperation({ summary: 'Translate one clause as it reads in `revision`' })
  saveTranslation(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('lang', translationLanguage) lang: CharterLanguage,
    @Param('clauseId', clauseIdParameter) clauseId: string,
    @Body() body: SaveTranslationDto,
  ): Promise<ClauseTranslationEntryDto> {
    return this.translations.save(actor, id, lang, clauseId, body);
  }
}

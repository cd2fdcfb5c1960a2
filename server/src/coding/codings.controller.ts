import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type {
  AgreementResult,
  AnswerCodingDto,
  ApplySuggestionResult,
  CoderDto,
  CodingAnswersPage,
  CodingCampaignDto,
  CodingOverviewDto,
  SuggestResult,
  TallyResult,
} from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { AgreementService } from './agreement.service';
import { CodingsService } from './codings.service';
import {
  AgreementQueryDto,
  ApplySuggestionDto,
  CodingAnswersQueryDto,
  QuestionQueryDto,
  SaveCodesDto,
  SuggestDto,
} from './dto/coding.dto';
import { ThemeTalliesService } from './theme-tallies.service';

/** Coding a campaign's free-text answers. Secretariat and admin code; the committee reads. */
@ApiTags('coding')
@Controller()
@Roles('secretariat')
export class CodingsController {
  constructor(
    private readonly codings: CodingsService,
    private readonly agreement: AgreementService,
    private readonly themes: ThemeTalliesService,
  ) {}

  @Get('coding/campaigns')
  @Roles('secretariat', 'committee')
  @ApiOperation({ summary: 'Campaigns whose answers can be coded' })
  campaigns(@CurrentActor() actor: Actor): Promise<CodingCampaignDto[]> {
    return this.codings.campaigns(actor);
  }

  @Get('campaigns/:id/coding')
  @Roles('secretariat', 'committee')
  @ApiOperation({ summary: "The campaign's free-text questions, their answers and the acting user's progress" })
  overview(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CodingOverviewDto> {
    return this.codings.overview(actor, id);
  }

  @Get('campaigns/:id/coding/answers')
  @ApiOperation({ summary: "A question's answers with the acting coder's codings: filters, search, sample, paging" })
  answers(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: CodingAnswersQueryDto,
  ): Promise<CodingAnswersPage> {
    return this.codings.answers(actor, id, query);
  }

  @Put('campaigns/:id/responses/:responseId/codes')
  @ApiOperation({ summary: "Set the acting user's themes for one answer ([] = coded, no theme applies)" })
  saveCodes(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('responseId', parseUuid('responseId')) responseId: string,
    @Body() body: SaveCodesDto,
  ): Promise<AnswerCodingDto> {
    return this.codings.save(actor, id, responseId, body.question, body.themeIds);
  }

  @Delete('campaigns/:id/responses/:responseId/codes')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove the acting user's coding of one answer" })
  clearCodes(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('responseId', parseUuid('responseId')) responseId: string,
    @Query() query: QuestionQueryDto,
  ): Promise<void> {
    return this.codings.clear(actor, id, responseId, query.question);
  }

  @Post('campaigns/:id/themes/suggest')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suggest themes by clustering the answers (computed on this server)' })
  suggest(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: SuggestDto,
  ): Promise<SuggestResult> {
    return this.codings.suggest(actor, id, body);
  }

  @Post('campaigns/:id/themes/suggest/apply')
  @HttpCode(200)
  @ApiOperation({ summary: "Apply a suggestion: its theme joins the acting user's codings of its answers, to review" })
  applySuggestion(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: ApplySuggestionDto,
  ): Promise<ApplySuggestionResult> {
    return this.codings.applySuggestion(actor, id, body);
  }

  @Get('campaigns/:id/themes/coders')
  @Roles('secretariat', 'committee')
  @ApiOperation({ summary: 'Who coded answers of a question, and how many' })
  coders(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: QuestionQueryDto,
  ): Promise<CoderDto[]> {
    return this.agreement.coders(actor, id, query.question);
  }

  @Get('campaigns/:id/themes/tallies')
  @Roles('secretariat', 'committee')
  @ApiOperation({
    summary: "Theme tallies of a free-text question: themes as choices, with the tallies' groups and filters",
  })
  @ApiQuery({ name: 'question', required: true, type: String })
  @ApiQuery({ name: 'coder', required: false, type: String, description: "count one coder's codings (user id)" })
  themeTallies(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<TallyResult> {
    return this.themes.tally(actor, id, query);
  }

  @Get('campaigns/:id/themes/agreement')
  @Roles('secretariat', 'committee')
  @ApiOperation({ summary: "Cohen's kappa of two coders per theme and pooled, over the answers both coded" })
  agreementOf(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: AgreementQueryDto,
  ): Promise<AgreementResult> {
    return this.agreement.agreement(actor, id, query.question, query.coders);
  }
}

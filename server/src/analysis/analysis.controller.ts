import { Body, Controller, Get, Header, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AnalysisSettingsDto, FreeTextPage, SurveyTallyResult, TallyResult } from '@concord/shared';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { UpdateAnalysisSettingsDto } from './dto/analysis-settings.dto';
import { ExportService } from './export.service';
import { FreeTextService } from './free-text.service';
import { TallyService } from './tally.service';

type RawQuery = Record<string, unknown>;

const TALLY_QUERIES = [
  { name: 'groupBy', required: false, enum: ['network', 'country', 'role'] },
  {
    name: 'weighting',
    required: false,
    enum: ['pooled', 'regional'],
    description: 'regional adds network-weighted figures beside the pooled ones',
  },
  { name: 'network', required: false, description: 'network ids or codes, comma-separated' },
  { name: 'country', required: false },
  { name: 'role', required: false },
  { name: 'language', required: false },
  { name: 'version', required: false },
  { name: 'from', required: false, description: 'ISO 8601 date or date-time (completion)' },
  { name: 'to', required: false },
  { name: 'includePartial', required: false, enum: ['true', 'false'] },
  {
    name: 'minCellSize',
    required: false,
    description: 'raise the suppression threshold (never below the campaign setting)',
  },
] as const;

function tallyQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const query of TALLY_QUERIES) ApiQuery({ ...query, type: String })(target, key, descriptor);
  };
}

/** Tallies, free-text answers and exports. Reading is open to the committee; settings are not. */
@ApiTags('analysis')
@Controller()
@Roles('secretariat', 'committee')
export class AnalysisController {
  constructor(
    private readonly tallies: TallyService,
    private readonly freeText: FreeTextService,
    private readonly exports: ExportService,
  ) {}

  @Get('campaigns/:id/tallies')
  @ApiOperation({ summary: 'Tallies of every question; answer filters as answer[<question>]=<value>' })
  @tallyQueries()
  campaignTallies(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<TallyResult> {
    return this.tallies.campaignTallies(actor, id, query);
  }

  @Get('campaigns/:id/tallies.csv')
  @tallyQueries()
  async talliesCsv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.exportTallies(actor, id, 'csv', query, res);
  }

  @Get('campaigns/:id/tallies.xlsx')
  @tallyQueries()
  async talliesXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.exportTallies(actor, id, 'xlsx', query, res);
  }

  @Get('surveys/:id/tallies')
  @ApiOperation({ summary: 'Tallies merged across versions by question name' })
  @ApiQuery({
    name: 'versions',
    required: false,
    description: 'comma-separated version numbers; default: all published',
  })
  @tallyQueries()
  surveyTallies(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<SurveyTallyResult> {
    return this.tallies.surveyTallies(actor, id, query);
  }

  @Get('campaigns/:id/answers/:question')
  @ApiOperation({ summary: 'Free-text answers, paged and searchable (q, page, pageSize, and the tally filters)' })
  answers(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('question') question: string,
    @Query() query: RawQuery,
  ): Promise<FreeTextPage> {
    return this.freeText.answers(actor, id, question, query);
  }

  @Get('campaigns/:id/responses.csv')
  @ApiQuery({ name: 'labels', required: false, description: 'a locale for choice labels; raw values without it' })
  async responsesCsv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.exportResponses(actor, id, 'csv', query, res);
  }

  @Get('campaigns/:id/responses.xlsx')
  @ApiQuery({ name: 'labels', required: false })
  async responsesXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.exportResponses(actor, id, 'xlsx', query, res);
  }

  @Get('campaigns/:id/responses.json')
  @ApiQuery({ name: 'labels', required: false })
  async responsesJson(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.exportResponses(actor, id, 'json', query, res);
  }

  @Get('campaigns/:id/codebook.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  codebook(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<string> {
    return this.exports.codebookCsv(actor, id);
  }

  @Get('campaigns/:id/analysis-settings')
  getSettings(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<AnalysisSettingsDto> {
    return this.tallies.getSettings(actor, id);
  }

  @Put('campaigns/:id/analysis-settings')
  @Roles('secretariat')
  putSettings(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: UpdateAnalysisSettingsDto,
  ): Promise<AnalysisSettingsDto> {
    return this.tallies.putSettings(actor, id, body.minCellSize);
  }
}

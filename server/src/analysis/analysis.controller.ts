import { PassThrough } from 'node:stream';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AnalysisSettingsDto, FreeTextPage, SurveyTallyResult, TallyResult } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import type { TallyVerification } from './analysis-facts.service';
import { UpdateAnalysisSettingsDto } from './dto/analysis-settings.dto';
import { type ExportFormat, ExportService, type ResponseExport } from './export.service';
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

/** Response exports take the tally filters (but not grouping, weighting or the threshold) and `labels`. */
function exportQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    ApiQuery({
      name: 'labels',
      required: false,
      type: String,
      description: 'a locale for choice labels; raw values without it',
    })(target, key, descriptor);
    ApiQuery({
      name: 'coder',
      required: false,
      type: String,
      description:
        "theme columns (one per theme of each free-text question): one coder's codings (a user id); any coder's without it",
    })(target, key, descriptor);
    for (const query of TALLY_QUERIES)
      if (!['groupBy', 'weighting', 'minCellSize'].includes(query.name))
        ApiQuery({ ...query, type: String })(target, key, descriptor);
  };
}

/**
 * Tallies, free-text answers and exports. The committee reads tallies and free text; response
 * exports (one row per respondent) and settings stay with the secretariat.
 */
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

  @Get('campaigns/:id/tallies/verify')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Compare the stored tallies with a full recount from the responses' })
  verifyTallies(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<TallyVerification> {
    return this.tallies.verify(actor, id);
  }

  @Post('campaigns/:id/tallies/rebuild')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute the stored tallies from the responses' })
  rebuildTallies(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
  ): Promise<{ rebuilt: true; logicVersion: number }> {
    return this.tallies.rebuild(actor, id);
  }

  @Get('campaigns/:id/tallies.csv')
  @tallyQueries()
  async talliesCsv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<StreamableFile> {
    return this.stream(await this.exports.prepareTallyExport(actor, id, 'csv', query));
  }

  @Get('campaigns/:id/tallies.xlsx')
  @tallyQueries()
  async talliesXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<StreamableFile> {
    return this.stream(await this.exports.prepareTallyExport(actor, id, 'xlsx', query));
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
  @ApiOperation({ summary: 'Responses, one row each; the tally filters choose which' })
  @exportQueries()
  @Roles('secretariat')
  responsesCsv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<StreamableFile> {
    return this.download(actor, id, 'csv', query);
  }

  @Get('campaigns/:id/responses.xlsx')
  @exportQueries()
  @Roles('secretariat')
  responsesXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<StreamableFile> {
    return this.download(actor, id, 'xlsx', query);
  }

  @Get('campaigns/:id/responses.json')
  @exportQueries()
  @Roles('secretariat')
  responsesJson(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<StreamableFile> {
    return this.download(actor, id, 'json', query);
  }

  @Get('campaigns/:id/responses.sav')
  @ApiOperation({ summary: 'Responses as an SPSS system file, with variable labels, value labels and missing values' })
  @exportQueries()
  @Roles('secretariat')
  responsesSav(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RawQuery,
  ): Promise<StreamableFile> {
    return this.download(actor, id, 'sav', query);
  }

  /**
   * Checks the request first (errors are plain 4xx answers), then streams the file as it is
   * written. A client that goes away destroys the stream, which ends the export.
   */
  private async download(actor: Actor, id: string, format: ExportFormat, query: RawQuery): Promise<StreamableFile> {
    return this.stream(await this.exports.prepareResponseExport(actor, id, format, query));
  }

  private stream(prepared: ResponseExport): StreamableFile {
    const stream = new PassThrough();
    prepared.write(stream).catch((error: unknown) => stream.destroy(error instanceof Error ? error : undefined));
    return new StreamableFile(stream, {
      type: prepared.contentType,
      disposition: `attachment; filename="${prepared.filename}"`,
    });
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

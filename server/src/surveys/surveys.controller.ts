import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CreatedSurveyVersionDto,
  SurveyDetailDto,
  SurveyDto,
  SurveyVersionDto,
  SurveyVersionSummaryDto,
  DetailedVersionDiff,
} from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { parseUuid } from '../common/pipes';
import { CreateSurveyDto, SaveSurveyVersionDto } from './dto/survey.dto';
import { SurveysService, type TranslationImportResult } from './surveys.service';
import { TRANSLATION_FORMATS, type TranslationFormat, XLIFF_TYPE, XLSX_TYPE } from './translation-files';

const TRANSLATION_FILE = /^(.+)\.(xlsx|xliff)$/;

/** `fr.xlsx` → locale and format; the locale itself is checked by the service. */
function translationFile(file: string): { locale: string; format: TranslationFormat } {
  const match = TRANSLATION_FILE.exec(file);
  const locale = match?.[1];
  const format = TRANSLATION_FORMATS.find((candidate) => candidate === match?.[2]);
  if (locale === undefined || format === undefined) {
    throw new DomainError('bad_request', `The file must be <locale>.xlsx or <locale>.xliff, got "${file}"`);
  }
  return { locale, format };
}

function versionNumber(name: string): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () => new DomainError('bad_request', `${name} must be a version number`),
  });
}

@ApiTags('surveys')
@ApiCookieAuth()
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post()
  @Roles('secretariat')
  @ApiOperation({ summary: 'Create a survey (409 when the slug is taken)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSurveyDto): Promise<SurveyDto> {
    return this.surveys.create(actor, body);
  }

  @Get()
  @Roles('secretariat', 'committee')
  list(@CurrentActor() actor: Actor): Promise<SurveyDto[]> {
    return this.surveys.list(actor);
  }

  @Get(':id')
  @Roles('secretariat', 'committee')
  get(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<SurveyDetailDto> {
    return this.surveys.get(actor, id);
  }

  @Post(':id/versions')
  @Roles('secretariat')
  @ApiOperation({
    summary: 'Add a draft version; 422 with {details:[{path,message}]} when the definition is not valid',
  })
  createVersion(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: SaveSurveyVersionDto,
  ): Promise<CreatedSurveyVersionDto> {
    return this.surveys.createVersion(actor, id, body);
  }

  @Put(':id/versions/:version')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Replace a draft version (409 once published)' })
  updateVersion(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('version', versionNumber('version')) version: number,
    @Body() body: SaveSurveyVersionDto,
  ): Promise<SurveyVersionSummaryDto> {
    return this.surveys.updateVersion(actor, id, version, body);
  }

  @Post(':id/versions/:version/publish')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({ summary: 'Publish (freeze) a draft version' })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('version', versionNumber('version')) version: number,
  ): Promise<SurveyVersionSummaryDto> {
    return this.surveys.publish(actor, id, version);
  }

  @Get(':id/versions/:version')
  @Roles('secretariat', 'committee')
  getVersion(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('version', versionNumber('version')) version: number,
  ): Promise<SurveyVersionDto> {
    return this.surveys.getVersion(actor, id, version);
  }

  @Get(':id/versions/:version/translations/:file')
  @Roles('secretariat', 'committee')
  @ApiOperation({
    summary:
      'One locale as a file for translators: <locale>.xlsx (key, source, translation, status) or <locale>.xliff (XLIFF 2.0)',
  })
  @ApiProduces(XLSX_TYPE, XLIFF_TYPE)
  async exportTranslations(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('version', versionNumber('version')) version: number,
    @Param('file') file: string,
  ): Promise<StreamableFile> {
    const { locale, format } = translationFile(file);
    const exported = await this.surveys.exportTranslations(actor, id, version, locale, format);
    return new StreamableFile(exported.content, {
      type: exported.contentType,
      disposition: `attachment; filename="${exported.fileName}"`,
      length: exported.content.length,
    });
  }

  @Put(':id/versions/:version/translations/:file')
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Import a translated file into a draft (409 once published); reports unknown keys and strings whose source changed',
  })
  @ApiConsumes(XLSX_TYPE, XLIFF_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  importTranslations(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('version', versionNumber('version')) version: number,
    @Param('file') file: string,
    @Body() body: unknown,
  ): Promise<TranslationImportResult> {
    const { locale, format } = translationFile(file);
    return this.surveys.importTranslationFile(actor, id, version, locale, format, body);
  }

  @Get(':id/versions/:from/diff/:to')
  @Roles('secretariat', 'committee')
  @ApiOperation({
    summary:
      'Questions added, removed and changed between any two versions, with each question before and after (wording per locale, choices, conditions)',
  })
  diff(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('from', versionNumber('from')) from: number,
    @Param('to', versionNumber('to')) to: number,
  ): Promise<DetailedVersionDiff> {
    return this.surveys.diff(actor, id, from, to);
  }
}

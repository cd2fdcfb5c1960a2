import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CreatedSurveyVersionDto,
  SurveyDetailDto,
  SurveyDto,
  SurveyVersionDto,
  SurveyVersionSummaryDto,
  VersionDiff,
} from '@concord/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { parseUuid } from '../common/pipes';
import { CreateSurveyDto, SaveSurveyVersionDto } from './dto/survey.dto';
import { SurveysService } from './surveys.service';

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

  @Get(':id/versions/:from/diff/:to')
  @Roles('secretariat', 'committee')
  @ApiOperation({ summary: 'Questions added, removed and changed between two versions' })
  diff(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('from', versionNumber('from')) from: number,
    @Param('to', versionNumber('to')) to: number,
  ): Promise<VersionDiff> {
    return this.surveys.diff(actor, id, from, to);
  }
}

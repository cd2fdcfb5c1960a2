import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MergeThemeResult, ThemeDto } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { CreateThemeDto, MergeThemeDto, ThemesQueryDto, UpdateThemeDto } from './dto/theme.dto';
import { ThemesService } from './themes.service';

/** Themes of a survey's free-text questions. The committee may read them. */
@ApiTags('coding')
@Controller('surveys/:id/themes')
@Roles('secretariat')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a theme for a free-text question (or the text of an "other" item)' })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) surveyId: string,
    @Body() body: CreateThemeDto,
  ): Promise<ThemeDto> {
    return this.themes.create(actor, surveyId, body);
  }

  @Get()
  @Roles('secretariat', 'committee')
  @ApiOperation({ summary: 'Themes of the survey, across its versions, in coding-page order' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) surveyId: string,
    @Query() query: ThemesQueryDto,
  ): Promise<ThemeDto[]> {
    return this.themes.list(actor, surveyId, query.question, query.includeMerged === 'true');
  }

  @Patch(':themeId')
  @ApiOperation({ summary: 'Rename, describe, nest or reorder a theme; its codings stay' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) surveyId: string,
    @Param('themeId', parseUuid('themeId')) themeId: string,
    @Body() body: UpdateThemeDto,
  ): Promise<ThemeDto> {
    return this.themes.update(actor, surveyId, themeId, body);
  }

  @Post(':themeId/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge a theme into another of the same question: its codings move there' })
  merge(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) surveyId: string,
    @Param('themeId', parseUuid('themeId')) themeId: string,
    @Body() body: MergeThemeDto,
  ): Promise<MergeThemeResult> {
    return this.themes.merge(actor, surveyId, themeId.toLowerCase(), body.intoId.toLowerCase());
  }

  @Delete(':themeId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a theme no answer is coded with (409 otherwise: merge it instead)' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) surveyId: string,
    @Param('themeId', parseUuid('themeId')) themeId: string,
  ): Promise<void> {
    return this.themes.remove(actor, surveyId, themeId);
  }
}

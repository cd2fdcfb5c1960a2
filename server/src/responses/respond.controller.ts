import { Body, Controller, Get, Headers, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CompletionResult, PartialSaveResult, RespondentViewDto } from '@concord/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/access.decorators';
import { CompleteAnswersDto, SaveAnswersDto } from './dto/respond.dto';
import { RespondService } from './respond.service';
import { RespondThrottlerGuard } from './respond-throttler.guard';

/** The respondent API: no login; the link token is the credential. */
@ApiTags('respond')
@Public()
@UseGuards(RespondThrottlerGuard)
@Controller('respond/:token')
export class RespondController {
  constructor(private readonly respond: RespondService) {}

  @Get()
  @ApiOperation({
    summary:
      'The pinned questionnaire, saved answers and status of a link; 404 unknown/revoked, 410 closed or not yet open',
  })
  view(@Param('token') token: string): Promise<RespondentViewDto> {
    return this.respond.view(token);
  }

  @Put()
  @ApiOperation({
    summary:
      'Save progress: answers given must be valid, required ones may be missing; currentPage and locale say where to resume',
  })
  save(@Param('token') token: string, @Body() body: SaveAnswersDto): Promise<PartialSaveResult> {
    return this.respond.saveProgress(token, body.data, { currentPage: body.currentPage, locale: body.locale });
  }

  @Post('complete')
  @ApiOperation({
    summary:
      'Submit: 201 with a receipt; the same Idempotency-Key returns the first 201 again; 200 when an allowed edit',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async complete(
    @Param('token') token: string,
    @Body() body: CompleteAnswersDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<CompletionResult> {
    const outcome = await this.respond.complete(token, body.data, idempotencyKey, body.respondent);
    response.status(outcome.kind === 'edited' ? 200 : 201);
    return outcome.result;
  }
}

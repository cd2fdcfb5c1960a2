import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type {
  AmendmentDto,
  BlameDto,
  CharterCommentDto,
  CharterCreatedDto,
  CharterDiffDto,
  CharterDocumentDto,
  CharterRevisionDto,
  CharterRevisionSummaryDto,
  CharterSavedDto,
  CharterSummaryDto,
  ClauseHistoryEntryDto,
  EvidenceDto,
  EvidenceWithCurrentDto,
} from '@concord/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { parseUuid } from '../common/pipes';
import { CharterDiscussionService } from './charter-discussion.service';
import { CharterEvidenceService } from './charter-evidence.service';
import { CharterExportService } from './charter-export.service';
import { CharterService } from './charter.service';
import {
  CreateCharterDto,
  CreateCommentDto,
  DecideAmendmentDto,
  DiffQueryDto,
  EvidenceQueryDto,
  ExportQueryDto,
  ImportMarkdownDto,
  ProposeAmendmentDto,
  RevisionQueryDto,
  SaveRevisionDto,
  SetChairsDto,
} from './dto/charter-inputs.dto';
import { CiteEvidenceDto } from './dto/evidence-input.dto';

const revisionNumber = new ParseIntPipe({
  exceptionFactory: () => new DomainError('bad_request', 'n must be a revision number'),
});

@ApiTags('charter')
@ApiCookieAuth()
@Roles('committee', 'secretariat')
@Controller('charters')
export class CharterController {
  constructor(
    private readonly charters: CharterService,
    private readonly discussion: CharterDiscussionService,
    private readonly exporter: CharterExportService,
    private readonly evidenceCitations: CharterEvidenceService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Charters, with their head revision number' })
  list(@CurrentActor() actor: Actor): Promise<CharterSummaryDto[]> {
    return this.charters.list(actor);
  }

  @Post()
  @Roles('committee')
  @ApiOperation({ summary: 'Create a charter; its clauses become revision 1' })
  @ApiResponse({ status: 201, description: '{id, revision: 1}' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCharterDto): Promise<CharterCreatedDto> {
    return this.charters.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A charter with its head revision' })
  get(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<CharterDocumentDto> {
    return this.charters.get(actor, id);
  }

  @Post(':id/revisions')
  @Roles('committee')
  @ApiOperation({ summary: 'Save a revision; an older baseRevision is merged three-way with the head' })
  @ApiResponse({ status: 201, description: '{number} or {number, merged: true}' })
  @ApiResponse({ status: 409, description: 'Overlapping edits: details.conflicts = [{clauseId, base, theirs, yours}]' })
  saveRevision(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: SaveRevisionDto,
  ): Promise<CharterSavedDto> {
    return this.charters.saveRevision(actor, id, body);
  }

  @Post(':id/import')
  @Roles('committee')
  @ApiOperation({ summary: 'Save a whole Markdown document as a revision (one clause per heading)' })
  importMarkdown(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: ImportMarkdownDto,
  ): Promise<CharterSavedDto> {
    return this.charters.importMarkdown(actor, id, body);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: 'Revisions, newest first' })
  revisions(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
  ): Promise<CharterRevisionSummaryDto[]> {
    return this.charters.listRevisions(actor, id);
  }

  @Get(':id/revisions/:n')
  @ApiOperation({ summary: 'One revision snapshot' })
  revision(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('n', revisionNumber) n: number,
  ): Promise<CharterRevisionDto> {
    return this.charters.getRevision(actor, id, n);
  }

  @Get(':id/diff')
  @ApiOperation({ summary: 'Clause-level and word-level differences between two revisions' })
  diff(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: DiffQueryDto,
  ): Promise<CharterDiffDto> {
    return this.charters.diff(actor, id, query.from, query.to);
  }

  @Get(':id/blame')
  @ApiOperation({ summary: 'For each paragraph, the revision that last changed it' })
  blame(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RevisionQueryDto,
  ): Promise<BlameDto> {
    return this.charters.blame(actor, id, query.revision);
  }

  @Get(':id/clauses/:clauseId/history')
  @ApiOperation({ summary: 'Every revision that added, changed, moved or removed one clause' })
  clauseHistory(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('clauseId') clauseId: string,
  ): Promise<ClauseHistoryEntryDto[]> {
    return this.charters.clauseHistory(actor, id, clauseId);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'md, html or docx; with `against`, a redline (html <ins>/<del>, docx tracked changes)' })
  @ApiProduces('text/markdown', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exporter.export(actor, id, query);
    response.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content, {
      type: file.contentType,
    });
  }

  @Get(':id/comments')
  @ApiOperation({
    summary: 'Comments, each with whether its clause and quote still exist in `revision` (default head)',
  })
  comments(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: RevisionQueryDto,
  ): Promise<CharterCommentDto[]> {
    return this.discussion.listComments(actor, id, query.revision);
  }

  @Post(':id/comments')
  @Roles('committee')
  @ApiOperation({ summary: 'Comment on a clause (optionally quoting it) or an amendment, or reply with parentId' })
  addComment(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<CharterCommentDto> {
    return this.discussion.addComment(actor, id, body);
  }

  @Post(':id/comments/:commentId/resolve')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a comment resolved' })
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('commentId', parseUuid('commentId')) commentId: string,
  ): Promise<CharterCommentDto> {
    return this.discussion.resolveComment(actor, id, commentId, true);
  }

  @Post(':id/comments/:commentId/reopen')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved comment' })
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('commentId', parseUuid('commentId')) commentId: string,
  ): Promise<CharterCommentDto> {
    return this.discussion.resolveComment(actor, id, commentId, false);
  }

  @Get(':id/amendments')
  @ApiOperation({ summary: 'Amendments with their status and diff against their base revision' })
  amendments(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<AmendmentDto[]> {
    return this.discussion.listAmendments(actor, id);
  }

  @Post(':id/amendments')
  @Roles('committee')
  @ApiOperation({ summary: 'Propose new text for a clause (or a new clause) against a revision' })
  propose(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: ProposeAmendmentDto,
  ): Promise<AmendmentDto> {
    return this.discussion.propose(actor, id, body);
  }

  @Post(':id/amendments/:amendmentId/accept')
  @Roles('committee')
  @ApiOperation({ summary: 'Chair: accept, saving a revision through the three-way merge (409 on conflict)' })
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('amendmentId', parseUuid('amendmentId')) amendmentId: string,
    @Body() body: DecideAmendmentDto,
  ): Promise<CharterSavedDto> {
    return this.discussion.accept(actor, id, amendmentId, body.reason);
  }

  @Post(':id/amendments/:amendmentId/reject')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chair: reject with a reason' })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('amendmentId', parseUuid('amendmentId')) amendmentId: string,
    @Body() body: DecideAmendmentDto,
  ): Promise<AmendmentDto> {
    return this.discussion.reject(actor, id, amendmentId, body.reason);
  }

  @Get(':id/evidence')
  @ApiOperation({
    summary:
      'Survey evidence cited, filtered by revision, clauseId or amendmentId: each with its snapshot as cited, the same tally now (current) and whether they differ (changed)',
  })
  evidence(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() query: EvidenceQueryDto,
  ): Promise<EvidenceWithCurrentDto[]> {
    return this.evidenceCitations.listEvidence(actor, id, query);
  }

  @Post(':id/evidence')
  @Roles('committee')
  @ApiOperation({
    summary:
      'Cite survey evidence for a revision, amendment or clause: the server runs the tally named (source, question, groupBy, filters, weighting) and freezes its result with asOf; a snapshot in the body is 400',
  })
  cite(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: CiteEvidenceDto,
  ): Promise<EvidenceDto> {
    return this.evidenceCitations.cite(actor, id, body);
  }

  @Put(':id/chairs')
  @Roles('admin')
  @ApiOperation({ summary: 'Admin: the committee members who chair this charter' })
  setChairs(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: SetChairsDto,
  ): Promise<{ chairIds: string[] }> {
    return this.evidenceCitations.setChairs(actor, id, body.userIds);
  }
}

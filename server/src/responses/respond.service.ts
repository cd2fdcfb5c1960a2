import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CompiledSurvey,
  compileValidator,
  type CompletionResult,
  definitionPages,
  type PartialSaveResult,
  type RespondentViewDto,
  validateAnswers,
  withComputedAnswers,
} from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { type PreparedStatement, preparedStatement, runPrepared } from '../database/prepared';
import {
  type FoundLink,
  foundLinkFromRow,
  type FoundLinkRow,
  type LinkCampaign,
  linkByTokenHash,
  liveInvitationCondition,
  livePersonalLinkByTokenHash,
  RespondentLinksService,
} from '../campaigns';
import { anonymousResponseId, generateReceipt, isWellFormedToken, requestHash, tokenHash } from '../common/link-tokens';
import { SurveysService } from '../surveys';
import type { RespondentProfileDto } from './dto/respond.dto';
import { SurveyResponse } from './entities/survey-response.entity';
import { CompletionBatches, type StoredCompletion } from './completion-batches';
import { surveyLocales } from './survey-locales';

/** One message for unknown and revoked links, so a link's history cannot be probed. */
const LINK_NOT_FOUND = 'This link is not valid. Please ask the secretariat for your current link.';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/**
 * One batch statement at a time: the next batch gathers while it runs (on two cores, two at a
 * time made smaller batches and cost more of both processes: 1,880 against 2,070 completions/s
 * in the ingest bench). A batch of 64 completions of typical size is a few hundred kilobytes of JSON.
 */
const COMPLETION_BATCHES = { maxInFlight: 1, maxBatch: 64 };

interface PinnedVersion {
  definition: unknown;
  version: number;
  compiled: CompiledSurvey;
  locales: string[];
  pageCount: number;
}

/** Where a respondent is: saved with the partial response so they resume there. */
export interface RespondentPosition {
  currentPage?: number;
  locale?: string;
}

/** A live link: found, not revoked, its campaign within its window. */
type ResolvedLink = FoundLink;

/** A personal link's response as the respondent API reads it. */
type PersonalResponse = Pick<
  SurveyResponse,
  'id' | 'data' | 'status' | 'receipt' | 'currentPage' | 'locale' | 'updatedAt' | 'idempotencyKey' | 'requestHash'
>;

/** Where a personal link's response is: by invitation, or by the id derived from it when the campaign is anonymous. */
type ResponseKeyColumn = 'invitation_id' | 'id';

/**
 * The end of a first completion's insert: a partial response saved before becomes the complete
 * one (keeping its id); a complete one stays as it is, and the statement returns no row.
 */
function completeUnlessCompleted(column: ResponseKeyColumn, returning = 'id'): string {
  return `ON CONFLICT (${column}) DO UPDATE SET data = excluded.data, status = 'complete', receipt = excluded.receipt,
       idempotency_key = excluded.idempotency_key, request_hash = excluded.request_hash,
       country = excluded.country, role = excluded.role, language = excluded.language,
       completed_at = excluded.completed_at, updated_at = now()
     WHERE responses.status = 'partial'
     RETURNING ${returning}`;
}

function personalResponseStatement(column: ResponseKeyColumn): PreparedStatement {
  return preparedStatement(
    `respondent_response_by_${column}`,
    `SELECT id, data, status, receipt, current_page AS "currentPage", locale, updated_at AS "updatedAt",
       idempotency_key AS "idempotencyKey", request_hash AS "requestHash"
     FROM responses WHERE ${column} = $1`,
  );
}

/**
 * A personal link's first completion: stored if the invitation (last parameter) is still live and
 * no complete response exists yet; the unique key on the response settles concurrent attempts.
 * Its audit event and tally change are written by triggers, in the same statement.
 */
function completionStatement(column: ResponseKeyColumn): PreparedStatement {
  return preparedStatement(
    `respondent_completion_by_${column}`,
    `INSERT INTO responses (id, campaign_id, survey_version_id, invitation_id, network_id, country, role, language,
       data, status, receipt, idempotency_key, request_hash, completed_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, 'complete', $10, $11, $12, now()
     WHERE ${liveInvitationCondition('$13')}
     ${completeUnlessCompleted(column)}`,
  );
}

/**
 * First completions through personal links of campaigns that are not anonymous, in one statement
 * from a JSON array of completions ($1, see DirectCompletion): for each, the link found by its
 * token hash must be live, keep its member and pin the survey version the answers were checked
 * against (see livePersonalLinkByTokenHash), and no complete response may exist yet. Returns the
 * id and receipt of each completion stored; nothing is stored for the others.
 */
const DIRECT_COMPLETIONS = preparedStatement(
  'respondent_direct_completions',
  `INSERT INTO responses (id, campaign_id, survey_version_id, invitation_id, network_id, country, role, language,
     data, status, receipt, idempotency_key, request_hash, completed_at)
   SELECT sent.id, l.campaign_id, l.survey_version_id, l.invitation_id, l.network_id, l.country, l.role, l.language,
     sent.data, 'complete', sent.receipt, sent."idempotencyKey", sent."requestHash", now()
   FROM jsonb_to_recordset($1::jsonb) AS sent(id uuid, "tokenHash" text, "versionId" uuid, data jsonb, receipt text,
     "idempotencyKey" text, "requestHash" text)
   CROSS JOIN LATERAL (${livePersonalLinkByTokenHash('sent."tokenHash"', 'sent."versionId"')}) l
   ${completeUnlessCompleted('invitation_id', 'id, receipt')}`,
);

/** The view's lookup: the link with, for a personal link of a campaign that is not anonymous, its response. */
export interface ViewRow extends FoundLinkRow {
  response_id: string | null;
  response_data: Record<string, unknown> | null;
  response_status: SurveyResponse['status'] | null;
  response_receipt: string | null;
  response_current_page: number | null;
  response_locale: string | null;
  response_updated_at: Date | null;
}

/**
 * The link (see linkByTokenHash) and, when it is a personal link of a campaign that is not
 * anonymous, its response: the respondent's view in one round trip. An anonymous campaign's
 * response is found by the id derived from the invitation, afterwards.
 *
 * The row comes back as one JSON text column (read by viewRowFromJson): the driver's work per
 * result column (it builds each result's column map in a dictionary-mode object, then copies it)
 * cost more than parsing the whole row as JSON.
 */
export const VIEW_LOOKUP = preparedStatement(
  'respondent_view_json_by_token_hash',
  `SELECT row_to_json(v)::text AS view FROM (
     SELECT l.*, r.id AS response_id, r.data AS response_data, r.status AS response_status,
       r.receipt AS response_receipt, r.current_page AS response_current_page, r.locale AS response_locale,
       r.updated_at AS response_updated_at
     FROM (${linkByTokenHash('$1')}) l
     LEFT JOIN responses r ON r.invitation_id = l.id AND l.kind = 'personal' AND NOT l.anonymous
   ) v`,
);

/** The view's timestamp columns, which JSON carries as ISO 8601 text. */
const VIEW_TIMESTAMPS = [
  'opened_at',
  'revoked_at',
  'opens_at',
  'closes_at',
  'closed_at',
  'response_updated_at',
] as const satisfies ReadonlyArray<keyof ViewRow>;

/** A ViewRow from VIEW_LOOKUP's JSON: the same values the driver gives for the columns, timestamps as Dates. */
export function viewRowFromJson(json: string): ViewRow {
  const row = JSON.parse(json) as Record<string, unknown>;
  for (const column of VIEW_TIMESTAMPS) {
    const value = row[column];
    if (typeof value === 'string') row[column] = new Date(value);
  }
  return row as unknown as ViewRow;
}

const PERSONAL_RESPONSE: Record<ResponseKeyColumn, PreparedStatement> = {
  invitation_id: personalResponseStatement('invitation_id'),
  id: personalResponseStatement('id'),
};
const COMPLETION: Record<ResponseKeyColumn, PreparedStatement> = {
  invitation_id: completionStatement('invitation_id'),
  id: completionStatement('id'),
};

export interface CompletionOutcome {
  result: CompletionResult;
  /** created: a new completion (201); replayed: the first answer again (201); edited: a change (200). */
  kind: 'created' | 'replayed' | 'edited';
}

@Injectable()
export class RespondService {
  /** Compiled validators per survey version id: versions are immutable once published. */
  private readonly versions = new Map<string, Promise<PinnedVersion>>();
  /**
   * The survey version of the link resolved last: completions try it first (see
   * tryDirectCompletion). Only a guess, checked by the statement that stores the answers.
   */
  private recentVersionId: string | null = null;
  /** First completions stored together under load (see CompletionBatches). */
  private readonly completionBatches = new CompletionBatches(
    (completions) => runPrepared<StoredCompletion>(this.dataSource, DIRECT_COMPLETIONS, [JSON.stringify(completions)]),
    COMPLETION_BATCHES,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly links: RespondentLinksService,
    private readonly surveys: SurveysService,
  ) {}

  async view(token: string): Promise<RespondentViewDto> {
    const rows = await runPrepared<{ view: string }>(this.dataSource, VIEW_LOOKUP, [tokenHash(token)]);
    const row = rows[0] === undefined ? undefined : viewRowFromJson(rows[0].view);
    const link = this.live(token, row === undefined ? null : foundLinkFromRow(row));
    const pinned = await this.pinnedVersion(link.campaign.surveyVersionId);
    const existing =
      link.invitation.kind !== 'personal'
        ? null
        : link.campaign.anonymous
          ? await this.findPersonalResponse(null, link)
          : viewedResponse(row);
    if (link.invitation.openedAt === null) {
      await this.links.markOpened(link.invitation.id);
    }
    return {
      survey: { definition: pinned.definition, version: pinned.version },
      locales: pinned.locales,
      data: existing?.data ?? {},
      status: existing === null ? 'new' : existing.status,
      closesAt: link.campaign.closesAt?.toISOString() ?? null,
      language: link.member?.language ?? null,
      canEdit: link.campaign.allowEdits,
      kind: link.invitation.kind,
      receipt: existing?.status === 'complete' ? existing.receipt : null,
      currentPage: existing?.currentPage ?? null,
      locale: existing?.locale ?? null,
      savedAt: existing?.updatedAt.toISOString() ?? null,
    };
  }

  async saveProgress(
    token: string,
    data: Record<string, unknown>,
    position: RespondentPosition = {},
  ): Promise<PartialSaveResult> {
    const link = await this.resolve(token);
    if (link.invitation.kind === 'open') {
      throw new DomainError(
        'open_link_no_progress',
        'An open link keeps unfinished answers on this device only; submit them when done',
      );
    }
    const pinned = await this.pinnedVersion(link.campaign.surveyVersionId);
    this.checkPosition(pinned, position);
    const stored = this.check(pinned, data, 'partial');
    const { column, id } = this.responseKey(link);
    // A save without a position keeps the one saved before (an older client, or a script).
    const rows = await this.dataSource.query<Array<{ updated_at: Date }>>(
      `INSERT INTO responses (id, campaign_id, survey_version_id, invitation_id, network_id, country, role, language, data,
         current_page, locale, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'partial')
       ON CONFLICT (${column}) DO UPDATE SET data = excluded.data,
         current_page = COALESCE(excluded.current_page, responses.current_page),
         locale = COALESCE(excluded.locale, responses.locale), updated_at = now()
       WHERE responses.status = 'partial'
       RETURNING updated_at`,
      [...this.responseIdentity(link, id), stored, position.currentPage ?? null, position.locale ?? null],
    );
    const saved = rows[0];
    if (saved === undefined) throw this.alreadyCompleted(link.campaign);
    return { status: 'partial', savedAt: saved.updated_at.toISOString() };
  }

  async complete(
    token: string,
    data: Record<string, unknown>,
    idempotencyKey: string | undefined,
    profile: RespondentProfileDto | undefined,
  ): Promise<CompletionOutcome> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError('bad_request', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters');
    }
    const direct = await this.tryDirectCompletion(token, data, idempotencyKey);
    if (direct !== null) return direct;
    const link = await this.resolve(token);
    const pinned = await this.pinnedVersion(link.campaign.surveyVersionId);
    // The hash is of what the client sent, so a retry matches; what is stored has the computed answers.
    const hash = requestHash(data);
    const stored = this.check(pinned, data, 'complete');
    if (link.invitation.kind === 'personal') {
      const first = await this.tryFirstCompletion(link, stored, hash, idempotencyKey);
      if (first !== null) return first;
    }
    // Replays, edits, open links, and links that stopped being live since resolve(): under the
    // invitation's row lock. Validation above is pure and ran outside, so the lock is short.
    return this.dataSource.transaction(async (manager) => {
      const live = await this.links.lockLive(manager, link.invitation.id, link.campaign.id);
      if (live === null) throw new DomainError('link_not_found', LINK_NOT_FOUND);
      const { invitation, campaign } = live;
      this.requireWindow(campaign);
      const locked: ResolvedLink = { ...link, invitation, campaign };
      return invitation.kind === 'personal'
        ? this.completePersonal(manager, locked, stored, hash, idempotencyKey)
        : this.completeOpen(manager, locked, stored, hash, idempotencyKey, profile);
    });
  }

  private async completePersonal(
    manager: EntityManager,
    link: ResolvedLink,
    data: Record<string, unknown>,
    hash: string,
    idempotencyKey: string | undefined,
  ): Promise<CompletionOutcome> {
    const existing = await this.findPersonalResponse(manager, link);
    if (existing?.status === 'complete') {
      if (idempotencyKey !== undefined && existing.idempotencyKey === idempotencyKey) {
        return this.replay(existing, hash);
      }
      if (!link.campaign.allowEdits) throw this.alreadyCompleted(link.campaign);
      // The answers being replaced go to history first; the response keeps its id and receipt.
      await manager.query(
        'INSERT INTO response_revisions (response_id, data, completed_at) SELECT id, data, completed_at FROM responses WHERE id = $1',
        [existing.id],
      );
      await manager.query(
        'UPDATE responses SET data = $2, request_hash = $3, idempotency_key = $4, updated_at = now() WHERE id = $1',
        [existing.id, data, hash, idempotencyKey ?? null],
      );
      await this.audit.record(manager, {
        actor: null,
        action: 'response.edited',
        subject: `campaign:${link.campaign.id}`,
        payload: { responseId: existing.id },
      });
      return { result: { responseId: existing.id, receipt: existing.receipt ?? '' }, kind: 'edited' };
    }
    const created = await this.insertCompletion(manager, link, data, hash, idempotencyKey);
    if (created === null) throw this.alreadyCompleted(link.campaign);
    return created;
  }

  /**
   * The commonest case — a live personal link's first completion, in a campaign that is not
   * anonymous and pins the survey version of the link resolved last — in one round trip: the
   * answers are checked against that version, then one statement finds the link by its token
   * hash, checks it (live, that version, no complete response yet) and stores the answers; its
   * triggers write the audit event and queue the tally change. Under load that statement stores
   * the completions that arrived together (see CompletionBatches). Null, having stored nothing, in
   * every other case (another version, answers not valid for it, an unknown, revoked, closed or
   * already completed link, an anonymous campaign, an open link): the full path then runs and
   * answers exactly as it always did, its own checks in their own order.
   */
  private async tryDirectCompletion(
    token: string,
    data: Record<string, unknown>,
    idempotencyKey: string | undefined,
  ): Promise<CompletionOutcome | null> {
    const versionId = this.recentVersionId;
    if (versionId === null || !isWellFormedToken(token)) return null;
    const pinned = await this.pinnedVersion(versionId).catch(() => null);
    if (pinned === null || validateAnswers(pinned.compiled, data, 'complete').length > 0) return null;
    const stored = await this.completionBatches.submit({
      id: randomUUID(),
      tokenHash: tokenHash(token),
      versionId,
      data: withComputedAnswers(pinned.compiled, data),
      receipt: generateReceipt(),
      idempotencyKey: idempotencyKey ?? null,
      requestHash: requestHash(data),
    });
    if (stored === null) return null;
    return { result: { responseId: stored.id, receipt: stored.receipt }, kind: 'created' };
  }

  /**
   * The common case, a personal link's first completion, without the locked read path: one
   * guarded insert plus its audit event. Null when it did not apply; the locked path then decides.
   */
  private tryFirstCompletion(
    link: ResolvedLink,
    data: Record<string, unknown>,
    hash: string,
    idempotencyKey: string | undefined,
  ): Promise<CompletionOutcome | null> {
    // One statement, so no explicit transaction: its audit event is written by the database in
    // the same statement (see the ResponseCompletionAudit migration).
    return this.insertCompletion(null, link, data, hash, idempotencyKey);
  }

  /**
   * Stores a personal link's completion if the link is still live (not revoked, campaign open)
   * and no complete response exists yet — the unique key on the response settles concurrent
   * attempts. Returns null, having written nothing, otherwise. Without `manager`, outside any
   * transaction as a prepared statement; with it, inside the caller's transaction.
   */
  private async insertCompletion(
    manager: EntityManager | null,
    link: ResolvedLink,
    data: Record<string, unknown>,
    hash: string,
    idempotencyKey: string | undefined,
  ): Promise<CompletionOutcome | null> {
    const { column, id } = this.responseKey(link);
    const receipt = generateReceipt();
    const statement = COMPLETION[column];
    const values = [
      ...this.responseIdentity(link, id),
      data,
      receipt,
      idempotencyKey ?? null,
      hash,
      link.invitation.id,
    ];
    const rows =
      manager === null
        ? await runPrepared<{ id: string }>(this.dataSource, statement, values)
        : await manager.query<Array<{ id: string }>>(statement.text, values);
    const [row] = rows;
    if (row === undefined) return null;
    return { result: { responseId: row.id, receipt }, kind: 'created' };
  }

  private async completeOpen(
    manager: EntityManager,
    link: ResolvedLink,
    data: Record<string, unknown>,
    hash: string,
    idempotencyKey: string | undefined,
    profile: RespondentProfileDto | undefined,
  ): Promise<CompletionOutcome> {
    if (idempotencyKey !== undefined) {
      const earlier = await manager.findOneBy(SurveyResponse, { openLinkId: link.invitation.id, idempotencyKey });
      if (earlier !== null) return this.replay(earlier, hash);
    }
    const { maxResponses, responseCount } = link.invitation;
    if (maxResponses !== null && responseCount >= maxResponses) {
      throw new DomainError('quota_reached', `This link has received all the ${maxResponses} responses it accepts`);
    }
    const id = randomUUID();
    const receipt = generateReceipt();
    await manager.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, open_link_id, network_id, country, role, language,
         data, status, receipt, idempotency_key, request_hash, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'complete', $10, $11, $12, now())`,
      [
        id,
        link.campaign.id,
        link.campaign.surveyVersionId,
        link.invitation.id,
        link.invitation.networkId,
        profile?.country?.trim() ?? null,
        profile?.role?.trim() ?? null,
        profile?.language ?? null,
        data,
        receipt,
        idempotencyKey ?? null,
        hash,
      ],
    );
    await this.links.countOpenLinkResponse(manager, link.invitation);
    return { result: { responseId: id, receipt }, kind: 'created' };
  }

  private replay(earlier: Pick<SurveyResponse, 'id' | 'receipt' | 'requestHash'>, hash: string): CompletionOutcome {
    if (earlier.requestHash !== hash) {
      throw new DomainError(
        'idempotency_mismatch',
        'This Idempotency-Key was already used with different answers; use a new key for a different request',
      );
    }
    return { result: { responseId: earlier.id, receipt: earlier.receipt ?? '' }, kind: 'replayed' };
  }

  private alreadyCompleted(campaign: LinkCampaign): DomainError {
    return new DomainError(
      'already_completed',
      campaign.allowEdits
        ? 'This questionnaire has already been completed; submit it again to change your answers'
        : 'This questionnaire has already been completed with this link',
    );
  }

  /** A saved position must point into the pinned version: a page it has, a language it speaks. */
  private checkPosition(pinned: PinnedVersion, position: RespondentPosition): void {
    if (position.currentPage !== undefined && position.currentPage >= pinned.pageCount) {
      const pages = pinned.pageCount === 1 ? '1 page: 0' : `${pinned.pageCount} pages: 0 to ${pinned.pageCount - 1}`;
      throw new DomainError(
        'unprocessable',
        `currentPage ${position.currentPage} is not a page of this questionnaire (it has ${pages})`,
      );
    }
    if (position.locale !== undefined && !pinned.locales.includes(position.locale)) {
      throw new DomainError(
        'unprocessable',
        `locale "${position.locale}" is not a language of this questionnaire (${pinned.locales.join(', ')})`,
      );
    }
  }

  /** Validates the answers; returns them as stored, with expression questions and included calculated values computed. */
  private check(
    pinned: PinnedVersion,
    data: Record<string, unknown>,
    mode: 'partial' | 'complete',
  ): Record<string, unknown> {
    const problems = validateAnswers(pinned.compiled, data, mode);
    if (problems.length > 0) {
      const count = problems.length === 1 ? '1 answer is' : `${problems.length} answers are`;
      throw new DomainError('answers_invalid', `${count} not valid`, problems);
    }
    return withComputedAnswers(pinned.compiled, data);
  }

  /**
   * The first eight columns of a personal link's response row: id, campaign, pinned version,
   * invitation (none when anonymous), network, and the member's country, role and language.
   */
  private responseIdentity(link: ResolvedLink, id: string): unknown[] {
    return [
      id,
      link.campaign.id,
      link.campaign.surveyVersionId,
      link.campaign.anonymous ? null : link.invitation.id,
      link.invitation.networkId,
      link.member?.country ?? null,
      link.member?.role ?? null,
      link.member?.language ?? null,
    ];
  }

  /** Where a personal invitation's one response lives: by invitation, or by derived id when anonymous. */
  private responseKey(link: ResolvedLink): { column: ResponseKeyColumn; id: string } {
    return link.campaign.anonymous
      ? { column: 'id', id: anonymousResponseId(this.config.secrets.linkSecret, link.invitation.id) }
      : { column: 'invitation_id', id: randomUUID() };
  }

  /**
   * A personal link's response, or null. Without `manager`, a prepared statement on a pooled
   * connection (the respondent's view); with it, inside the caller's transaction.
   */
  private async findPersonalResponse(
    manager: EntityManager | null,
    link: ResolvedLink,
  ): Promise<PersonalResponse | null> {
    const { column, key } = link.campaign.anonymous
      ? { column: 'id' as const, key: anonymousResponseId(this.config.secrets.linkSecret, link.invitation.id) }
      : { column: 'invitation_id' as const, key: link.invitation.id };
    const statement = PERSONAL_RESPONSE[column];
    const rows =
      manager === null
        ? await runPrepared<PersonalResponse>(this.dataSource, statement, [key])
        : await manager.query<PersonalResponse[]>(statement.text, [key]);
    return rows[0] ?? null;
  }

  /**
   * Token → live link: unknown and revoked are the same 404; outside the campaign's window, 410.
   * Every refused link, malformed ones included, costs the same one lookup, so the time taken
   * does not tell an unknown link from a revoked one.
   */
  private async resolve(token: string): Promise<ResolvedLink> {
    return this.live(token, await this.links.find(tokenHash(token)));
  }

  /** The checks of resolve() on a link already looked up by the token's hash. */
  private live(token: string, found: FoundLink | null): ResolvedLink {
    if (!isWellFormedToken(token) || found === null || found.invitation.revokedAt !== null) {
      throw new DomainError('link_not_found', LINK_NOT_FOUND);
    }
    if (found.invitation.kind === 'personal' && found.member === null) {
      throw new DomainError('link_not_found', LINK_NOT_FOUND);
    }
    this.requireWindow(found.campaign);
    this.recentVersionId = found.campaign.surveyVersionId;
    return found;
  }

  private requireWindow(campaign: LinkCampaign): void {
    const now = Date.now();
    if (campaign.status === 'closed' || (campaign.closesAt !== null && campaign.closesAt.getTime() <= now)) {
      const closedAt = campaign.closedAt ?? campaign.closesAt;
      throw new DomainError('link_gone', 'This consultation is closed and no longer accepts answers', {
        reason: 'closed',
        closedAt: closedAt?.toISOString() ?? null,
      });
    }
    if (campaign.opensAt !== null && campaign.opensAt.getTime() > now) {
      throw new DomainError('link_gone', `This consultation opens on ${campaign.opensAt.toISOString()}`, {
        reason: 'not_yet_open',
        opensAt: campaign.opensAt.toISOString(),
      });
    }
  }

  private pinnedVersion(versionId: string): Promise<PinnedVersion> {
    let pinned = this.versions.get(versionId);
    if (pinned === undefined) {
      pinned = this.surveys.versionById(versionId).then((version) => ({
        definition: version.definition,
        version: version.version,
        compiled: compileValidator(version.definition),
        locales: surveyLocales(version.definition),
        pageCount: Math.max(1, definitionPages(version.definition).length),
      }));
      pinned.catch(() => this.versions.delete(versionId));
      this.versions.set(versionId, pinned);
    }
    return pinned;
  }
}

/** The response of a view's lookup row, or null when it has none. */
function viewedResponse(
  row: ViewRow | undefined,
): Pick<PersonalResponse, 'data' | 'status' | 'receipt' | 'currentPage' | 'locale' | 'updatedAt'> | null {
  if (
    row === undefined ||
    row.response_id === null ||
    row.response_data === null ||
    row.response_status === null ||
    row.response_updated_at === null
  ) {
    return null;
  }
  return {
    data: row.response_data,
    status: row.response_status,
    receipt: row.response_receipt,
    currentPage: row.response_current_page,
    locale: row.response_locale,
    updatedAt: row.response_updated_at,
  };
}

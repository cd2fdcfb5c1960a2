import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberEraseResult, MemberExport, MemberLanguage } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { EraseMemberDto } from './dto/privacy.dto';

interface MemberRow {
  id: string;
  network_id: string;
  network_code: string;
  name: string;
  email: string;
  country: string;
  role: string;
  language: MemberLanguage;
  created_at: Date;
  updated_at: Date;
}

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

/**
 * A member's rights over the data held on them: everything exported in one document, or erased.
 * Erasing removes the member row (name, e-mail), their personal links and the mail queued for them,
 * and either detaches their responses (kept for the tallies without identity) or deletes them; the
 * tally rollup follows through the trigger on responses, as for any other change. Responses to
 * anonymous campaigns are linked to nobody (their campaign promised that), so they are neither
 * exported nor touched here.
 */
@Injectable()
export class MemberPrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async member(manager: EntityManager, id: string, lock: boolean): Promise<MemberRow> {
    const rows = await manager.query<MemberRow[]>(
      `SELECT m.id, m.network_id, n.code AS network_code, m.name, m.email, m.country, m.role, m.language,
         m.created_at, m.updated_at
       FROM network_members m JOIN networks n ON n.id = m.network_id WHERE m.id = $1${lock ? ' FOR UPDATE OF m' : ''}`,
      [id],
    );
    if (rows.length === 0) throw new DomainError('member_not_found', `No member has the id ${id}`);
    return rows[0];
  }

  async export(actor: Actor, memberId: string): Promise<MemberExport> {
    requireRole(actor, []);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const member = await this.member(manager, memberId, false);
      const invitations = await manager.query<
        Array<{
          id: string;
          campaign_id: string;
          campaign_name: string;
          created_at: Date;
          opened_at: Date | null;
          revoked_at: Date | null;
        }>
      >(
        `SELECT i.id, i.campaign_id, c.name AS campaign_name, i.created_at, i.opened_at, i.revoked_at
         FROM invitations i JOIN campaigns c ON c.id = i.campaign_id WHERE i.member_id = $1 ORDER BY i.created_at, i.id`,
        [memberId],
      );
      const responses = await manager.query<
        Array<{
          id: string;
          campaign_id: string;
          invitation_id: string;
          status: 'partial' | 'complete';
          data: Record<string, unknown>;
          receipt: string | null;
          started_at: Date;
          completed_at: Date | null;
          updated_at: Date;
          revisions: Array<{ data: Record<string, unknown>; completed_at: string | null; replaced_at: string }>;
        }>
      >(
        `SELECT r.id, r.campaign_id, r.invitation_id, r.status, r.data, r.receipt, r.started_at, r.completed_at, r.updated_at,
           COALESCE((SELECT json_agg(json_build_object('data', v.data, 'completed_at', v.completed_at, 'replaced_at', v.replaced_at)
                     ORDER BY v.replaced_at) FROM response_revisions v WHERE v.response_id = r.id), '[]') AS revisions
         FROM responses r WHERE r.invitation_id = ANY($1::uuid[]) ORDER BY r.started_at, r.id`,
        [invitations.map((invitation) => invitation.id)],
      );
      const mail = await manager.query<
        Array<{
          id: string;
          campaign_id: string;
          kind: string;
          recipient: string;
          subject: string;
          body: string;
          status: string;
          created_at: Date;
          sent_at: Date | null;
        }>
      >(
        `SELECT id, campaign_id, kind, recipient, subject, body, status, created_at, sent_at FROM outbox
         WHERE invitation_id = ANY($1::uuid[]) ORDER BY created_at, id`,
        [invitations.map((invitation) => invitation.id)],
      );
      const audit = await manager.query<
        Array<{
          seq: string | null;
          at: Date;
          actor_email: string | null;
          action: string;
          subject: string | null;
          payload: Record<string, unknown>;
        }>
      >(
        `SELECT seq, at, actor_email, action, subject, payload FROM audit_events
         WHERE subject = ANY($1::text[]) OR lower(payload::text) LIKE ANY($2::text[])
         ORDER BY seq NULLS LAST, at`,
        [
          [
            `member:${memberId}`,
            ...invitations.map((invitation) => `invitation:${invitation.id}`),
            ...responses.map((response) => `response:${response.id}`),
          ],
          // Events that name the member, one of their links or responses, or their address.
          [
            memberId,
            ...invitations.map((invitation) => invitation.id),
            ...responses.map((response) => response.id),
            JSON.stringify(member.email).slice(1, -1).toLowerCase(),
          ].map((needle) => `%${needle.replace(/[\\%_]/g, (character) => `\\${character}`)}%`),
        ],
      );
      const result: MemberExport = {
        exportedAt: new Date().toISOString(),
        member: {
          id: member.id,
          networkId: member.network_id,
          networkCode: member.network_code,
          name: member.name,
          email: member.email,
          country: member.country,
          role: member.role,
          language: member.language,
          createdAt: member.created_at.toISOString(),
          updatedAt: member.updated_at.toISOString(),
        },
        invitations: invitations.map((invitation) => ({
          id: invitation.id,
          campaignId: invitation.campaign_id,
          campaignName: invitation.campaign_name,
          createdAt: invitation.created_at.toISOString(),
          openedAt: iso(invitation.opened_at),
          revokedAt: iso(invitation.revoked_at),
        })),
        responses: responses.map((response) => ({
          id: response.id,
          campaignId: response.campaign_id,
          invitationId: response.invitation_id,
          status: response.status,
          data: response.data,
          receipt: response.receipt,
          startedAt: response.started_at.toISOString(),
          completedAt: iso(response.completed_at),
          updatedAt: response.updated_at.toISOString(),
          revisions: response.revisions.map((revision) => ({
            data: revision.data,
            completedAt: revision.completed_at === null ? null : new Date(revision.completed_at).toISOString(),
            replacedAt: new Date(revision.replaced_at).toISOString(),
          })),
        })),
        mail: mail.map((message) => ({
          id: message.id,
          campaignId: message.campaign_id,
          kind: message.kind,
          recipient: message.recipient,
          subject: message.subject,
          body: message.body,
          status: message.status,
          createdAt: message.created_at.toISOString(),
          sentAt: iso(message.sent_at),
        })),
        audit: audit.map((event) => ({
          seq: event.seq === null ? null : Number(event.seq),
          at: event.at.toISOString(),
          actorEmail: event.actor_email,
          action: event.action,
          subject: event.subject,
          payload: event.payload,
        })),
      };
      await this.audit.record(manager, {
        actor,
        action: 'member.exported',
        subject: `member:${memberId}`,
        payload: { invitations: result.invitations.length, responses: result.responses.length },
      });
      return result;
    });
  }

  async erase(actor: Actor, memberId: string, input: EraseMemberDto): Promise<MemberEraseResult> {
    requireRole(actor, []);
    return this.dataSource.transaction(async (manager) => {
      const member = await this.member(manager, memberId, true);
      const invitations = await manager.query<Array<{ id: string }>>(
        'SELECT id FROM invitations WHERE member_id = $1 FOR UPDATE',
        [memberId],
      );
      const invitationIds = invitations.map((invitation) => invitation.id);
      let responses: Array<{ id: string }>;
      if (input.responses === 'delete') {
        // TypeORM answers UPDATE and DELETE with [rows, affected].
        [responses] = await manager.query<[Array<{ id: string }>, number]>(
          'DELETE FROM responses WHERE invitation_id = ANY($1::uuid[]) RETURNING id',
          [invitationIds],
        );
      } else {
        // Detaching keeps network, country, role and language (what anonymous campaigns keep) and
        // the answers; the rollup trigger ignores the change, as the tallies stay the same.
        [responses] = await manager.query<[Array<{ id: string }>, number]>(
          'UPDATE responses SET invitation_id = NULL WHERE invitation_id = ANY($1::uuid[]) RETURNING id',
          [invitationIds],
        );
      }
      const [messages] = await manager.query<[Array<{ id: string }>, number]>(
        'DELETE FROM outbox WHERE invitation_id = ANY($1::uuid[]) RETURNING id',
        [invitationIds],
      );
      await manager.query('DELETE FROM invitations WHERE id = ANY($1::uuid[])', [invitationIds]);
      await manager.query('DELETE FROM network_members WHERE id = $1', [memberId]);
      const result: MemberEraseResult = {
        memberId,
        invitations: invitationIds.length,
        messages: messages.length,
        responses: responses.length,
        mode: input.responses,
      };
      // No name or e-mail in the event: it outlives the member in the hash-chained log.
      await this.audit.record(manager, {
        actor,
        action: 'member.erased',
        subject: `member:${memberId}`,
        payload: { networkId: member.network_id, ...result },
      });
      return result;
    });
  }
}

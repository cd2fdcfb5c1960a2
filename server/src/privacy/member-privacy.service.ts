import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberEraseResult, MemberExport } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { auditEventsAbout, AuditService } from '../audit';
import { deleteInvitationRecords, invitationsOfMember } from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { deleteMessagesOfInvitations, messagesOfInvitations } from '../mail';
import { deleteMemberRecords, findMemberRecord, type MemberRecord } from '../networks';
import { deleteResponsesOfInvitations, detachResponsesOfInvitations, responsesOfInvitations } from '../responses';
import type { EraseMemberDto } from './dto/privacy.dto';

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

/**
 * A member's rights over the data held on them: everything exported in one document, or erased.
 * Erasing removes the member row (name, e-mail), their personal links and the mail queued for them,
 * and either detaches their responses (kept for the tallies without identity) or deletes them; the
 * tally rollup follows through the trigger on responses, as for any other change. Responses to
 * anonymous campaigns are linked to nobody (their campaign promised that), so they are neither
 * exported nor touched here. Each table is read and written through its owning feature.
 */
@Injectable()
export class MemberPrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async member(manager: EntityManager, id: string, lock: boolean): Promise<MemberRecord> {
    const member = await findMemberRecord(manager, id, { lock });
    if (member === null) throw new DomainError('member_not_found', `No member has the id ${id}`);
    return member;
  }

  async export(actor: Actor, memberId: string): Promise<MemberExport> {
    requireRole(actor, []);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const member = await this.member(manager, memberId, false);
      const invitations = await invitationsOfMember(manager, memberId, { lock: false });
      const invitationIds = invitations.map((invitation) => invitation.id);
      const responses = await responsesOfInvitations(manager, invitationIds);
      const mail = await messagesOfInvitations(manager, invitationIds);
      // Events about the member, one of their links or responses, or naming their address.
      const audit = await auditEventsAbout(
        manager,
        [
          `member:${memberId}`,
          ...invitationIds.map((id) => `invitation:${id}`),
          ...responses.map((response) => `response:${response.id}`),
        ],
        [
          memberId,
          ...invitationIds,
          ...responses.map((response) => response.id),
          JSON.stringify(member.email).slice(1, -1),
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
      const invitationIds = (await invitationsOfMember(manager, memberId, { lock: true })).map(
        (invitation) => invitation.id,
      );
      const responses =
        input.responses === 'delete'
          ? await deleteResponsesOfInvitations(manager, invitationIds)
          : await detachResponsesOfInvitations(manager, invitationIds);
      const messages = await deleteMessagesOfInvitations(manager, invitationIds);
      await deleteInvitationRecords(manager, invitationIds);
      await deleteMemberRecords(manager, [memberId]);
      const result: MemberEraseResult = {
        memberId,
        invitations: invitationIds.length,
        messages,
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuditAction,
  MemberImportResult,
  MemberInput,
  MemberUpsertResult,
  NetworkMemberDto,
} from '@concord/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { Network } from './entities/network.entity';
import { NetworkMember } from './entities/network-member.entity';
import { checkMemberList, parseMemberCsv } from './member-csv';

const MEMBER_MANAGERS = ['secretariat'] as const;

export function toMemberDto(member: NetworkMember): NetworkMemberDto {
  return {
    id: member.id,
    networkId: member.networkId,
    name: member.name,
    email: member.email,
    country: member.country,
    role: member.role,
    language: member.language,
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
  };
}

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, networkId: string): Promise<NetworkMemberDto[]> {
    requireRole(actor, MEMBER_MANAGERS);
    await this.requireNetwork(this.dataSource.manager, networkId);
    const members = await this.dataSource
      .getRepository(NetworkMember)
      .find({ where: { networkId }, order: { country: 'ASC', name: 'ASC' } });
    return members.map(toMemberDto);
  }

  /**
   * Members by id, for features that list people they invited (whatever network they belong to
   * now). The map iterates by country, name and e-mail, in the database's collation.
   */
  async byIds(actor: Actor, ids: readonly string[]): Promise<Map<string, NetworkMemberDto>> {
    requireRole(actor, MEMBER_MANAGERS);
    if (ids.length === 0) return new Map();
    const members = await this.dataSource.getRepository(NetworkMember).find({
      where: { id: In([...ids]) },
      order: { country: 'ASC', name: 'ASC', email: 'ASC' },
    });
    return new Map(members.map((member) => [member.id, toMemberDto(member)]));
  }

  /**
   * Every member of the given networks, oldest first, for a feature inviting them all (campaigns);
   * the caller has checked the actor's access and passes its transaction.
   */
  async inNetworks(
    manager: EntityManager,
    networkIds: readonly string[],
  ): Promise<Array<{ id: string; networkId: string }>> {
    if (networkIds.length === 0) return [];
    const members = await manager.getRepository(NetworkMember).find({
      select: { id: true, networkId: true },
      where: { networkId: In([...networkIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return members.map(({ id, networkId }) => ({ id, networkId }));
  }

  async upsert(actor: Actor, networkId: string, body: unknown): Promise<MemberUpsertResult> {
    requireRole(actor, MEMBER_MANAGERS);
    const checked = checkMemberList(body);
    if ('problems' in checked) throw new DomainError('bad_request', checked.problems.join('; '), checked.problems);
    const emails = new Set(checked.members.map((member) => member.email));
    if (emails.size !== checked.members.length) {
      throw new DomainError('bad_request', 'The same e-mail address appears more than once in the list');
    }
    return this.store(actor, networkId, checked.members, 'members.upserted');
  }

  async importCsv(actor: Actor, networkId: string, body: unknown): Promise<MemberImportResult> {
    requireRole(actor, MEMBER_MANAGERS);
    if (typeof body !== 'string') {
      throw new DomainError(
        'bad_request',
        'Send the member list as text/csv with the header name,email,country,role,language',
      );
    }
    const parsed = parseMemberCsv(body);
    if ('fileError' in parsed) throw new DomainError('bad_request', parsed.fileError);
    const counts =
      parsed.members.length === 0
        ? await this.requireNetwork(this.dataSource.manager, networkId).then(() => ({ created: 0, updated: 0 }))
        : await this.store(actor, networkId, parsed.members, 'members.imported', parsed.errors.length);
    return { ...counts, errors: parsed.errors };
  }

  /** One statement upserts the whole list; xmax = 0 tells a fresh row from an updated one. */
  private async store(
    actor: Actor,
    networkId: string,
    members: MemberInput[],
    action: Extract<AuditAction, `members.${string}`>,
    rejected = 0,
  ): Promise<MemberUpsertResult> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireNetwork(manager, networkId);
      const rows = await manager.query<Array<{ inserted: boolean }>>(
        `INSERT INTO network_members (network_id, name, email, country, role, language)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (email) DO UPDATE SET
           network_id = excluded.network_id, name = excluded.name, country = excluded.country,
           role = excluded.role, language = excluded.language, updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          networkId,
          members.map((member) => member.name),
          members.map((member) => member.email),
          members.map((member) => member.country),
          members.map((member) => member.role),
          members.map((member) => member.language),
        ],
      );
      const created = rows.filter((row) => row.inserted).length;
      const result = { created, updated: rows.length - created };
      await this.audit.record(manager, {
        actor,
        action,
        subject: `network:${networkId}`,
        payload: { ...result, ...(action === 'members.imported' ? { rejectedLines: rejected } : {}) },
      });
      return result;
    });
  }

  private async requireNetwork(manager: EntityManager, networkId: string): Promise<void> {
    const exists = await manager.getRepository(Network).existsBy({ id: networkId });
    if (!exists) throw new DomainError('network_not_found', `Network ${networkId} not found`);
  }
}

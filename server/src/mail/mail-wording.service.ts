import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CampaignMailWordingDto,
  MAIL_PLACEHOLDERS,
  MAIL_WORDING_KINDS,
  type MailWordingDto,
  type MailWordingInput,
  type MailWordingKind,
  MEMBER_LANGUAGES,
  type MemberLanguage,
} from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { CampaignsService } from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { CampaignMailWording } from './entities/campaign-mail-wording.entity';
import { campaignWording, placeholderProblems } from './mail-templates';
import { DEFAULT_MAIL_WORDING, type MailWording } from './mail-wording';

const WORDING_STAFF = ['secretariat'] as const;

/** A campaign's own invitation and reminder wording per language, over the default wording. */
@Injectable()
export class MailWordingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
  ) {}

  async get(actor: Actor, campaignId: string): Promise<CampaignMailWordingDto> {
    requireRole(actor, WORDING_STAFF);
    await this.campaigns.requireCampaign(this.dataSource.manager, campaignId);
    return this.dto(this.dataSource.manager, campaignId);
  }

  /**
   * Sets the campaign's wording of one kind in one language. Messages queued from now on use it;
   * those already queued keep theirs. Unknown placeholders and a body without the link are a 400
   * naming them, before anything is written.
   */
  async set(
    actor: Actor,
    campaignId: string,
    kind: MailWordingKind,
    language: MemberLanguage,
    input: MailWordingInput,
  ): Promise<CampaignMailWordingDto> {
    requireRole(actor, WORDING_STAFF);
    const problems = (['subject', 'body'] as const).flatMap((field) => {
      const messages = placeholderProblems(field, input[field]);
      return messages.length === 0 ? [] : [{ field, messages }];
    });
    if (problems.length > 0) {
      throw new DomainError('bad_request', problems.flatMap((problem) => problem.messages).join('; '), problems);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.campaigns.requireCampaign(manager, campaignId);
      await manager.upsert(
        CampaignMailWording,
        { campaignId, kind, language, subject: input.subject, body: input.body, updatedAt: new Date() },
        ['campaignId', 'kind', 'language'],
      );
      await this.audit.record(manager, {
        actor,
        action: 'campaign.mail_wording_set',
        subject: `campaign:${campaignId}`,
        payload: { kind, language, subject: input.subject, body: input.body },
      });
      return this.dto(manager, campaignId);
    });
  }

  /** Goes back to the default wording of one kind in one language; nothing to reset is no change and no event. */
  async reset(
    actor: Actor,
    campaignId: string,
    kind: MailWordingKind,
    language: MemberLanguage,
  ): Promise<CampaignMailWordingDto> {
    requireRole(actor, WORDING_STAFF);
    return this.dataSource.transaction(async (manager) => {
      await this.campaigns.requireCampaign(manager, campaignId);
      const result = await manager.delete(CampaignMailWording, { campaignId, kind, language });
      if ((result.affected ?? 0) > 0) {
        await this.audit.record(manager, {
          actor,
          action: 'campaign.mail_wording_reset',
          subject: `campaign:${campaignId}`,
          payload: { kind, language },
        });
      }
      return this.dto(manager, campaignId);
    });
  }

  /** The wording messages of this campaign are written with, read in the caller's transaction. */
  async wordingOf(manager: EntityManager, campaignId: string): Promise<Record<MemberLanguage, MailWording>> {
    return campaignWording(await manager.find(CampaignMailWording, { where: { campaignId } }));
  }

  private async dto(manager: EntityManager, campaignId: string): Promise<CampaignMailWordingDto> {
    const own = await manager.find(CampaignMailWording, { where: { campaignId } });
    const templates: MailWordingDto[] = MAIL_WORDING_KINDS.flatMap((kind) =>
      MEMBER_LANGUAGES.map((language) => {
        const row = own.find((candidate) => candidate.kind === kind && candidate.language === language);
        const template = row ?? DEFAULT_MAIL_WORDING[language][kind];
        return {
          kind,
          language,
          subject: template.subject,
          body: template.body,
          custom: row !== undefined,
          updatedAt: row?.updatedAt.toISOString() ?? null,
        };
      }),
    );
    return { placeholders: [...MAIL_PLACEHOLDERS], templates };
  }
}

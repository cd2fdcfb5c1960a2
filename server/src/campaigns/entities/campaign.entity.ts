import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignStatus } from '@concord/shared';

/** One published questionnaire version sent to one or more networks, for a period. */
@Entity('campaigns')
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Index('campaigns_survey_id_idx')
  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  /** The pinned version: every response of the campaign answers exactly this definition. */
  @Column('uuid', { name: 'survey_version_id' })
  surveyVersionId: string;

  @Column('int')
  version: number;

  @Column('uuid', { name: 'network_ids', array: true })
  networkIds: string[];

  @Column('timestamptz', { name: 'opens_at', nullable: true })
  opensAt: Date | null;

  @Column('timestamptz', { name: 'closes_at', nullable: true })
  closesAt: Date | null;

  /** Responses keep network, country, role and language, never who answered. */
  @Column('boolean', { default: false })
  anonymous: boolean;

  /** Respondents may change a completed response until the campaign closes. */
  @Column('boolean', { name: 'allow_edits', default: false })
  allowEdits: boolean;

  @Column('text', { default: 'open' })
  status: CampaignStatus;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Days after closing when respondent identities are removed (null: kept). */
  @Column('int', { name: 'retention_days', nullable: true })
  retentionDays: number | null;

  /** When the retention job detached the responses from their invitations. */
  @Column('timestamptz', { name: 'identities_removed_at', nullable: true })
  identitiesRemovedAt: Date | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

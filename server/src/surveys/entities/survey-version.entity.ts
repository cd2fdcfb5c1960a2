import type { SurveyDefinition, SurveyVersionStatus } from '@concord/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { StampedRow } from '../../database/stamped-row';
import { Survey } from './survey.entity';

/** One numbered version of a survey; editable while draft, frozen once published. */
@Entity('survey_versions')
@Index('survey_versions_survey_version_key', ['surveyId', 'version'], { unique: true })
export class SurveyVersion extends StampedRow {
  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column('int')
  version: number;

  @Column('text', { default: 'draft' })
  status: SurveyVersionStatus;

  @Column('jsonb')
  definition: SurveyDefinition;

  /** sha256 of the canonical JSON of the definition. */
  @Column('text', { name: 'definition_hash' })
  definitionHash: string;

  @Column('text', { default: '' })
  changelog: string;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  /** null when the system created it (seeding). */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;
}

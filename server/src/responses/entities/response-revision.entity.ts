import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyResponse } from './survey-response.entity';

/** The answers a completed response had before an edit (campaigns that allow edits keep history). */
@Entity('response_revisions')
export class ResponseRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('response_revisions_response_id_idx')
  @Column('uuid', { name: 'response_id' })
  responseId: string;

  @ManyToOne(() => SurveyResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: SurveyResponse;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('timestamptz', { name: 'replaced_at', default: () => 'now()' })
  replacedAt: Date;
}

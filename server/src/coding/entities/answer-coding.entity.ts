import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CodingTheme } from './coding-theme.entity';

/**
 * One coder's coding of one answer: the answer counts as coded by that coder even with no theme
 * ("none applies"), which matters for progress and for agreement. Each coder keeps their own.
 */
@Entity('coding_answer_codings')
@Index('coding_answer_codings_key', ['responseId', 'question', 'coderId'], { unique: true })
@Index('coding_answer_codings_campaign_idx', ['campaignId', 'question', 'coderId'])
export class AnswerCoding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  // By entity name, not class: the coding feature does not import another feature's entities.
  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: unknown;

  /** A response erased from the campaign takes its codings with it. */
  @Column('uuid', { name: 'response_id' })
  responseId: string;

  @ManyToOne('SurveyResponse', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: unknown;

  @Column('text')
  question: string;

  @Column('uuid', { name: 'coder_id' })
  coderId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id' })
  coder?: unknown;

  /** The coder's name when they last coded, to show beside agreement figures. */
  @Column('text', { name: 'coder_name' })
  coderName: string;

  @Column('timestamptz', { name: 'coded_at', default: () => 'now()' })
  codedAt: Date;
}

/** A theme in one coding; `suggested` until the coder confirms a theme applied from a suggestion. */
@Entity('coding_answer_themes')
@Index('coding_answer_themes_theme_idx', ['themeId'])
export class AnswerCodingTheme {
  @PrimaryColumn('uuid', { name: 'coding_id' })
  codingId: string;

  @ManyToOne(() => AnswerCoding, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coding_id' })
  coding?: AnswerCoding;

  @PrimaryColumn('uuid', { name: 'theme_id' })
  themeId: string;

  // No cascade: a theme with codings is merged, never deleted.
  @ManyToOne(() => CodingTheme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme_id' })
  theme?: CodingTheme;

  @Column('boolean', { default: false })
  suggested: boolean;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A theme that free-text answers of one question are coded into. Themes belong to a survey, not to
 * a version or campaign, so codes keep their meaning across versions that ask the same question.
 * A merged theme stays as a row pointing at the theme it was merged into (its codings moved there),
 * so references to it can still be resolved.
 */
@Entity('coding_themes')
@Index('coding_themes_survey_question_idx', ['surveyId', 'question'])
@Index('coding_themes_active_name_key', ['surveyId', 'question', 'nameKey'], {
  unique: true,
  where: '"merged_into_id" IS NULL',
})
export class CodingTheme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  // By entity name, not class: the coding feature does not import another feature's entities.
  @ManyToOne('Survey', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: unknown;

  /** The answer key: a question name, or `<name>-Comment` for the text of an "other" item. */
  @Column('text')
  question: string;

  @Column('text')
  name: string;

  /** The name folded for comparison: one active theme per name and question, whatever the case and spacing. */
  @Column('text', { name: 'name_key' })
  nameKey: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CodingTheme, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: CodingTheme;

  @Column('int')
  position: number;

  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => CodingTheme, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: CodingTheme;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}

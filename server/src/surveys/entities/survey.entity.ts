import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A questionnaire: a stable slug and title; its content lives in numbered versions. */
@Entity('surveys')
export class Survey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('surveys_slug_key', { unique: true })
  @Column('text')
  slug: string;

  @Column('text')
  title: string;

  /** null when the system created it (seeding). */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

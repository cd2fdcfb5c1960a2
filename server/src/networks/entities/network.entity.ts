import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A regional network of partner countries around one secretariat. */
@Entity('networks')
export class Network {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('networks_code_key', { unique: true })
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  /** City of the regional secretariat. */
  @Column('text')
  hub: string;

  /** Partner countries (known so far; members may add others through their own country). */
  @Column('text', { array: true, default: () => "'{}'" })
  countries: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  observers: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

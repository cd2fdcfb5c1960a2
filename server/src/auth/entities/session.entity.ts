import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/** A staff login. Kept in PostgreSQL so every server instance sees it and logout ends it everywhere. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** sha256 of the cookie value; the cookie itself is never stored. */
  @Index('sessions_token_hash_key', { unique: true })
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Index('sessions_user_id_idx')
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('text', { name: 'csrf_token' })
  csrfToken: string;

  /**
   * Set at sign-in when the user's role must use two-factor sign-in and they have not set it up:
   * such a session can only reach the set-up routes until they do.
   */
  @Column('boolean', { name: 'totp_enrolment_required', default: false })
  totpEnrolmentRequired: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}

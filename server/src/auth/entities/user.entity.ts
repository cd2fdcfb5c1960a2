import { Column, Entity, Index } from 'typeorm';
import { StampedRow } from '../../database/stamped-row';
import type { StaffRole } from '@concord/shared';

@Entity('users')
export class User extends StampedRow {
  /** Stored lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  role: StaffRole;

  /** argon2id encoded hash. */
  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('boolean', { default: false })
  disabled: boolean;

  /** The confirmed TOTP secret, encrypted (see totp-crypto.ts); null while two-factor sign-in is off. */
  @Column('text', { name: 'totp_secret', nullable: true })
  totpSecret: string | null;

  /** A secret handed out by set-up and not yet confirmed with a first code, encrypted. */
  @Column('text', { name: 'totp_pending_secret', nullable: true })
  totpPendingSecret: string | null;

  /** The last 30-second step whose code was accepted: a code works once, even within its window. */
  @Column('bigint', {
    name: 'totp_last_step',
    nullable: true,
    transformer: {
      to: (value: number | null) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  totpLastStep: number | null;

  /** `<issuer> <sub>` of the OpenID Connect account this user signs in with, when one is linked. */
  @Index('users_oidc_subject_key', { unique: true })
  @Column('text', { name: 'oidc_subject', nullable: true })
  oidcSubject: string | null;
}

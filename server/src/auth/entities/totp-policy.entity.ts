import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '@concord/shared';

/** The one row (id 1) saying which roles must use two-factor sign-in. */
@Entity('totp_policy')
export class TotpPolicy {
  @PrimaryColumn('int')
  id: number;

  @Column('text', { name: 'required_roles', array: true, default: () => "'{}'" })
  requiredRoles: StaffRole[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

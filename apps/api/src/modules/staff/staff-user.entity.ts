import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { STAFF_ROLES, type StaffRole } from '@kabinet/shared';

/** A staff member: logs in with a login and password; the role decides the permissions. */
@Entity('staff_users')
@Check('staff_users_role_ck', `role IN (${STAFF_ROLES.map((r) => `'${r}'`).join(', ')})`)
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The employee's id in 1C, when the account came from there. */
  @Index('staff_users_external_id_uq', { unique: true, where: 'external_id IS NOT NULL' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  /** Stored lower-case; logins are case-insensitive. */
  @Index('staff_users_login_uq', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  login: string;

  /** argon2id; null until a password is set (an account imported from 1C). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 300 })
  fullName: string;

  @Column({ type: 'varchar', length: 20 })
  role: StaffRole;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** SHA-256 of the 1C record as last imported: the same record again is "unchanged". */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

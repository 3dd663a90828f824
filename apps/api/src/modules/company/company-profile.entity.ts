import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { StoredFile } from '../files/stored-file.entity';
import { StaffUser } from '../staff/staff-user.entity';

/**
 * The company as customers see it: name, logo, brand colour and contacts. One row (id 1), set by
 * admins in the app; created at the first start from `COMPANY_*`, which it then overrides.
 */
@Entity('company_profile')
@Check('company_profile_single_ck', 'id = 1')
@Check('company_profile_color_ck', `color ~ '^#[0-9a-f]{6}$'`)
export class CompanyProfile {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  /** What the company does, one line under the name (the login page). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  /** The logo's bytes in `stored_files` (a PNG, JPEG, GIF or WebP, sniffed). */
  @Column({ type: 'uuid', nullable: true })
  logoFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'logo_file_id' })
  logoFile?: StoredFile | null;

  /** The brand colour, `#rrggbb` in lower case; null keeps the app's own. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  color: string | null;

  /** E.164, in the order shown. */
  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  phones: string[];

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  /** Working hours as free text. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  hours: string | null;

  @TimestampColumn({ default: () => 'now()' })
  updatedAt: Date;

  /** The admin who saved it last; null while it is what the first start took from COMPANY_*. */
  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: StaffUser | null;
}

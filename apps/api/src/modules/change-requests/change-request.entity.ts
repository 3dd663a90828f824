import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  CHANGE_REQUEST_STATUSES,
  PROFILE_FIELDS,
  type ChangeRequestStatus,
  type ProfileField,
} from '@kabinet/shared';
import { TimestampColumn } from '../../common/columns';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';

/**
 * A customer's request to change their phone or e-mail. The manager makes the change in 1C; the
 * new value then arrives with the next import. Exported to 1C when created.
 */
@Entity('profile_change_requests')
@Index('profile_change_requests_status_created_idx', ['status', 'createdAt'])
@Check(
  'profile_change_requests_field_ck',
  `field IN (${PROFILE_FIELDS.map((f) => `'${f}'`).join(', ')})`,
)
@Check(
  'profile_change_requests_status_ck',
  `status IN (${CHANGE_REQUEST_STATUSES.map((s) => `'${s}'`).join(', ')})`,
)
export class ProfileChangeRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('profile_change_requests_customer_id_idx')
  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column({ type: 'varchar', length: 10 })
  field: ProfileField;

  /** The value the customer asks for (E.164 for a phone). */
  @Column({ type: 'varchar', length: 200 })
  value: string;

  /** The value 1C had when the request was made. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  previousValue: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: ChangeRequestStatus;

  /** The staff member's answer, shown to the customer. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  resolution: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'resolved_by_id' })
  resolvedBy?: StaffUser | null;

  @TimestampColumn({ nullable: true })
  resolvedAt: Date | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}

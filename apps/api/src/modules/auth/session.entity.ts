import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';

/**
 * A server-side session. The cookie holds a random token; only its SHA-256 is stored, so a
 * leaked table cannot be replayed.
 */
@Entity('sessions')
@Check('sessions_one_subject_ck', '(customer_id IS NULL) <> (staff_user_id IS NULL)')
export class Session {
  /** sha256(token), hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('sessions_customer_id_idx')
  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer | null;

  @Index('sessions_staff_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: StaffUser | null;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  lastSeenAt: Date;

  @Index('sessions_expires_at_idx')
  @TimestampColumn()
  expiresAt: Date;

  /**
   * A staff session looking at a customer's cabinet read-only ("view as customer"): while set,
   * the session acts as this customer and every change is refused.
   */
  @Column({ type: 'uuid', nullable: true })
  viewAsCustomerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'view_as_customer_id' })
  viewAsCustomer?: Customer | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}

import { createHash } from 'node:crypto';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '@kabinet/shared';
import { TimestampColumn } from '../../common/columns';
import { Contract } from '../contracts/contract.entity';
import { Customer } from '../customers/customer.entity';

/**
 * TypeORM compares checks by name only, so the name carries a hash of the kinds: a new kind
 * renames the check and `migration:generate` replaces it (and the drift test notices a missing
 * migration) instead of leaving the old list in force.
 */
const KIND_CHECK_NAME = `notifications_kind_${createHash('sha256')
  .update(NOTIFICATION_KINDS.join(','))
  .digest('hex')
  .slice(0, 8)}_ck`;

/**
 * Something a customer is told about, shown in the cabinet. The text is not stored: the SPA
 * renders `kind` with `params` in the reader's language.
 */
@Entity('notifications')
@Index('notifications_customer_created_idx', ['customerId', 'createdAt'])
@Index('notifications_contract_created_idx', ['contractId', 'createdAt'])
@Check(KIND_CHECK_NAME, `kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** The contract it is about, if any. */
  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract | null;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  /** The facts the text is made of, e.g. `{ number, status }` or `{ amount, currency }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | null>;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  readAt: Date | null;
}

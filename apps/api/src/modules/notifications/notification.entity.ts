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
 * Something a customer is told about, shown in the cabinet. The text is not stored: the SPA
 * renders `kind` with `params` in the reader's language.
 */
@Entity('notifications')
@Index('notifications_customer_created_idx', ['customerId', 'createdAt'])
@Index('notifications_contract_created_idx', ['contractId', 'createdAt'])
@Check('notifications_kind_ck', `kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
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

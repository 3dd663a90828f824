import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MoneyColumn, TimestampColumn } from '../../common/columns';
import { Contract } from '../contracts/contract.entity';

/** The notification kinds the payment-notice job raises. */
export const PAYMENT_NOTICE_KINDS = ['payment_reminder', 'payment_overdue'] as const;
export type PaymentNoticeKind = (typeof PAYMENT_NOTICE_KINDS)[number];

/**
 * The ledger of the payment-notice job: a contract's payment due on a date was told about, of
 * each kind at most once (the unique index). 1C rewrites a contract's schedule rows on every
 * change, so a row is known by its contract and due date, not by its id: rows due the same day
 * are one payment, and a payment moved to another date is a new one.
 */
@Entity('payment_notices')
@Index('payment_notices_contract_kind_due_uq', ['contractId', 'kind', 'dueDate'], { unique: true })
@Check(
  'payment_notices_kind_ck',
  `kind IN (${PAYMENT_NOTICE_KINDS.map((k) => `'${k}'`).join(', ')})`,
)
export class PaymentNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  @Column({ type: 'varchar', length: 40 })
  kind: PaymentNoticeKind;

  @Column({ type: 'date' })
  dueDate: string;

  /** What was left to pay of that date's rows when the notice was made. */
  @MoneyColumn()
  amount: string;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}

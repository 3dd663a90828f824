import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { StaffUser } from '../staff/staff-user.entity';

/** What staff are told about by e-mail: someone is guessing a staff member's password. */
export const STAFF_NOTICE_KINDS = ['login_attack'] as const;
export type StaffNoticeKind = (typeof STAFF_NOTICE_KINDS)[number];

/**
 * A message to a staff member (the customers' counterpart is `notifications`): delivered by
 * e-mail through the same outbox (`notification_deliveries`) and poller. The text is made from
 * `kind` and `params` when it is sent (see `staff-notice-texts.ts`).
 */
@Entity('staff_notices')
@Index('staff_notices_recipient_created_idx', ['recipientId', 'createdAt'])
@Check('staff_notices_kind_ck', `kind IN (${STAFF_NOTICE_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class StaffNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: StaffUser;

  @Column({ type: 'varchar', length: 40 })
  kind: StaffNoticeKind;

  /** The facts the text is made of, e.g. `{ login, fullName, ip, failures, lockedUntil }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | null>;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}

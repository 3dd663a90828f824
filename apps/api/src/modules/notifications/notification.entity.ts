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
import { Chat } from '../chats/chat.entity';
import { Contract } from '../contracts/contract.entity';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';

/**
 * TypeORM compares checks by name only, so the name carries a hash of the kinds: a new kind
 * renames the check and `migration:generate` replaces it (and the drift test notices a missing
 * migration) instead of leaving the old list in force.
 */
const KIND_CHECK_NAME = `notifications_kind_${createHash('sha256')
  .update(NOTIFICATION_KINDS.join(','))
  .digest('hex')
  .slice(0, 8)}_ck`;

/** A chat's news waiting to be read: at most one row per chat and person (`chat_message`). */
const UNREAD_CHAT = `kind = 'chat_message' AND read_at IS NULL`;

/**
 * Something a person is told about, shown in the cabinet: a customer (`customerId`) or a staff
 * member (`staffUserId`, news of their chats). The text is not stored: the SPA renders `kind` with
 * `params` in the reader's language.
 */
@Entity('notifications')
@Index('notifications_customer_created_idx', ['customerId', 'createdAt'])
@Index('notifications_staff_created_idx', ['staffUserId', 'createdAt'], {
  where: '"staff_user_id" IS NOT NULL',
})
@Index('notifications_contract_created_idx', ['contractId', 'createdAt'])
@Index('notifications_chat_idx', ['chatId'], { where: '"chat_id" IS NOT NULL' })
// New messages collapse into the one unread row of the chat (`NotificationsRepository.create`).
@Index('notifications_unread_chat_customer_uq', ['customerId', 'chatId'], {
  unique: true,
  where: `${UNREAD_CHAT} AND customer_id IS NOT NULL`,
})
@Index('notifications_unread_chat_staff_uq', ['staffUserId', 'chatId'], {
  unique: true,
  where: `${UNREAD_CHAT} AND staff_user_id IS NOT NULL`,
})
@Check(KIND_CHECK_NAME, `kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('notifications_one_recipient_ck', 'num_nonnulls(customer_id, staff_user_id) = 1')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The customer it is for; or else `staffUserId`. */
  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer | null;

  /** The staff member it is for (a chat's news); or else `customerId`. */
  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: StaffUser | null;

  /** The chat it is about (chat kinds), whose page it opens. */
  @Column({ type: 'uuid', nullable: true })
  chatId: string | null;

  @ManyToOne(() => Chat, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat | null;

  /**
   * The contract it is about, if any (not set for chat kinds: opening the contract reads its
   * notifications, and that is not reading its chat).
   */
  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract | null;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  /**
   * The facts the text is made of, e.g. `{ number, status }` or `{ amount, currency }`; a chat's
   * `{ chatId, chatNumber, contractNumber, messageId, author, preview, count }`.
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | null>;

  /** When it happened; a collapsed chat row: when its latest message came. */
  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  readAt: Date | null;
}

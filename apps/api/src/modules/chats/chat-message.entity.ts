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
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Chat } from './chat.entity';

/**
 * A message. Ids only grow, so "everything after the last id I have" is a reconnect's question.
 * `client_id` is the sender's own id for it: a resend after a lost answer finds the stored one.
 */
@Entity('chat_messages')
@Index('chat_messages_chat_idx', ['chatId', 'id'])
@Index('chat_messages_client_uq', ['chatId', 'clientId'], {
  unique: true,
  where: '"client_id" IS NOT NULL',
})
@Check('chat_messages_kind_ck', `kind IN ('text', 'system')`)
@Check(
  'chat_messages_author_ck',
  `kind = 'system' OR ((author_customer_id IS NULL) <> (author_staff_id IS NULL))`,
)
export class ChatMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  chatId: string;

  @ManyToOne(() => Chat, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ type: 'varchar', length: 10, default: 'text' })
  kind: 'text' | 'system';

  @Column({ type: 'uuid', nullable: true })
  authorCustomerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_customer_id' })
  authorCustomer?: Customer | null;

  @Column({ type: 'uuid', nullable: true })
  authorStaffId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_staff_id' })
  authorStaff?: StaffUser | null;

  /** Plain text as typed (never HTML); for `system`, what happened in words. */
  @Column({ type: 'text' })
  body: string;

  /** For `system` messages: what happened, for the SPA to word it in the reader's language. */
  @Column({ type: 'jsonb', nullable: true })
  systemData: Record<string, unknown> | null;

  /** The message whose picture this one is a new version of. */
  @Column({ type: 'bigint', nullable: true })
  replacesMessageId: string | null;

  @ManyToOne(() => ChatMessage, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'replaces_message_id' })
  replacesMessage?: ChatMessage | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}

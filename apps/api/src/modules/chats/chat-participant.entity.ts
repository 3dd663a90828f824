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
 * A person taking part in a chat: a customer account (the owner, or someone the contract is
 * shared with) or a staff member. Removing keeps the row (`removed_at`), so what they wrote stays
 * attributed and adding them again keeps their read position.
 */
@Entity('chat_participants')
@Index('chat_participants_customer_uq', ['chatId', 'customerId'], {
  unique: true,
  where: '"customer_id" IS NOT NULL',
})
@Index('chat_participants_staff_uq', ['chatId', 'staffUserId'], {
  unique: true,
  where: '"staff_user_id" IS NOT NULL',
})
@Index('chat_participants_customer_idx', ['customerId'], { where: '"removed_at" IS NULL' })
@Index('chat_participants_staff_idx', ['staffUserId'], { where: '"removed_at" IS NULL' })
@Check('chat_participants_one_person_ck', `(customer_id IS NULL) <> (staff_user_id IS NULL)`)
export class ChatParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  chatId: string;

  @ManyToOne(() => Chat, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer | null;

  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: StaffUser | null;

  /** Reads but may not write (a contract shared read-only with a family member). */
  @Column({ type: 'boolean', default: false })
  readOnly: boolean;

  @TimestampColumn({ default: () => 'now()' })
  addedAt: Date;

  /** Set while the person no longer takes part. */
  @TimestampColumn({ nullable: true })
  removedAt: Date | null;

  /** The last message id this person has read (0: none). */
  @Column({ type: 'bigint', default: 0 })
  lastReadId: string;

  @TimestampColumn({ nullable: true })
  lastReadAt: Date | null;
}

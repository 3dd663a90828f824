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
  APPROVAL_ACTIONS,
  APPROVAL_STATES,
  type ApprovalAction,
  type ApprovalState,
} from '@kabinet/shared';
import { TimestampColumn } from '../../common/columns';
import { ChatAttachment } from './chat-attachment.entity';
import { ChatMessage } from './chat-message.entity';
import { Chat } from './chat.entity';

/**
 * A message staff marked as requiring the customer's approval (an engraving layout, a material).
 * Its state is the last step's; every step is kept in `chat_approval_steps`.
 */
@Entity('chat_approvals')
@Index('chat_approvals_chat_idx', ['chatId'])
@Index('chat_approvals_contract_idx', ['contractId'])
@Check('chat_approvals_state_ck', `state IN (${APPROVAL_STATES.map((s) => `'${s}'`).join(', ')})`)
export class ChatApproval {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('chat_approvals_message_uq', { unique: true })
  @Column({ type: 'bigint' })
  messageId: string;

  @ManyToOne(() => ChatMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: ChatMessage;

  @Column({ type: 'uuid' })
  chatId: string;

  @ManyToOne(() => Chat, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  /** The chat's contract when it was asked (the contract page lists its approvals). */
  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  /** The picture version the approval is about (the message's image), if any. */
  @Column({ type: 'uuid', nullable: true })
  attachmentId: string | null;

  @ManyToOne(() => ChatAttachment, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'attachment_id' })
  attachment?: ChatAttachment | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  state: ApprovalState;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;

  @TimestampColumn({ default: () => 'now()' })
  updatedAt: Date;
}

/** One step of an approval: who asked, approved, rejected or revoked, when, and why. */
@Entity('chat_approval_steps')
@Index('chat_approval_steps_approval_idx', ['approvalId', 'at'])
@Check(
  'chat_approval_steps_action_ck',
  `action IN (${APPROVAL_ACTIONS.map((s) => `'${s}'`).join(', ')})`,
)
@Check('chat_approval_steps_actor_ck', `(customer_id IS NULL) <> (staff_user_id IS NULL)`)
export class ChatApprovalStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  approvalId: string;

  @ManyToOne(() => ChatApproval, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'approval_id' })
  approval?: ChatApproval;

  @Column({ type: 'varchar', length: 10 })
  action: ApprovalAction;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  /** A rejection's or a revocation's reason. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @TimestampColumn({ default: () => 'now()' })
  at: Date;
}

/** A numbered comment pinned to a point of an image attachment (x, y from 0 to 1). */
@Entity('chat_pins')
@Index('chat_pins_attachment_uq', ['attachmentId', 'number'], { unique: true })
@Check('chat_pins_point_ck', `x >= 0 AND x <= 1 AND y >= 0 AND y <= 1`)
@Check('chat_pins_author_ck', `(customer_id IS NULL) <> (staff_user_id IS NULL)`)
export class ChatPin {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  attachmentId: string;

  @ManyToOne(() => ChatAttachment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attachment_id' })
  attachment?: ChatAttachment;

  /** 1, 2, 3 ... per picture. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'real' })
  x: number;

  @Column({ type: 'real' })
  y: number;

  @Column({ type: 'varchar', length: 1000 })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}

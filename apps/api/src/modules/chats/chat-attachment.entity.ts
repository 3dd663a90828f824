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
import { Chat } from './chat.entity';
import { ChatMessage } from './chat-message.entity';

/**
 * A file attached in a chat. Uploaded first (no message yet), then sent with a message; an
 * upload never sent is removed after a day. The bytes are in the blob store under `storage_key`
 * (never a name the sender chose), an image's small copy under `thumb_key`.
 */
@Entity('chat_attachments')
@Index('chat_attachments_chat_idx', ['chatId', 'createdAt'])
@Index('chat_attachments_message_idx', ['messageId'])
@Check('chat_attachments_kind_ck', `kind IN ('image', 'file')`)
@Check(
  'chat_attachments_uploader_ck',
  `(uploaded_by_customer_id IS NULL) <> (uploaded_by_staff_id IS NULL)`,
)
export class ChatAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  chatId: string;

  @ManyToOne(() => Chat, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  /** Null until sent. */
  @Column({ type: 'bigint', nullable: true })
  messageId: string | null;

  @ManyToOne(() => ChatMessage, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'message_id' })
  message?: ChatMessage | null;

  /** Order within the message. */
  @Column({ type: 'smallint', default: 0 })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  uploadedByCustomerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedByStaffId: string | null;

  /** The file's name as the sender had it (shown, and offered on download). */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'bigint' })
  size: string;

  /** Sniffed from the bytes. */
  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'image' | 'file';

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  thumbKey: string | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}

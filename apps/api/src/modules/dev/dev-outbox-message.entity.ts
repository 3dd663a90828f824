import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/** An SMS the dev sender "sent": shown on the dev outbox page outside production. */
@Entity('dev_outbox_messages')
export class DevOutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'text' })
  text: string;

  @Index('dev_outbox_messages_created_at_idx')
  @TimestampColumn()
  createdAt: Date;
}

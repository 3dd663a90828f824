import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/** How far each consumer of domain events has got: the id of the last event it handled. */
@Entity('event_cursors')
export class EventCursor {
  /** The consumer's name (`EventConsumer.name`): renaming a consumer starts a new cursor. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer: string;

  @Column({ type: 'bigint', default: 0 })
  position: string;

  @TimestampColumn({ default: () => 'now()' })
  updatedAt: Date;
}

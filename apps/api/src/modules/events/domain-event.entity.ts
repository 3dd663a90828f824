import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { EVENT_SOURCES } from './domain-events';

/**
 * The log of what happened (`domain-events.ts` types it): written only by `appendEvents`, in
 * the transaction of the change; read in `id` order by the dispatcher. No foreign keys: it
 * records facts about contracts and customers, it does not hold them (and inserts stay cheap).
 */
@Entity('domain_events')
@Check('domain_events_source_ck', `source IN (${EVENT_SOURCES.map((s) => `'${s}'`).join(', ')})`)
export class DomainEventRecord {
  /** The one order of events: ids become visible in id order (see events.repository.ts). */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** e.g. `contract.changed`, `payment.recorded` (`DomainEvent['type']`). */
  @Column({ type: 'varchar', length: 60 })
  type: string;

  @TimestampColumn({ default: () => 'now()' })
  occurredAt: Date;

  /** The contract it is about, if any. */
  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  /** The customer it is about, if any. */
  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  /** The facts, per type. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10 })
  source: string;
}

import { Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/**
 * What the exchange keeps besides its runs, in one row (`id` 1): when a cycle last looked at the
 * inbox and outbox. A cycle that finds nothing to do records no run, only this time.
 */
@Entity('exchange_state')
export class ExchangeState {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** The end of the last cycle that could look at the source (whether or not it found work). */
  @TimestampColumn({ nullable: true })
  lastCheckedAt: Date | null;
}

import { Module } from '@nestjs/common';
import { DB, type Db } from '../../database/sql';
import { EventDispatcher } from './event-dispatcher';
import { EventsRepository } from './events.repository';

/**
 * Domain events: the `domain_events` log (appended with `appendEvents`/`EventBuffer` in the
 * transaction of a change, by the API and the import process alike) and the one dispatcher that
 * feeds them to the registered `EventConsumer`s. A module with a consumer imports this module
 * and registers it with `EventDispatcher.register` in its `onModuleInit`.
 */
@Module({
  providers: [
    // No Nest in the repository (the import process builds it with `new`).
    { provide: EventsRepository, useFactory: (db: Db) => new EventsRepository(db), inject: [DB] },
    EventDispatcher,
  ],
  exports: [EventDispatcher],
})
export class EventsModule {}

import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DB, type Database, type Db } from '../../database/sql';
import type { DomainEvent } from '../events/domain-events';
import { EventDispatcher, type EventConsumer } from '../events/event-dispatcher';
import { ChatsService } from './chats.service';

/**
 * Gives a contract its own chat when 1C brings it (the customer and the manager take part) and
 * makes a new manager of a contract a participant of its chat; a person the contract is shared
 * with takes part in its chats while the share lasts (read-only when it is). At start it also gives every live
 * contract without a chat one (contracts that came before chats existed); replicas starting
 * together do it once, the unique index on a contract's own chat decides.
 */
@Injectable()
export class ChatsConsumer implements EventConsumer, OnModuleInit, OnApplicationBootstrap {
  readonly name = 'chats';
  readonly fromStart = false;

  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly chats: ChatsService,
    @Inject(DB) private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.db.transaction((tx) => this.chats.ensureContractChats(tx, null));
  }

  async handle(tx: Db, events: readonly DomainEvent[]): Promise<void> {
    const ids = new Set<string>();
    for (const e of events) {
      if (e.type === 'contract.changed' && e.payload.change !== 'archived') ids.add(e.contractId);
    }
    if (ids.size) await this.chats.ensureContractChats(tx, [...ids]);
    // Someone a contract is shared with takes part in its chats while the share lasts.
    for (const e of events) {
      if (e.type === 'contract.shared' || e.type === 'contract.share_changed') {
        await this.chats.applyShare(
          tx,
          e.contractId,
          e.payload.granteeCustomerId,
          e.payload.access,
        );
      } else if (e.type === 'contract.share_revoked') {
        await this.chats.applyShare(tx, e.contractId, e.payload.granteeCustomerId, null);
      }
    }
  }
}

import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccessModule } from '../access/access.module';
import { EventsModule } from '../events/events.module';
import { StorageModule } from '../storage/storage.module';
import { ChatsHousekeeping } from './chats.housekeeping';
import { ChatsRealtime } from './chats.realtime';
import { ExchangeModule } from '../exchange/exchange.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { ChatsConsumer } from './chats.consumer';
import { ChatsController } from './chats.controller';
import { ChatsRepository } from './chats.repository';
import { ChatsService } from './chats.service';
import { PinsController } from './pins.controller';
import { PinsRepository } from './pins.repository';
import { PinsService } from './pins.service';

/**
 * Chats: a contract's own chat, chats staff open, messages, participants, read marks; approvals
 * (their decisions go to 1C through the exchange's outbox) and comments pinned to pictures.
 */
@Module({
  imports: [AccessModule, EventsModule, StorageModule, ExchangeModule, NotificationsModule],
  controllers: [ChatsController, ApprovalsController, PinsController],
  providers: [
    ChatsRepository,
    ApprovalsRepository,
    PinsRepository,
    ChatsService,
    ApprovalsService,
    PinsService,
    ChatsConsumer,
    ChatsHousekeeping,
    ChatsRealtime,
  ],
  exports: [ChatsService],
})
export class ChatsModule {}

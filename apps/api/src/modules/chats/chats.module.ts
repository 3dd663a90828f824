import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { EventsModule } from '../events/events.module';
import { StorageModule } from '../storage/storage.module';
import { ChatsHousekeeping } from './chats.housekeeping';
import { ChatsRealtime } from './chats.realtime';
import { ApprovalsRepository } from './approvals.repository';
import { ChatsConsumer } from './chats.consumer';
import { ChatsController } from './chats.controller';
import { ChatsRepository } from './chats.repository';
import { ChatsService } from './chats.service';

/** Chats: a contract's own chat, chats staff open, messages, participants, read marks. */
@Module({
  imports: [AccessModule, EventsModule, StorageModule],
  controllers: [ChatsController],
  providers: [
    ChatsRepository,
    ApprovalsRepository,
    ChatsService,
    ChatsConsumer,
    ChatsHousekeeping,
    ChatsRealtime,
  ],
  exports: [ChatsService],
})
export class ChatsModule {}

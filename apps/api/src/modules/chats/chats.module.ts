import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { EventsModule } from '../events/events.module';
import { ApprovalsRepository } from './approvals.repository';
import { ChatsConsumer } from './chats.consumer';
import { ChatsController } from './chats.controller';
import { ChatsRepository } from './chats.repository';
import { ChatsService } from './chats.service';

/** Chats: a contract's own chat, chats staff open, messages, participants, read marks. */
@Module({
  imports: [AccessModule, EventsModule],
  controllers: [ChatsController],
  providers: [ChatsRepository, ApprovalsRepository, ChatsService, ChatsConsumer],
  exports: [ChatsService],
})
export class ChatsModule {}

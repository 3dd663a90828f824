import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import type { ChatActor } from '@kabinet/shared';
import type { Db } from '../../database/sql';
import type { AuthContext } from '../auth/auth-context';
import type { DomainEvent } from '../events/domain-events';
import { EventDispatcher, type EventConsumer } from '../events/event-dispatcher';
import { RealtimeService } from '../realtime/realtime.service';
import { chatRoom } from '../realtime/realtime.types';
import { SendMessageDto, toMessage } from './chats.dto';
import { ChatsRepository } from './chats.repository';
import { ChatsService } from './chats.service';

class ChatRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'chatId must be a chat’s id' })
  chatId: string;
}

class SocketSendDto extends SendMessageDto {
  @IsUUID('all', { message: 'chatId must be a chat’s id' })
  chatId: string;
}

const MESSAGE_ID = /^[1-9]\d{0,17}$/;

class SinceDto extends ChatRefDto {
  @Matches(/^(0|[1-9]\d{0,17})$/, {
    message: 'afterId must be a message id (digits; 0: from the start)',
  })
  afterId: string;
}

class ReadDto extends ChatRefDto {
  @Matches(MESSAGE_ID, { message: 'lastReadId must be a message id (a positive whole number)' })
  lastReadId: string;
}

/** Messages a reconnect catches up with at once; more are read page by page over HTTP. */
const SINCE_LIMIT = 100;

/**
 * Chats over the socket: the client events (join a chat's room, send, catch up, mark read) and
 * what the chat events become for connected people — a new message to the chat's room, the
 * unread counts to each participant, a removed participant dropped from the room at once. The
 * message is stored (and its event committed) before anything is broadcast.
 */
@Injectable()
export class ChatsRealtime implements OnModuleInit, EventConsumer {
  readonly name = 'chats-realtime';
  readonly fromStart = false;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly chats: ChatsService,
    private readonly repo: ChatsRepository,
    private readonly dispatcher: EventDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
    this.realtime.handle(
      'chat:join',
      { dto: ChatRefDto, write: false, permission: 'chat.read' },
      async (auth, input, socket) => {
        await this.chats.visible(auth, input.chatId);
        await this.realtime.joinRoom(socket, chatRoom(input.chatId));
        return { chatId: input.chatId };
      },
    );
    this.realtime.handle(
      'chat:leave',
      { dto: ChatRefDto, write: false, permission: 'chat.read' },
      async (_auth, input, socket) => {
        await this.realtime.leaveRoom(socket, chatRoom(input.chatId));
        return { chatId: input.chatId };
      },
    );
    this.realtime.handle(
      'chat:send',
      { dto: SocketSendDto, write: true, permission: 'chat.read' },
      (auth, input) => this.chats.send(auth, input.chatId, input),
    );
    this.realtime.handle(
      'chat:since',
      { dto: SinceDto, write: false, permission: 'chat.read' },
      (auth, input) =>
        this.chats.messages(auth, input.chatId, { after: input.afterId, limit: SINCE_LIMIT }),
    );
    this.realtime.handle(
      'chat:read',
      { dto: ReadDto, write: true, permission: 'chat.read' },
      async (auth, input) => {
        const { unread, total } = await this.read(auth, input.chatId, input.lastReadId);
        return { unread, total };
      },
    );
  }

  /** Marks read and tells the chat (the "read" marks) and the reader's other tabs (badges). */
  async read(auth: AuthContext, chatId: string, lastReadId: string) {
    const result = await this.chats.read(auth, chatId, lastReadId);
    if (result.mark) {
      const [reader] = await this.repo.names([{ kind: auth.kind, id: auth.userId }]);
      const actor: ChatActor = {
        kind: auth.kind,
        id: auth.userId,
        name: reader?.name ?? '',
        role: auth.kind === 'customer' ? 'customer' : auth.role,
      };
      this.realtime.toChat(chatId, 'chat:read', { chatId, reader: actor, ...result.mark });
    }
    this.realtime.toUser({ kind: auth.kind, id: auth.userId }, 'chat:unread', {
      chatId,
      unread: result.unread,
      total: result.total,
    });
    return result;
  }

  async handle(tx: Db, events: readonly DomainEvent[]): Promise<void> {
    // Read in the dispatcher's transaction (its connection is held anyway; under load the pool's
    // queue would hold up the broadcasts), and for the whole batch at once: the new messages
    // and the versions they replace, then everyone's counts in the chats they went to.
    const repo = this.repo.in(tx);
    const posted = events.flatMap((e) => (e.type === 'chat.message_posted' ? [e.payload] : []));
    const rows = new Map(
      (await repo.messagesByIds(posted.map((p) => p.messageId))).map((r) => [r.id, r]),
    );
    const replacedIds = [...rows.values()].flatMap((r) =>
      r.replaces_message_id ? [r.replaces_message_id] : [],
    );
    const replaced = new Map((await repo.messagesByIds(replacedIds)).map((r) => [r.id, r]));
    const chatsWithNews = [...new Set(posted.map((p) => p.chatId))];
    const counts = chatsWithNews.length ? await repo.unreadOfParticipantsIn(chatsWithNews) : [];
    for (const e of events) {
      switch (e.type) {
        case 'chat.message_posted': {
          const row = rows.get(e.payload.messageId);
          if (!row) break;
          this.realtime.toChat(e.payload.chatId, 'chat:message', toMessage(row));
          // A new version of a picture: the one it replaces can no longer be decided on.
          const old = row.replaces_message_id ? replaced.get(row.replaces_message_id) : undefined;
          if (old) this.realtime.toChat(e.payload.chatId, 'chat:message-updated', toMessage(old));
          break;
        }
        case 'chat.participants_changed':
          for (const who of e.payload.removed) {
            this.realtime.removeUserFromChat(who, e.payload.chatId);
          }
          for (const who of e.payload.added) {
            this.realtime.toUser(who, 'chat:changed', { chatId: e.payload.chatId });
          }
          break;
        case 'chat.approval_changed':
        case 'chat.pin_added': {
          const row = await repo.message(e.payload.messageId);
          if (row) this.realtime.toChat(e.payload.chatId, 'chat:message-updated', toMessage(row));
          break;
        }
        case 'contract.changed':
        case 'payment.recorded':
        case 'document.added':
        case 'change_request.resolved':
        case 'contract.shared':
        case 'contract.share_changed':
        case 'contract.share_revoked':
          break;
      }
    }
    // Each participant's counts once per chat with news (as of the whole batch); their lists
    // follow the same event (the SPA reads its list again): one broadcast per participant.
    for (const p of counts) {
      this.realtime.toUser({ kind: p.kind, id: p.id }, 'chat:unread', {
        chatId: p.chat_id,
        unread: p.unread,
        total: p.total,
      });
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { DB, type Database } from '../../database/sql';
import type { AuthContext } from '../auth/auth-context';
import { appendEvents } from '../events/append-events';
import { toPin, type ChatMessageDto, type ChatPinDto } from './chats.dto';
import { ChatsService, personOf } from './chats.service';
import type { CreatePinDto } from './pins.dto';
import { PinsRepository } from './pins.repository';

/** A coordinate to a millionth of the picture (more means nothing, and `real` holds it). */
const point = (v: number) => Math.round(v * 1e6) / 1e6 || 0;

/**
 * Numbered comments pinned to points of a picture: on any image sent in a chat (a layout put up
 * for approval, a finish sample, a photo), by the customer and staff who may write in the chat.
 * Numbers go 1, 2, 3 per picture (a new version of a picture is a new attachment: its pins start
 * at 1 again). Adding one appends `chat.pin_added` last in its transaction.
 */
@Injectable()
export class PinsService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly chats: ChatsService,
    private readonly repo: PinsRepository,
  ) {}

  async list(auth: AuthContext, chatId: string, attachmentId: string): Promise<ChatPinDto[]> {
    await this.chats.visible(auth, chatId);
    const a = await this.repo.attachment(chatId, attachmentId);
    if (!a || a.message_id === null) throw DomainError.notFound('Attachment');
    return (await this.repo.list(attachmentId)).map(toPin);
  }

  /** Pins a comment; answers the picture's message with its pins. */
  async add(
    auth: AuthContext,
    chatId: string,
    attachmentId: string,
    input: CreatePinDto,
  ): Promise<ChatMessageDto> {
    const v = await this.chats.visible(auth, chatId);
    if (!v.write) {
      if (auth.viewAs) {
        throw new DomainError(
          'read_only',
          'You are viewing the customer’s cabinet; nothing can be pinned',
        );
      }
      throw new DomainError(
        'forbidden',
        'This chat is shared with you read-only: you cannot comment in it',
      );
    }
    const body = input.body.replace(/\r\n?/g, '\n').trim();
    if (!body) {
      throw DomainError.validation([{ path: 'body', message: 'Write the comment' }]);
    }
    const me = personOf(auth);
    const messageId = await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      const a = await repo.attachment(chatId, attachmentId, true);
      // An upload not sent yet is no one else's business: as if it were not there.
      if (!a || a.message_id === null) throw DomainError.notFound('Attachment');
      if (a.kind !== 'image') {
        throw DomainError.validation([
          {
            path: 'attachmentId',
            message: 'Comments are pinned to pictures; this file is not one',
          },
        ]);
      }
      const pin = await repo.insert({
        attachmentId,
        x: point(input.x),
        y: point(input.y),
        body,
        by: me,
      });
      await appendEvents(tx, [
        {
          type: 'chat.pin_added',
          source: 'api',
          contractId: v.chat.contract_id,
          customerId: v.chat.customer_id,
          payload: {
            chatId,
            messageId: a.message_id,
            attachmentId,
            pinId: pin.id,
            number: pin.number,
            by: me,
          },
        },
      ]);
      return a.message_id;
    });
    return this.chats.message(auth, messageId);
  }
}

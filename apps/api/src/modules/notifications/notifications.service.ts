import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context';
import {
  toNotification,
  type ListNotificationsQueryDto,
  type MarkReadDto,
  type NotificationPageDto,
} from './notifications.dto';
import { NotificationsRepository, type Recipient } from './notifications.repository';

/** Whose notifications a caller reads: their own (a customer's, or a staff member's). */
function recipientOf(auth: AuthContext): Recipient {
  return { kind: auth.kind, id: auth.userId };
}

/**
 * A person's notifications, newest first: a customer's (their cabinet's news) or a staff
 * member's (their chats' news); the same list, read and marked the same way.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationsRepository) {}

  /** One statement: the page, the total and the unread count. */
  async list(auth: AuthContext, query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const r = await this.repo.page({
      recipient: recipientOf(auth),
      unreadOnly: query.unread ?? false,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: (r.page ?? []).map(toNotification),
      total: Number(r.total),
      unread: Number(r.unread),
      page,
      pageSize,
    };
  }

  /** Marks mine read: the given ones, or all. Others' ids are ignored (nothing leaks). */
  async markRead(auth: AuthContext, body: MarkReadDto): Promise<void> {
    await this.repo.markRead(recipientOf(auth), body.ids ?? null);
  }

  /** The chat was read to its end: its news in the notification centre are read too. */
  async chatRead(auth: AuthContext, chatId: string): Promise<void> {
    await this.repo.markChatRead(recipientOf(auth), chatId);
  }
}

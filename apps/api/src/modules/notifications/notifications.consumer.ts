import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Db } from '../../database/sql';
import type { DomainEvent } from '../events/domain-events';
import { EventDispatcher, type EventConsumer } from '../events/event-dispatcher';
import {
  NotificationsRepository,
  type AnyNewNotification,
  type NewChatNotification,
} from './notifications.repository';

/** The default quiet period of a chat's new messages (CHAT_NOTIFY_QUIET_MINUTES). */
const DEFAULT_CHAT_QUIET_MS = 10 * 60 * 1000;

/**
 * What people are told about what happened, in the order it happened. A customer: a contract
 * new to them (not the first contracts of a customer the same file created: the company's first
 * import tells nobody), its status or payment schedule changed, a payment received, an answer
 * to their request. A chat's participants, customers and staff alike: the other side's new
 * messages (not system lines), an approval asked (customers who may write), decided (staff),
 * revoked (customers who may write). (Documents tell nothing yet; payment reminders are the
 * payment-notice job's own.) `chatQuietMs`: how long a message's e-mail and SMS wait.
 */
export function notificationsFor(
  events: readonly DomainEvent[],
  options: { chatQuietMs?: number } = {},
): AnyNewNotification[] {
  const quietMs = options.chatQuietMs ?? DEFAULT_CHAT_QUIET_MS;
  const out: AnyNewNotification[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'contract.changed': {
        const { change, number, status, previousStatus, scheduleChanged } = e.payload;
        const about = { customerId: e.customerId, contractId: e.contractId };
        if (change === 'added' && !e.payload.customerNew) {
          out.push({ ...about, kind: 'contract_added', params: { number, status } });
        } else if (change === 'updated') {
          if (previousStatus !== null) {
            out.push({
              ...about,
              kind: 'contract_status',
              params: { number, status, previous: previousStatus },
            });
          }
          if (scheduleChanged) out.push({ ...about, kind: 'schedule_changed', params: { number } });
        }
        break;
      }
      case 'payment.recorded': {
        const { contractNumber, amount, currency, date } = e.payload;
        out.push({
          customerId: e.customerId,
          contractId: e.contractId,
          kind: 'payment_received',
          params: { number: contractNumber, amount, currency, date },
        });
        break;
      }
      case 'change_request.resolved': {
        const { field, status, resolution } = e.payload;
        out.push({
          customerId: e.customerId,
          contractId: null,
          kind: 'profile_request',
          params: { field, status, resolution },
        });
        break;
      }
      case 'chat.message_posted': {
        const { chatId, messageId, kind, author, preview, attachments } = e.payload;
        if (kind !== 'text' || !author) break;
        out.push({
          chatId,
          kind: 'chat_message',
          audience: 'everyone',
          actor: author,
          writersOnly: false,
          messageId,
          params: { messageId, preview, attachments: String(attachments) },
          at: e.occurredAt ?? null,
          delayMs: quietMs,
        });
        break;
      }
      case 'chat.approval_changed': {
        const { chatId, messageId, approvalId, action, by, reason, deadline } = e.payload;
        const about = { messageId, approvalId };
        const approval = (
          kind: NewChatNotification['kind'],
          audience: NewChatNotification['audience'],
          params: Record<string, string | null>,
        ): NewChatNotification => ({
          chatId,
          kind,
          audience,
          actor: by,
          // A decision is asked of (and undone for) those who can make it; staff hear of it all.
          writersOnly: audience === 'customers',
          messageId: null,
          params: { ...about, ...params },
          at: e.occurredAt ?? null,
          delayMs: 0,
        });
        switch (action) {
          case 'requested':
            out.push(approval('approval_requested', 'customers', { deadline }));
            break;
          case 'approved':
          case 'rejected':
            out.push(approval('approval_decided', 'staff', { decision: action, reason }));
            break;
          case 'revoked':
            out.push(approval('approval_revoked', 'customers', { reason }));
            break;
        }
        break;
      }
      case 'document.added':
      case 'contract.shared':
      case 'contract.share_changed':
      case 'contract.share_revoked':
      case 'chat.participants_changed':
      case 'chat.pin_added':
        break;
    }
  }
  return out;
}

/**
 * Turns domain events into notifications (and their deliveries), in the dispatcher's
 * transaction: the notifications commit with the consumer's cursor, so each event makes them
 * exactly once. It starts from the first event: every change since events began is news.
 */
@Injectable()
export class NotificationsConsumer implements EventConsumer, OnModuleInit {
  readonly name = 'notifications';
  readonly fromStart = true;

  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly repo: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(tx: Db, events: readonly DomainEvent[]): Promise<void> {
    const chatQuietMs = this.config.chatNotify.quietMs;
    await this.repo.in(tx).create(notificationsFor(events, { chatQuietMs }));
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Db } from '../../database/sql';
import type { DomainEvent } from '../events/domain-events';
import { EventDispatcher, type EventConsumer } from '../events/event-dispatcher';
import { NotificationsRepository, type NewNotification } from './notifications.repository';

/**
 * What a customer is told about what happened, in the order it happened: a contract new to
 * them, its status or payment schedule changed, a payment received, an answer to their request.
 * (Documents tell nothing yet; payment reminders are the payment-notice job's own.)
 */
export function notificationsFor(events: readonly DomainEvent[]): NewNotification[] {
  const out: NewNotification[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'contract.changed': {
        const { change, number, status, previousStatus, scheduleChanged } = e.payload;
        const about = { customerId: e.customerId, contractId: e.contractId };
        if (change === 'added') {
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
      case 'document.added':
      case 'contract.shared':
      case 'contract.share_changed':
      case 'contract.share_revoked':
      case 'chat.message_posted':
      case 'chat.participants_changed':
      case 'chat.approval_changed':
        break;
    }
  }
  return out;
}

/**
 * Turns domain events into customers' notifications (and their deliveries), in the dispatcher's
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
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(tx: Db, events: readonly DomainEvent[]): Promise<void> {
    await this.repo.in(tx).create(notificationsFor(events));
  }
}

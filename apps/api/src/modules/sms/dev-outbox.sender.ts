import { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock';
import type { DevOutboxRepository } from './dev-outbox.repository';
import type { SmsSender } from './sms-sender';

/** Development sender: writes each message to the log and to the dev outbox table. */
export class DevOutboxSmsSender implements SmsSender {
  private readonly logger = new Logger('DevOutbox');

  constructor(
    private readonly outbox: DevOutboxRepository,
    private readonly clock: Clock,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await this.outbox.insert({ phone, text, createdAt: this.clock.now() });
    this.logger.log(`SMS to ${phone}: ${text}`);
  }
}

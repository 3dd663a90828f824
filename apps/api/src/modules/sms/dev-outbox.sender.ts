import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock';
import { DevOutboxMessage } from './dev-outbox-message.entity';
import type { SmsSender } from './sms-sender';

/** Development sender: writes each message to the log and to the dev outbox table. */
export class DevOutboxSmsSender implements SmsSender {
  private readonly logger = new Logger('DevOutbox');

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await this.db
      .getRepository(DevOutboxMessage)
      .insert({ phone, text, createdAt: this.clock.now() });
    this.logger.log(`SMS to ${phone}: ${text}`);
  }
}

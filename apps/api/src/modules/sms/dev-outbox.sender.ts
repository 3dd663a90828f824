import { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock';
import type { DevOutboxService } from '../dev/dev-outbox.service';
import type { SmsSender } from './sms-sender';

/** Development sender: writes each message to the log and to the dev outbox table. */
export class DevOutboxSmsSender implements SmsSender {
  private readonly logger = new Logger('DevOutbox');

  constructor(
    private readonly outbox: DevOutboxService,
    private readonly clock: Clock,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await this.outbox.record({ phone, text, createdAt: this.clock.now() });
    this.logger.log(`SMS to ${phone}: ${text}`);
  }
}

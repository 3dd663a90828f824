import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ChatsService } from './chats.service';

const HOUR = 3600_000;

/** Every hour: uploads never sent (a day old) and chat blobs nothing refers to are removed. */
@Injectable()
export class ChatsHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChatsHousekeeping.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly chats: ChatsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runSafely(), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async runSafely(): Promise<void> {
    try {
      const removed = await this.chats.housekeeping();
      if (removed.unsent + removed.blobs > 0) this.logger.log({ removed }, 'Chat housekeeping');
    } catch (err) {
      this.logger.warn({ err }, 'Chat housekeeping failed; will try again in an hour');
    }
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DevOutboxService } from '../dev/dev-outbox.service';
import { LoginThrottleService } from '../staff/login-throttle';
import { OtpRepository } from './otp.repository';
import { SessionsService } from './sessions.service';

const HOUR = 3600_000;

/**
 * Deletes what auth leaves behind: expired sessions (their sockets are closed), login-code
 * requests older than a day (they only matter for the 10-minute limits), dev-outbox messages
 * older than a week, and staff login counts that no longer lock, slow or trust anything.
 */
@Injectable()
export class AuthHousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionsService,
    private readonly otp: OtpRepository,
    private readonly clock: Clock,
    private readonly outbox: DevOutboxService,
    private readonly throttle: LoginThrottleService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runSafely(), HOUR);
    this.timer.unref();
    void this.runSafely();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<{ sessions: number; otp: number; outbox: number; throttles: number }> {
    const now = this.clock.now();
    const day = new Date(now.getTime() - 24 * HOUR);
    const week = new Date(now.getTime() - 7 * 24 * HOUR);
    return {
      // Through the service: the sockets of an expired session are closed too.
      sessions: await this.sessions.deleteExpired(now),
      otp: await this.otp.deleteOlderThan(day),
      outbox: await this.outbox.deleteOlderThan(week),
      throttles: await this.throttle.housekeeping(),
    };
  }

  private async runSafely(): Promise<void> {
    try {
      const removed = await this.run();
      if (removed.sessions + removed.otp + removed.outbox + removed.throttles > 0)
        this.logger.log({ removed }, 'Housekeeping');
    } catch (err) {
      this.logger.warn({ err }, 'Housekeeping failed; will try again in an hour');
    }
  }
}

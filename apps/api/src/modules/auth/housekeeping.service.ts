import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { LoginThrottleService } from '../staff/login-throttle';

const HOUR = 3600_000;

/**
 * Deletes what auth leaves behind: expired sessions, login-code requests older than a day (they
 * only matter for the 10-minute limits), dev-outbox messages older than a week, and staff login
 * counts that no longer lock, slow or trust anything.
 */
@Injectable()
export class AuthHousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottleService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.db.isInitialized) return;
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
    const del = async (sql: string, at: Date) =>
      ((await this.db.query(sql, [at])) as [unknown, number])[1];
    return {
      sessions: await del('DELETE FROM sessions WHERE expires_at <= $1', now),
      otp: await del('DELETE FROM otp_challenges WHERE created_at < $1', day),
      outbox: await del('DELETE FROM dev_outbox_messages WHERE created_at < $1', week),
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

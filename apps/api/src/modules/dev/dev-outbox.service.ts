import { Injectable } from '@nestjs/common';
import { DevOutboxRepository, type DevOutboxRow } from './dev-outbox.repository';

/**
 * The dev SMS outbox (outside production): what the dev sender "sent" (sms module), the page
 * that shows it, and auth's housekeeping that tidies it.
 */
@Injectable()
export class DevOutboxService {
  constructor(private readonly repo: DevOutboxRepository) {}

  /** Keeps a message the dev sender "sent". */
  record(m: { phone: string; text: string; createdAt: Date }): Promise<void> {
    return this.repo.insert(m);
  }

  /** The newest `limit` messages, newest first. */
  newest(limit: number): Promise<DevOutboxRow[]> {
    return this.repo.newest(limit);
  }

  /** Forgets the messages written before `before`; answers how many. */
  deleteOlderThan(before: Date): Promise<number> {
    return this.repo.deleteOlderThan(before);
  }
}

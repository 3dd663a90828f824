import { Injectable } from '@nestjs/common';
import { DevOutboxRepository, type DevOutboxRow } from './dev-outbox.repository';

/** The dev sender's outbox as others read and tidy it: the page, and auth's housekeeping. */
@Injectable()
export class DevOutboxService {
  constructor(private readonly repo: DevOutboxRepository) {}

  /** The newest `limit` messages, newest first. */
  newest(limit: number): Promise<DevOutboxRow[]> {
    return this.repo.newest(limit);
  }

  /** Forgets the messages written before `before`; answers how many. */
  deleteOlderThan(before: Date): Promise<number> {
    return this.repo.deleteOlderThan(before);
  }
}

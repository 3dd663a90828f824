import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

export interface DevOutboxRow {
  id: string;
  phone: string;
  text: string;
  created_at: Date;
}

/** `dev_outbox_messages`: the SMS the dev sender "sent". */
@Injectable()
export class DevOutboxRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  async insert(m: { phone: string; text: string; createdAt: Date }): Promise<void> {
    await this.db.query(
      sql`INSERT INTO dev_outbox_messages (phone, text, created_at)
          VALUES (${m.phone}, ${m.text}, ${m.createdAt})`,
    );
  }

  /** The newest `limit` messages, newest first. */
  async newest(limit: number): Promise<DevOutboxRow[]> {
    return this.db.query<DevOutboxRow>(
      sql`SELECT id, phone, text, created_at FROM dev_outbox_messages
           ORDER BY created_at DESC LIMIT ${limit}`,
    );
  }

  /** Deletes the messages written before `before`; answers how many. */
  async deleteOlderThan(before: Date): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      sql`WITH gone AS (DELETE FROM dev_outbox_messages WHERE created_at < ${before} RETURNING 1)
          SELECT count(*)::int AS n FROM gone`,
    );
    return rows[0]?.n ?? 0;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, empty, sql, type Db } from '../../database/sql';
import { PINS_JSON, type Person, type PinJson } from './chats.repository';

/** An attachment of a chat as pinning sees it. */
export interface PinnableRow {
  id: string;
  kind: 'image' | 'file';
  /** Null while the upload is not sent yet. */
  message_id: string | null;
}

/** `chat_pins`: numbered comments on pictures. */
@Injectable()
export class PinsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * An attachment of the chat; `lock`: its row is locked for the transaction, so pins added at
   * once take turns and get 1, 2, 3 without gaps or collisions.
   */
  async attachment(chatId: string, id: string, lock = false): Promise<PinnableRow | null> {
    const rows = await this.db.query<PinnableRow>(sql`
      SELECT id, kind, message_id::text AS message_id FROM chat_attachments
      WHERE id = ${id} AND chat_id = ${chatId}
      ${lock ? sql`FOR UPDATE` : empty}`);
    return rows[0] ?? null;
  }

  /** Adds a pin numbered after the picture's last one (hold the attachment's lock). */
  async insert(p: {
    attachmentId: string;
    x: number;
    y: number;
    body: string;
    by: Person;
  }): Promise<{ id: string; number: number }> {
    const rows = await this.db.query<{ id: string; number: number }>(sql`
      INSERT INTO chat_pins (attachment_id, number, x, y, body, customer_id, staff_user_id)
      SELECT ${p.attachmentId}, COALESCE(max(number), 0) + 1, ${p.x}, ${p.y}, ${p.body},
             ${p.by.kind === 'customer' ? p.by.id : null}::uuid,
             ${p.by.kind === 'staff' ? p.by.id : null}::uuid
      FROM chat_pins WHERE attachment_id = ${p.attachmentId}
      RETURNING id, number`);
    return rows[0];
  }

  /** The pins of an attachment, by number. */
  async list(attachmentId: string): Promise<PinJson[]> {
    const rows = await this.db.query<{ pins: PinJson[] }>(sql`
      SELECT ${PINS_JSON} AS pins FROM chat_attachments a WHERE a.id = ${attachmentId}`);
    return rows[0]?.pins ?? [];
  }
}

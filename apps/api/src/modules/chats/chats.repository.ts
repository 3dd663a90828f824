import { Inject, Injectable } from '@nestjs/common';
import { parseChatNumber } from '@kabinet/shared';
import { likeEscape, phoneDigits } from '../../common/search';
import { Repository } from '../../database/repository';
import { DB, empty, ident, join, sql, type Db, type Sql } from '../../database/sql';

/** A person in a chat statement: a customer account or a staff member. */
export interface Person {
  kind: 'customer' | 'staff';
  id: string;
}

/** `p.customer_id = id` or `p.staff_user_id = id` on the participants alias `alias`. */
export function isPerson(alias: string, who: Person): Sql {
  const p = ident(alias);
  return who.kind === 'customer'
    ? sql`${p}.customer_id = ${who.id}`
    : sql`${p}.staff_user_id = ${who.id}`;
}

/** A message by `who` (on the messages alias `alias`). */
function byPerson(alias: string, who: Person): Sql {
  const m = ident(alias);
  return who.kind === 'customer'
    ? sql`${m}.author_customer_id IS NOT DISTINCT FROM ${who.id}::uuid`
    : sql`${m}.author_staff_id IS NOT DISTINCT FROM ${who.id}::uuid`;
}

/** Messages of chat `chat` that `who` has not read (other people's texts after their mark). */
function unreadOf(chat: Sql, lastRead: Sql, who: Person): Sql {
  return sql`(SELECT count(*)::int FROM chat_messages u
              WHERE u.chat_id = ${chat} AND u.id > ${lastRead} AND u.kind = 'text'
                AND NOT ${byPerson('u', who)})`;
}

export interface ChatListRow {
  id: string;
  number: number;
  kind: 'contract' | 'general';
  title: string | null;
  created_at: Date;
  last_activity_at: Date;
  contract_id: string | null;
  contract_number: string | null;
  customer_id: string;
  customer_name: string;
  last_id: string | null;
  last_kind: 'text' | 'system' | null;
  last_body: string | null;
  last_system: Record<string, unknown> | null;
  last_author_kind: 'customer' | 'staff' | null;
  last_author_name: string | null;
  last_attachments: number;
  participant: boolean;
  unread: number;
  total_count: string;
}

export interface ChatListFilter {
  /** Which chats the caller may see: a condition on `ch`. */
  scope: Sql;
  viewer: Person;
  /** Only those the viewer takes part in. */
  mine?: boolean;
  /** Only those whose last message is a customer's. */
  waiting?: boolean;
  contractId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface ChatRow {
  id: string;
  number: number;
  kind: 'contract' | 'general';
  title: string | null;
  created_at: Date;
  contract_id: string | null;
  contract_number: string | null;
  customer_id: string;
  customer_name: string;
  last_message_id: string | null;
  /** The viewer's participation, if any. */
  participant_id: string | null;
  read_only: boolean | null;
  last_read_id: string | null;
}

export interface ParticipantRow {
  id: string;
  kind: 'customer' | 'staff';
  person_id: string;
  name: string;
  role: string;
  read_only: boolean;
  last_read_id: string;
  last_read_at: Date | null;
  added_at: Date;
}

export interface MessageRow {
  id: string;
  chat_id: string;
  client_id: string | null;
  kind: 'text' | 'system';
  body: string;
  system_data: Record<string, unknown> | null;
  replaces_message_id: string | null;
  created_at: Date;
  author_customer_id: string | null;
  author_staff_id: string | null;
  author_name: string | null;
  author_role: string | null;
  attachments: Array<{
    id: string;
    name: string;
    size: number;
    mime: string;
    kind: 'image' | 'file';
    width: number | null;
    height: number | null;
    pins: PinJson[] | null;
  }>;
  approval: {
    id: string;
    state: string;
    deadline: string | null;
    attachmentId: string | null;
    version: number;
    replacedById: string | null;
    steps: Array<{
      action: string;
      at: string;
      reason: string | null;
      customerId: string | null;
      staffUserId: string | null;
      name: string | null;
      role: string | null;
    }> | null;
  } | null;
}

export interface AttachmentRow {
  id: string;
  chat_id: string;
  message_id: string | null;
  uploaded_by_customer_id: string | null;
  uploaded_by_staff_id: string | null;
  name: string;
  size: number;
  mime: string;
  kind: 'image' | 'file';
  width: number | null;
  height: number | null;
  storage_key: string;
  thumb_key: string | null;
}

/** A pinned comment as the message view selects it (`PIN_JSON`). */
export interface PinJson {
  id: string;
  number: number;
  x: number;
  y: number;
  body: string;
  createdAt: string;
  customerId: string | null;
  staffUserId: string | null;
  name: string | null;
  role: string | null;
}

/** The pins of the attachment `a.id`, by number, as a JSON array (`PinJson[]`). */
export const PINS_JSON = sql`
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'number', p.number, 'x', p.x,
              'y', p.y, 'body', p.body, 'createdAt', p.created_at,
              'customerId', p.customer_id, 'staffUserId', p.staff_user_id,
              'name', COALESCE(pc.full_name, ps.full_name), 'role', ps.role)
            ORDER BY p.number)
            FROM chat_pins p
            LEFT JOIN customers pc ON pc.id = p.customer_id
            LEFT JOIN staff_users ps ON ps.id = p.staff_user_id
            WHERE p.attachment_id = a.id), '[]'::json)`;

/**
 * Which version of a picture the message `m` is (1: an original; each `replaces_message_id`
 * link back adds one) and the newest message replacing it, if any.
 */
export const VERSION_COLUMNS = sql`
  (WITH RECURSIVE chain(id, prev) AS (
     SELECT m.id, m.replaces_message_id
     UNION ALL
     SELECT o.id, o.replaces_message_id FROM chat_messages o JOIN chain ON o.id = chain.prev)
   SELECT count(*)::int FROM chain) AS version,
  (SELECT max(r.id)::text FROM chat_messages r WHERE r.replaces_message_id = m.id) AS replaced_by_id`;

export interface CandidateRow {
  kind: 'customer' | 'staff';
  id: string;
  name: string;
  role: string;
}

/** The columns of a message as the views show it (alias `m`). */
const MESSAGE_COLUMNS = sql`
  m.id, m.chat_id, m.client_id, m.kind, m.body, m.system_data, m.replaces_message_id,
  m.created_at, m.author_customer_id, m.author_staff_id,
  COALESCE(ac.full_name, ast.full_name) AS author_name, ast.role AS author_role,
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'size', a.size,
              'mime', a.mime, 'kind', a.kind, 'width', a.width, 'height', a.height,
              'pins', ${PINS_JSON})
            ORDER BY a.position, a.created_at)
            FROM chat_attachments a WHERE a.message_id = m.id), '[]'::json) AS attachments,
  (SELECT json_build_object('id', ap.id, 'state', ap.state, 'deadline', ap.deadline,
            'attachmentId', ap.attachment_id, 'version', v.version, 'replacedById', v.replaced_by_id,
            'steps', (SELECT json_agg(json_build_object('action', s.action, 'at', s.at,
                        'reason', s.reason, 'customerId', s.customer_id,
                        'staffUserId', s.staff_user_id,
                        'name', COALESCE(sc.full_name, ss.full_name), 'role', ss.role)
                      ORDER BY s.at, s.id)
                      FROM chat_approval_steps s
                      LEFT JOIN customers sc ON sc.id = s.customer_id
                      LEFT JOIN staff_users ss ON ss.id = s.staff_user_id
                      WHERE s.approval_id = ap.id))
   FROM chat_approvals ap, LATERAL (SELECT ${VERSION_COLUMNS}) v
   WHERE ap.message_id = m.id) AS approval`;

const MESSAGE_JOINS = sql`
  LEFT JOIN customers ac ON ac.id = m.author_customer_id
  LEFT JOIN staff_users ast ON ast.id = m.author_staff_id`;

/** `chats` and who takes part in them, their messages and read marks. */
@Injectable()
export class ChatsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** A page of chats (latest activity first) with each one's preview and the viewer's unread. */
  async list(f: ChatListFilter): Promise<ChatListRow[]> {
    const where: Sql[] = [f.scope];
    if (f.mine) {
      where.push(sql`EXISTS (SELECT 1 FROM chat_participants mp WHERE mp.chat_id = ch.id
                     AND mp.removed_at IS NULL AND ${isPerson('mp', f.viewer)})`);
    }
    if (f.waiting) where.push(sql`m.author_customer_id IS NOT NULL`);
    if (f.contractId) where.push(sql`ch.contract_id = ${f.contractId}`);
    if (f.q?.trim()) where.push(chatSearchSql(f.q));
    return this.db.query<ChatListRow>(sql`
      SELECT ch.id, ch.number, ch.kind, ch.title, ch.created_at, ch.last_activity_at,
             c.id AS contract_id, c.number AS contract_number,
             cu.id AS customer_id, cu.full_name AS customer_name,
             m.id AS last_id, m.kind AS last_kind, left(m.body, 200) AS last_body,
             m.system_data AS last_system,
             CASE WHEN m.author_customer_id IS NOT NULL THEN 'customer'
                  WHEN m.author_staff_id IS NOT NULL THEN 'staff' END AS last_author_kind,
             COALESCE(ac.full_name, ast.full_name) AS last_author_name,
             (SELECT count(*)::int FROM chat_attachments la WHERE la.message_id = m.id)
               AS last_attachments,
             (me.id IS NOT NULL) AS participant,
             CASE WHEN me.id IS NULL THEN 0
                  ELSE ${unreadOf(sql`ch.id`, sql`me.last_read_id`, f.viewer)} END AS unread,
             count(*) OVER () AS total_count
      FROM chats ch
      JOIN customers cu ON cu.id = ch.customer_id
      LEFT JOIN contracts c ON c.id = ch.contract_id
      LEFT JOIN chat_messages m ON m.id = ch.last_message_id
      ${MESSAGE_JOINS}
      LEFT JOIN chat_participants me ON me.chat_id = ch.id AND me.removed_at IS NULL
                                    AND ${isPerson('me', f.viewer)}
      WHERE ${join(where, ' AND ')}
      ORDER BY ch.last_activity_at DESC, ch.number DESC
      LIMIT ${f.limit} OFFSET ${f.offset}`);
  }

  /** What `who` has not read in all their chats together. */
  async totalUnread(who: Person): Promise<number> {
    const rows = await this.db.query<{ n: number }>(sql`
      SELECT COALESCE(sum(${unreadOf(sql`p.chat_id`, sql`p.last_read_id`, who)}), 0)::int AS n
      FROM chat_participants p
      WHERE p.removed_at IS NULL AND ${isPerson('p', who)}`);
    return rows[0]?.n ?? 0;
  }

  /** What `who` has not read in one chat (0 when not taking part). */
  async unread(chatId: string, who: Person): Promise<number> {
    const rows = await this.db.query<{ n: number }>(sql`
      SELECT ${unreadOf(sql`p.chat_id`, sql`p.last_read_id`, who)} AS n
      FROM chat_participants p
      WHERE p.chat_id = ${chatId} AND p.removed_at IS NULL AND ${isPerson('p', who)}`);
    return rows[0]?.n ?? 0;
  }

  /**
   * Everyone taking part in these chats (`chat_id` says which), each with their unread count
   * there and in all their chats (what their badges show after a new message): one statement
   * for a batch of new messages.
   */
  async unreadOfParticipantsIn(chatIds: readonly string[]): Promise<
    Array<{
      chat_id: string;
      kind: 'customer' | 'staff';
      id: string;
      unread: number;
      total: number;
    }>
  > {
    const unread = (p: string) => sql`(SELECT count(*)::int FROM chat_messages u
        WHERE u.chat_id = ${ident(p)}.chat_id AND u.id > ${ident(p)}.last_read_id AND u.kind = 'text'
          AND NOT COALESCE(u.author_customer_id = ${ident(p)}.customer_id
                           OR u.author_staff_id = ${ident(p)}.staff_user_id, false))`;
    return this.db.query(sql`
      SELECT p.chat_id,
             CASE WHEN p.customer_id IS NOT NULL THEN 'customer' ELSE 'staff' END AS kind,
             COALESCE(p.customer_id, p.staff_user_id) AS id,
             ${unread('p')} AS unread,
             (SELECT COALESCE(sum(${unread('q')}), 0)::int FROM chat_participants q
              WHERE q.removed_at IS NULL
                AND (q.customer_id = p.customer_id OR q.staff_user_id = p.staff_user_id)) AS total
      FROM chat_participants p
      WHERE p.chat_id = ANY(${[...chatIds]}::uuid[]) AND p.removed_at IS NULL`);
  }

  /** A chat the `scope` lets the viewer see, with the viewer's participation. */
  async find(id: string, scope: Sql, viewer: Person): Promise<ChatRow | null> {
    const rows = await this.db.query<ChatRow>(sql`
      SELECT ch.id, ch.number, ch.kind, ch.title, ch.created_at,
             c.id AS contract_id, c.number AS contract_number,
             cu.id AS customer_id, cu.full_name AS customer_name, ch.last_message_id,
             me.id AS participant_id, me.read_only, me.last_read_id
      FROM chats ch
      JOIN customers cu ON cu.id = ch.customer_id
      LEFT JOIN contracts c ON c.id = ch.contract_id
      LEFT JOIN chat_participants me ON me.chat_id = ch.id AND me.removed_at IS NULL
                                    AND ${isPerson('me', viewer)}
      WHERE ch.id = ${id} AND ${scope}`);
    return rows[0] ?? null;
  }

  /** Locks the chat row (sending and changing participants take turns per chat). */
  async lock(id: string): Promise<void> {
    await this.db.query(sql`SELECT id FROM chats WHERE id = ${id} FOR UPDATE`);
  }

  async participants(chatId: string): Promise<ParticipantRow[]> {
    return this.db.query<ParticipantRow>(sql`
      SELECT p.id,
             CASE WHEN p.customer_id IS NOT NULL THEN 'customer' ELSE 'staff' END AS kind,
             COALESCE(p.customer_id, p.staff_user_id) AS person_id,
             COALESCE(cu.full_name, s.full_name) AS name,
             COALESCE(s.role, 'customer') AS role,
             p.read_only, p.last_read_id, p.last_read_at, p.added_at
      FROM chat_participants p
      LEFT JOIN customers cu ON cu.id = p.customer_id
      LEFT JOIN staff_users s ON s.id = p.staff_user_id
      WHERE p.chat_id = ${chatId} AND p.removed_at IS NULL
      ORDER BY (p.customer_id IS NULL), p.added_at, p.id`);
  }

  /** A participant row of the chat (also a removed one), by its id. */
  async participant(
    chatId: string,
    participantId: string,
  ): Promise<{
    id: string;
    customer_id: string | null;
    staff_user_id: string | null;
    removed_at: Date | null;
  } | null> {
    const rows = await this.db.query<{
      id: string;
      customer_id: string | null;
      staff_user_id: string | null;
      removed_at: Date | null;
    }>(sql`SELECT id, customer_id, staff_user_id, removed_at FROM chat_participants
           WHERE chat_id = ${chatId} AND id = ${participantId}`);
    return rows[0] ?? null;
  }

  /**
   * Makes `who` take part (again): a new row, or a removed one brought back (keeping their read
   * mark). Answers false when they already took part.
   */
  async addParticipant(chatId: string, who: Person, readOnly = false): Promise<boolean> {
    const customerId = who.kind === 'customer' ? who.id : null;
    const staffId = who.kind === 'staff' ? who.id : null;
    const revived = await this.db.query<{ id: string }>(sql`
      UPDATE chat_participants p SET removed_at = NULL, added_at = now(), read_only = ${readOnly}
      WHERE p.chat_id = ${chatId} AND ${isPerson('p', who)} AND p.removed_at IS NOT NULL
      RETURNING p.id`);
    if (revived.length) return true;
    const inserted = await this.db.query<{ id: string }>(sql`
      INSERT INTO chat_participants (chat_id, customer_id, staff_user_id, read_only)
      VALUES (${chatId}, ${customerId}, ${staffId}, ${readOnly})
      ON CONFLICT DO NOTHING RETURNING id`);
    return inserted.length > 0;
  }

  async removeParticipant(participantId: string): Promise<void> {
    await this.db.query(sql`UPDATE chat_participants SET removed_at = now()
                            WHERE id = ${participantId} AND removed_at IS NULL`);
  }

  /**
   * Makes `customerId` take part in the contract's chats (read-only or not), or leave them
   * (`readOnly` null); answers the chats changed.
   */
  async shareInContractChats(
    contractId: string,
    customerId: string,
    readOnly: boolean | null,
  ): Promise<Array<{ chat_id: string; customer_id: string }>> {
    if (readOnly === null) {
      return this.db.query(sql`
        UPDATE chat_participants p SET removed_at = now()
        FROM chats ch
        WHERE ch.id = p.chat_id AND ch.contract_id = ${contractId} AND p.customer_id = ${customerId}
          AND ch.customer_id <> ${customerId} AND p.removed_at IS NULL
        RETURNING p.chat_id, ch.customer_id`);
    }
    return this.db.query(sql`
      INSERT INTO chat_participants (chat_id, customer_id, read_only)
      SELECT ch.id, ${customerId}, ${readOnly} FROM chats ch
      WHERE ch.contract_id = ${contractId} AND ch.customer_id <> ${customerId}
      ON CONFLICT (chat_id, customer_id) WHERE customer_id IS NOT NULL
      DO UPDATE SET read_only = EXCLUDED.read_only, removed_at = NULL
      RETURNING chat_id, (SELECT customer_id FROM chats WHERE id = chat_id)`);
  }

  /** Active staff who do not take part in the chat (to add). */
  async candidates(chatId: string, q: string | undefined, limit: number): Promise<CandidateRow[]> {
    const like = q?.trim() ? `%${likeEscape(q.trim().toLowerCase())}%` : null;
    return this.db.query<CandidateRow>(sql`
      SELECT 'staff' AS kind, s.id, s.full_name AS name, s.role
      FROM staff_users s
      WHERE s.active ${like ? sql`AND lower(s.full_name) LIKE ${like}` : empty}
        AND NOT EXISTS (SELECT 1 FROM chat_participants p WHERE p.chat_id = ${chatId}
                        AND p.staff_user_id = s.id AND p.removed_at IS NULL)
      ORDER BY s.full_name, s.id
      LIMIT ${limit}`);
  }

  /** The names of people (customers and staff). */
  async names(
    people: Person[],
  ): Promise<Array<{ kind: 'customer' | 'staff'; id: string; name: string }>> {
    const customers = people.filter((p) => p.kind === 'customer').map((p) => p.id);
    const staff = people.filter((p) => p.kind === 'staff').map((p) => p.id);
    return this.db.query(sql`
      SELECT 'customer' AS kind, id, full_name AS name FROM customers WHERE id = ANY(${customers}::uuid[])
      UNION ALL
      SELECT 'staff' AS kind, id, full_name AS name FROM staff_users WHERE id = ANY(${staff}::uuid[])`);
  }

  /** An active staff member's existence (a participant to add). */
  async staffExists(id: string): Promise<boolean> {
    const rows = await this.db.query(sql`SELECT 1 FROM staff_users WHERE id = ${id} AND active`);
    return rows.length > 0;
  }

  /** Messages of a chat, oldest first: the last `limit` before `before`, or after `after`. */
  async messages(
    chatId: string,
    o: { before?: string; after?: string; limit: number },
  ): Promise<MessageRow[]> {
    if (o.after !== undefined) {
      return this.db.query<MessageRow>(sql`
        SELECT ${MESSAGE_COLUMNS} FROM chat_messages m ${MESSAGE_JOINS}
        WHERE m.chat_id = ${chatId} AND m.id > ${o.after}
        ORDER BY m.id LIMIT ${o.limit}`);
    }
    const rows = await this.db.query<MessageRow>(sql`
      SELECT ${MESSAGE_COLUMNS} FROM chat_messages m ${MESSAGE_JOINS}
      WHERE m.chat_id = ${chatId} ${o.before !== undefined ? sql`AND m.id < ${o.before}` : empty}
      ORDER BY m.id DESC LIMIT ${o.limit}`);
    return rows.reverse();
  }

  /** These messages (in id order), each with what `message` gives: one statement for a batch. */
  async messagesByIds(ids: readonly string[]): Promise<MessageRow[]> {
    if (!ids.length) return [];
    return this.db.query<MessageRow>(sql`
      SELECT ${MESSAGE_COLUMNS} FROM chat_messages m ${MESSAGE_JOINS}
      WHERE m.id = ANY(${[...ids]}::bigint[]) ORDER BY m.id`);
  }

  async message(id: string): Promise<MessageRow | null> {
    const rows = await this.db.query<MessageRow>(sql`
      SELECT ${MESSAGE_COLUMNS} FROM chat_messages m ${MESSAGE_JOINS} WHERE m.id = ${id}`);
    return rows[0] ?? null;
  }

  /** The message a sender stored under their own id earlier, if any. */
  async byClientId(
    chatId: string,
    clientId: string,
  ): Promise<{
    id: string;
    author_customer_id: string | null;
    author_staff_id: string | null;
  } | null> {
    const rows = await this.db.query<{
      id: string;
      author_customer_id: string | null;
      author_staff_id: string | null;
    }>(sql`SELECT id, author_customer_id, author_staff_id FROM chat_messages
           WHERE chat_id = ${chatId} AND client_id = ${clientId}`);
    return rows[0] ?? null;
  }

  /** A message of the chat and how many images it has (a new version must replace one). */
  async messageInChat(chatId: string, id: string): Promise<{ id: string; images: number } | null> {
    const rows = await this.db.query<{ id: string; images: number }>(sql`
      SELECT m.id, (SELECT count(*)::int FROM chat_attachments a
                    WHERE a.message_id = m.id AND a.kind = 'image') AS images
      FROM chat_messages m WHERE m.chat_id = ${chatId} AND m.id = ${id}`);
    return rows[0] ?? null;
  }

  /**
   * Stores a message unless the sender already sent one with this `clientId` (then answers
   * null): the sender's resend after a lost answer is not a duplicate.
   */
  async insertMessage(m: {
    chatId: string;
    clientId: string | null;
    kind: 'text' | 'system';
    author: Person | null;
    body: string;
    systemData?: Record<string, unknown> | null;
    replacesMessageId?: string | null;
  }): Promise<{ id: string; created_at: Date } | null> {
    const rows = await this.db.query<{ id: string; created_at: Date }>(sql`
      INSERT INTO chat_messages (chat_id, client_id, kind, author_customer_id, author_staff_id,
                                 body, system_data, replaces_message_id)
      VALUES (${m.chatId}, ${m.clientId}, ${m.kind},
              ${m.author?.kind === 'customer' ? m.author.id : null},
              ${m.author?.kind === 'staff' ? m.author.id : null},
              ${m.body}, ${m.systemData ? JSON.stringify(m.systemData) : null}::jsonb,
              ${m.replacesMessageId ?? null})
      ON CONFLICT (chat_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
      RETURNING id, created_at`);
    return rows[0] ?? null;
  }

  /** The chat's latest message and activity time. */
  async touch(chatId: string, messageId: string): Promise<void> {
    await this.db.query(sql`
      UPDATE chats SET last_message_id = ${messageId},
             last_activity_at = (SELECT created_at FROM chat_messages WHERE id = ${messageId})
      WHERE id = ${chatId}`);
  }

  /**
   * Moves `who`'s read mark forward to `upTo` (never back, never past the chat's last message);
   * answers the mark now, or null when they do not take part.
   */
  async markRead(
    chatId: string,
    who: Person,
    upTo: string,
  ): Promise<{ last_read_id: string; last_read_at: Date | null } | null> {
    const rows = await this.db.query<{ last_read_id: string; last_read_at: Date | null }>(sql`
      UPDATE chat_participants p
      SET last_read_id = GREATEST(p.last_read_id,
                                  LEAST(${upTo}::bigint, COALESCE(ch.last_message_id, 0))),
          last_read_at = CASE WHEN LEAST(${upTo}::bigint, COALESCE(ch.last_message_id, 0))
                                   > p.last_read_id THEN now() ELSE p.last_read_at END
      FROM chats ch
      WHERE ch.id = p.chat_id AND p.chat_id = ${chatId} AND p.removed_at IS NULL
        AND ${isPerson('p', who)}
      RETURNING p.last_read_id, p.last_read_at`);
    return rows[0] ?? null;
  }

  /**
   * Gives the message the sender's uploads `ids` (in this order); answers how many were theirs,
   * in this chat and not yet sent, and their bytes together.
   */
  async attach(
    chatId: string,
    messageId: string,
    uploader: Person,
    ids: string[],
  ): Promise<{ n: number; bytes: string }> {
    if (!ids.length) return { n: 0, bytes: '0' };
    const rows = await this.db.query<{ n: number; bytes: string }>(sql`
      WITH wanted AS (SELECT id, ord FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS w(id, ord)),
      done AS (
        UPDATE chat_attachments a SET message_id = ${messageId}, position = w.ord
        FROM wanted w
        WHERE a.id = w.id AND a.chat_id = ${chatId} AND a.message_id IS NULL
          AND ${uploader.kind === 'customer' ? sql`a.uploaded_by_customer_id = ${uploader.id}` : sql`a.uploaded_by_staff_id = ${uploader.id}`}
        RETURNING a.size)
      SELECT count(*)::int AS n, COALESCE(sum(size), 0)::text AS bytes FROM done`);
    return rows[0] ?? { n: 0, bytes: '0' };
  }

  /** Opens a chat; answers its id and number. */
  async insertChat(c: {
    kind: 'contract' | 'general';
    customerId: string;
    contractId: string | null;
    title: string | null;
    createdById: string | null;
  }): Promise<{ id: string; number: number }> {
    const rows = await this.db.query<{ id: string; number: number }>(sql`
      INSERT INTO chats (kind, customer_id, contract_id, title, created_by_id)
      VALUES (${c.kind}, ${c.customerId}, ${c.contractId}, ${c.title}, ${c.createdById})
      RETURNING id, number`);
    return rows[0];
  }

  /** A contract of the customer that the caller's `scope` (on `c`) lets them see. */
  async contractOf(
    contractId: string,
    customerId: string,
    scope: Sql,
  ): Promise<{ id: string; manager_id: string | null } | null> {
    const rows = await this.db.query<{ id: string; manager_id: string | null }>(sql`
      SELECT c.id, c.manager_id FROM contracts c
      WHERE c.id = ${contractId} AND c.customer_id = ${customerId} AND c.archived_at IS NULL
        AND ${scope}`);
    return rows[0] ?? null;
  }

  /**
   * Gives each of the contracts `ids` (or every live contract, when null) its own chat if it has
   * none, with the customer and the manager taking part, and makes each contract chat's current
   * manager a participant. Answers the chats made or joined, for their events.
   */
  async ensureContractChats(ids: string[] | null): Promise<
    Array<{
      chat_id: string;
      contract_id: string;
      customer_id: string;
      created: boolean;
      manager_added: string | null;
    }>
  > {
    const only = ids ? sql`AND c.id = ANY(${ids}::uuid[])` : empty;
    const made = await this.db.query<{
      chat_id: string;
      contract_id: string;
      customer_id: string;
    }>(sql`
      INSERT INTO chats (kind, customer_id, contract_id, created_at, last_activity_at)
      SELECT 'contract', c.customer_id, c.id, now(), now() FROM contracts c
      WHERE c.archived_at IS NULL ${only}
        AND NOT EXISTS (SELECT 1 FROM chats x WHERE x.contract_id = c.id AND x.kind = 'contract')
      ORDER BY c.date, c.number
      ON CONFLICT DO NOTHING
      RETURNING id AS chat_id, contract_id, customer_id`);
    if (made.length) {
      await this.db.query(sql`
        INSERT INTO chat_participants (chat_id, customer_id, read_only)
        SELECT ch.id, ch.customer_id, false FROM chats ch
        WHERE ch.id = ANY(${made.map((m) => m.chat_id)}::uuid[])
        UNION ALL
        SELECT ch.id, sh.grantee_customer_id, sh.access = 'read'
        FROM chats ch JOIN contract_shares sh ON sh.contract_id = ch.contract_id
        WHERE ch.id = ANY(${made.map((m) => m.chat_id)}::uuid[]) AND sh.revoked_at IS NULL
          AND sh.grantee_customer_id <> ch.customer_id
        ON CONFLICT DO NOTHING`);
    }
    const managers = await this.db.query<{
      chat_id: string;
      contract_id: string;
      customer_id: string;
      staff_user_id: string;
    }>(sql`
      INSERT INTO chat_participants (chat_id, staff_user_id)
      SELECT ch.id, c.manager_id FROM chats ch JOIN contracts c ON c.id = ch.contract_id
      WHERE ch.kind = 'contract' AND c.manager_id IS NOT NULL ${only}
        AND NOT EXISTS (SELECT 1 FROM chat_participants p WHERE p.chat_id = ch.id
                        AND p.staff_user_id = c.manager_id)
      ON CONFLICT DO NOTHING
      RETURNING chat_id, staff_user_id,
        (SELECT contract_id FROM chats WHERE id = chat_id) AS contract_id,
        (SELECT customer_id FROM chats WHERE id = chat_id) AS customer_id`);
    const out = new Map<
      string,
      {
        chat_id: string;
        contract_id: string;
        customer_id: string;
        created: boolean;
        manager_added: string | null;
      }
    >();
    for (const m of made) out.set(m.chat_id, { ...m, created: true, manager_added: null });
    for (const m of managers) {
      const row = out.get(m.chat_id) ?? {
        chat_id: m.chat_id,
        contract_id: m.contract_id,
        customer_id: m.customer_id,
        created: false,
        manager_added: null,
      };
      row.manager_added = m.staff_user_id;
      out.set(m.chat_id, row);
    }
    return [...out.values()];
  }

  /** Records an upload (not yet sent); answers its id. */
  async insertAttachment(a: {
    chatId: string;
    uploader: Person;
    name: string;
    size: number;
    mime: string;
    kind: 'image' | 'file';
    width: number | null;
    height: number | null;
    storageKey: string;
    thumbKey: string | null;
  }): Promise<string> {
    const rows = await this.db.query<{ id: string }>(sql`
      INSERT INTO chat_attachments (chat_id, uploaded_by_customer_id, uploaded_by_staff_id, name,
                                    size, mime, kind, width, height, storage_key, thumb_key)
      VALUES (${a.chatId}, ${a.uploader.kind === 'customer' ? a.uploader.id : null},
              ${a.uploader.kind === 'staff' ? a.uploader.id : null}, ${a.name}, ${a.size},
              ${a.mime}, ${a.kind}, ${a.width}, ${a.height}, ${a.storageKey}, ${a.thumbKey})
      RETURNING id`);
    return rows[0].id;
  }

  /** How many uploads `who` has waiting (not sent) in the chat. */
  async pendingUploads(chatId: string, who: Person): Promise<number> {
    const rows = await this.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM chat_attachments a
      WHERE a.chat_id = ${chatId} AND a.message_id IS NULL
        AND ${who.kind === 'customer' ? sql`a.uploaded_by_customer_id = ${who.id}` : sql`a.uploaded_by_staff_id = ${who.id}`}`);
    return rows[0]?.n ?? 0;
  }

  async attachment(id: string): Promise<AttachmentRow | null> {
    const rows = await this.db.query<AttachmentRow>(sql`
      SELECT id, chat_id, message_id, uploaded_by_customer_id, uploaded_by_staff_id, name,
             size::int AS size, mime, kind, width, height, storage_key, thumb_key
      FROM chat_attachments WHERE id = ${id}`);
    return rows[0] ?? null;
  }

  /** Deletes uploads never sent that are older than `before`; answers their blob keys. */
  async deleteUnsent(
    before: Date,
  ): Promise<Array<{ storage_key: string; thumb_key: string | null }>> {
    return this.db.query(sql`
      DELETE FROM chat_attachments WHERE message_id IS NULL AND created_at < ${before}
      RETURNING storage_key, thumb_key`);
  }

  /** Which of `keys` some attachment still refers to. */
  async referencedKeys(keys: string[]): Promise<string[]> {
    const rows = await this.db.query<{ key: string }>(sql`
      SELECT storage_key AS key FROM chat_attachments WHERE storage_key = ANY(${keys}::text[])
      UNION
      SELECT thumb_key FROM chat_attachments WHERE thumb_key = ANY(${keys}::text[])`);
    return rows.map((r) => r.key);
  }

  /** The files ever sent in a chat, newest first. */
  async materials(
    chatId: string,
    o: { kind?: 'image' | 'file'; limit: number; offset: number },
  ): Promise<
    Array<{
      id: string;
      message_id: string;
      name: string;
      size: number;
      mime: string;
      kind: 'image' | 'file';
      width: number | null;
      height: number | null;
      created_at: Date;
      author_name: string | null;
      total_count: string;
    }>
  > {
    return this.db.query(sql`
      SELECT a.id, a.message_id, a.name, a.size::int AS size, a.mime, a.kind, a.width, a.height,
             m.created_at, COALESCE(ac.full_name, ast.full_name) AS author_name,
             count(*) OVER () AS total_count
      FROM chat_attachments a
      JOIN chat_messages m ON m.id = a.message_id
      ${MESSAGE_JOINS}
      WHERE a.chat_id = ${chatId} ${o.kind ? sql`AND a.kind = ${o.kind}` : empty}
      ORDER BY m.id DESC, a.position
      LIMIT ${o.limit} OFFSET ${o.offset}`);
  }
}

/**
 * The staff search over chats (the contract list's rules): the chat's number, the contract's
 * number or the customer's name contain the text, or the customer's phone its digits.
 */
export function chatSearchSql(q: string): Sql {
  const text = q.trim().toLowerCase();
  const like = `%${likeEscape(text)}%`;
  const customer = [sql`lower(s.full_name) LIKE ${like}`];
  const phone = phoneDigits(text);
  if (phone) customer.push(sql`s.phone LIKE ${phone}`);
  const parts = [
    sql`ch.contract_id IN (SELECT n.id FROM contracts n WHERE lower(n.number) LIKE ${like})`,
    sql`ch.customer_id IN (SELECT s.id FROM customers s WHERE ${join(customer, ' OR ')})`,
  ];
  const number = parseChatNumber(text);
  if (number !== null && number <= 2_147_483_647) parts.push(sql`ch.number = ${number}`);
  return sql`(${join(parts, ' OR ')})`;
}

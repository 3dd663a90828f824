import { Inject, Injectable } from '@nestjs/common';
import type { ApprovalAction, ApprovalState } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, empty, sql, type Db, type Sql } from '../../database/sql';
import { VERSION_COLUMNS, type Person } from './chats.repository';

/** A message about to be put up for approval, locked for the transaction. */
export interface ApprovableMessageRow {
  id: string;
  kind: 'text' | 'system';
  approval_state: ApprovalState | null;
  replaced_by_id: string | null;
}

/** An approval about to move, locked for the transaction. */
export interface ApprovalForUpdateRow {
  id: string;
  state: ApprovalState;
  message_id: string;
  deadline: string | null;
  replaced_by_id: string | null;
}

/** What 1C is told about a decision (the export's snapshot). */
export interface ApprovalExportRow {
  customer_external_id: string;
  contract_external_id: string | null;
  contract_number: string | null;
  chat_number: number;
  message_id: string;
  message_text: string;
  attachment_name: string | null;
  version: number;
  deadline: string | null;
  by_name: string | null;
  by_external_id: string | null;
}

/** An approval as the contract page lists it, with its last step. */
export interface ContractApprovalRow {
  id: string;
  state: ApprovalState;
  deadline: string | null;
  created_at: Date;
  chat_id: string;
  chat_number: number;
  message_id: string;
  preview: string;
  attachment_id: string | null;
  attachment_name: string | null;
  version: number;
  replaced_by_id: string | null;
  step_action: ApprovalAction;
  step_at: Date;
  step_reason: string | null;
  step_customer_id: string | null;
  step_staff_user_id: string | null;
  step_name: string | null;
  step_role: string | null;
  total_count: string;
}

/** `chat_approvals` and their steps. */
@Injectable()
export class ApprovalsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * Asks for approval of a message: of `attachmentId` (an image of it) when given, else of its
   * first picture when it has one; answers the id.
   */
  async request(a: {
    chatId: string;
    messageId: string;
    contractId: string | null;
    deadline: string | null;
    by: Person;
    attachmentId?: string | null;
  }): Promise<string> {
    const picture = a.attachmentId
      ? sql`${a.attachmentId}::uuid`
      : sql`(SELECT id FROM chat_attachments WHERE message_id = ${a.messageId}
               AND kind = 'image' ORDER BY position LIMIT 1)`;
    const rows = await this.db.query<{ id: string }>(sql`
      INSERT INTO chat_approvals (message_id, chat_id, contract_id, attachment_id, deadline)
      VALUES (${a.messageId}, ${a.chatId}, ${a.contractId}, ${picture}, ${a.deadline})
      RETURNING id`);
    const id = rows[0].id;
    await this.step(id, 'requested', a.by, null);
    return id;
  }

  /**
   * Records a step and moves the approval's state to what it says; answers the step's time. The
   * time is the statement's (not the transaction's start), so steps taken one after another
   * under the approval's lock are in order.
   */
  async step(
    approvalId: string,
    action: ApprovalAction,
    by: Person,
    reason: string | null,
  ): Promise<Date> {
    const state: ApprovalState = action === 'requested' ? 'pending' : action;
    const rows = await this.db.query<{ at: Date }>(sql`
      INSERT INTO chat_approval_steps (approval_id, action, customer_id, staff_user_id, reason, at)
      VALUES (${approvalId}, ${action}, ${by.kind === 'customer' ? by.id : null},
              ${by.kind === 'staff' ? by.id : null}, ${reason}, clock_timestamp())
      RETURNING at`);
    await this.db.query(sql`
      UPDATE chat_approvals SET state = ${state}, updated_at = now() WHERE id = ${approvalId}`);
    return rows[0].at;
  }

  /**
   * A message of the chat, locked (asking twice at once: the second waits, then sees the first's
   * approval), with its approval's state and the newest message replacing it.
   */
  async messageForApproval(
    chatId: string,
    messageId: string,
  ): Promise<ApprovableMessageRow | null> {
    const locked = await this.db.query(sql`
      SELECT id FROM chat_messages WHERE chat_id = ${chatId} AND id = ${messageId} FOR UPDATE`);
    if (!locked.length) return null;
    // A statement of its own after the lock: it sees what the one we waited for committed.
    const rows = await this.db.query<ApprovableMessageRow>(sql`
      SELECT m.id::text AS id, m.kind,
             (SELECT ap.state FROM chat_approvals ap WHERE ap.message_id = m.id) AS approval_state,
             (SELECT max(r.id)::text FROM chat_messages r WHERE r.replaces_message_id = m.id)
               AS replaced_by_id
      FROM chat_messages m
      WHERE m.id = ${messageId}`);
    return rows[0] ?? null;
  }

  /** Whether `attachmentId` is a picture sent with the message. */
  async isImageOf(messageId: string, attachmentId: string): Promise<boolean> {
    const rows = await this.db.query(sql`
      SELECT 1 FROM chat_attachments
      WHERE id = ${attachmentId} AND message_id = ${messageId} AND kind = 'image'`);
    return rows.length > 0;
  }

  /** The approval of a message of the chat, locked for a step (deciders take turns). */
  async forUpdate(chatId: string, messageId: string): Promise<ApprovalForUpdateRow | null> {
    const locked = await this.db.query(sql`
      SELECT id FROM chat_approvals WHERE chat_id = ${chatId} AND message_id = ${messageId}
      FOR UPDATE`);
    if (!locked.length) return null;
    // Read after the lock (a statement of its own): the state the step we waited for left.
    const rows = await this.db.query<ApprovalForUpdateRow>(sql`
      SELECT ap.id, ap.state, ap.message_id::text AS message_id, ap.deadline::text AS deadline,
             (SELECT max(r.id)::text FROM chat_messages r WHERE r.replaces_message_id = ap.message_id)
               AS replaced_by_id
      FROM chat_approvals ap
      WHERE ap.chat_id = ${chatId} AND ap.message_id = ${messageId}`);
    return rows[0] ?? null;
  }

  /** The facts of an approval and of who took a step, as the export to 1C carries them. */
  async exportFacts(approvalId: string, by: Person): Promise<ApprovalExportRow> {
    const person =
      by.kind === 'customer'
        ? sql`(SELECT full_name AS name, external_id FROM customers WHERE id = ${by.id})`
        : sql`(SELECT full_name AS name, external_id FROM staff_users WHERE id = ${by.id})`;
    const rows = await this.db.query<ApprovalExportRow>(sql`
      SELECT cu.external_id AS customer_external_id, c.external_id AS contract_external_id,
             c.number AS contract_number, ch.number AS chat_number, m.id::text AS message_id,
             left(m.body, 1000) AS message_text, a.name AS attachment_name, v.version,
             ap.deadline::text AS deadline, who.name AS by_name, who.external_id AS by_external_id
      FROM chat_approvals ap
      JOIN chats ch ON ch.id = ap.chat_id
      JOIN customers cu ON cu.id = ch.customer_id
      JOIN chat_messages m ON m.id = ap.message_id
      LEFT JOIN contracts c ON c.id = ap.contract_id
      LEFT JOIN chat_attachments a ON a.id = ap.attachment_id
      LEFT JOIN ${person} who ON TRUE
      CROSS JOIN LATERAL (SELECT ${VERSION_COLUMNS}) v
      WHERE ap.id = ${approvalId}`);
    return rows[0];
  }

  /**
   * A page of a contract's approvals (those asked in chats about it that `scope`, a condition on
   * `ch`, lets the caller see), newest first, each with its last step.
   */
  async forContract(o: {
    contractId: string;
    scope: Sql;
    state?: ApprovalState;
    limit: number;
    offset: number;
  }): Promise<ContractApprovalRow[]> {
    return this.db.query<ContractApprovalRow>(sql`
      SELECT ap.id, ap.state, ap.deadline::text AS deadline, ap.created_at,
             ch.id AS chat_id, ch.number AS chat_number, m.id::text AS message_id,
             left(m.body, 200) AS preview, ap.attachment_id, a.name AS attachment_name,
             v.version, v.replaced_by_id,
             ls.action AS step_action, ls.at AS step_at, ls.reason AS step_reason,
             ls.customer_id AS step_customer_id, ls.staff_user_id AS step_staff_user_id,
             ls.name AS step_name, ls.role AS step_role,
             count(*) OVER () AS total_count
      FROM chat_approvals ap
      JOIN chats ch ON ch.id = ap.chat_id
      JOIN chat_messages m ON m.id = ap.message_id
      LEFT JOIN chat_attachments a ON a.id = ap.attachment_id
      CROSS JOIN LATERAL (SELECT ${VERSION_COLUMNS}) v
      CROSS JOIN LATERAL (
        SELECT s.action, s.at, s.reason, s.customer_id, s.staff_user_id,
               COALESCE(sc.full_name, ss.full_name) AS name, ss.role
        FROM chat_approval_steps s
        LEFT JOIN customers sc ON sc.id = s.customer_id
        LEFT JOIN staff_users ss ON ss.id = s.staff_user_id
        WHERE s.approval_id = ap.id
        ORDER BY s.at DESC, s.id DESC LIMIT 1) ls
      WHERE ap.contract_id = ${o.contractId} AND ${o.scope}
        ${o.state ? sql`AND ap.state = ${o.state}` : empty}
      ORDER BY ap.created_at DESC, m.id DESC
      LIMIT ${o.limit} OFFSET ${o.offset}`);
  }
}

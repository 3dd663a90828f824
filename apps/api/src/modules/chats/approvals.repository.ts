import { Inject, Injectable } from '@nestjs/common';
import type { ApprovalAction, ApprovalState } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';
import type { Person } from './chats.repository';

/** `chat_approvals` and their steps. */
@Injectable()
export class ApprovalsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Asks for approval of a message (its first picture, when it has one); answers the id. */
  async request(a: {
    chatId: string;
    messageId: string;
    contractId: string | null;
    deadline: string | null;
    by: Person;
  }): Promise<string> {
    const rows = await this.db.query<{ id: string }>(sql`
      INSERT INTO chat_approvals (message_id, chat_id, contract_id, attachment_id, deadline)
      VALUES (${a.messageId}, ${a.chatId}, ${a.contractId},
              (SELECT id FROM chat_attachments WHERE message_id = ${a.messageId}
                 AND kind = 'image' ORDER BY position LIMIT 1),
              ${a.deadline})
      RETURNING id`);
    const id = rows[0].id;
    await this.step(id, 'requested', a.by, null);
    return id;
  }

  /** Records a step and moves the approval's state to what it says. */
  async step(
    approvalId: string,
    action: ApprovalAction,
    by: Person,
    reason: string | null,
  ): Promise<void> {
    const state: ApprovalState = action === 'requested' ? 'pending' : action;
    await this.db.query(sql`
      INSERT INTO chat_approval_steps (approval_id, action, customer_id, staff_user_id, reason)
      VALUES (${approvalId}, ${action}, ${by.kind === 'customer' ? by.id : null},
              ${by.kind === 'staff' ? by.id : null}, ${reason})`);
    await this.db.query(sql`
      UPDATE chat_approvals SET state = ${state}, updated_at = now() WHERE id = ${approvalId}`);
  }
}

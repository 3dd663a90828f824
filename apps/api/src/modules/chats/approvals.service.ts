import { Inject, Injectable } from '@nestjs/common';
import { formatChatNumber, type ApprovalState } from '@kabinet/shared';
import { Clock, dateIn } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Database, type Db } from '../../database/sql';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import { appendEvents } from '../events/append-events';
import type { DomainEvent } from '../events/domain-events';
import { ExportService } from '../exchange/export.service';
import {
  toContractApproval,
  type ContractApprovalPageDto,
  type ContractApprovalsQueryDto,
  type RequestApprovalDto,
} from './approvals.dto';
import { ApprovalsRepository } from './approvals.repository';
import type { ChatMessageDto } from './chats.dto';
import type { Person } from './chats.repository';
import { ChatsService, personOf, type VisibleChat } from './chats.service';

/** A decision the customer takes. */
type Decision = 'approved' | 'rejected';

/** The states a customer decides from: waiting, or waiting again after staff revoked. */
const DECIDABLE: readonly ApprovalState[] = ['pending', 'revoked'];
/** The states staff revoke: the customer's decisions. */
const REVOCABLE: readonly ApprovalState[] = ['approved', 'rejected'];

const STATE_WORDS: Record<ApprovalState, string> = {
  pending: 'is waiting for the customer',
  approved: 'was approved',
  rejected: 'was rejected',
  revoked: 'was revoked and is waiting for the customer',
};

/**
 * Approvals in chats: staff put a message (its picture) up for approval, the customer approves
 * or rejects it (with a reason), staff revoke a decision (with a reason) and the customer decides
 * again. Every step is a row of `chat_approval_steps`; every step appends `chat.approval_changed`
 * last in its transaction, and every decision goes to 1C through the outbox in the same
 * transaction. A message that a newer version of its picture replaces can no longer be decided.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly chats: ChatsService,
    private readonly repo: ApprovalsRepository,
    private readonly exports: ExportService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Staff ask the customer to approve a message sent earlier (optionally by a deadline). */
  async request(
    auth: AuthContext,
    chatId: string,
    messageId: string,
    input: RequestApprovalDto,
  ): Promise<ChatMessageDto> {
    const v = await this.chats.visible(auth, chatId);
    this.assertManage(auth, v, 'ask for approval');
    const deadline = input.deadline ?? null;
    if (deadline && deadline < this.today()) {
      throw DomainError.validation([
        { path: 'deadline', message: 'The deadline cannot be in the past' },
      ]);
    }
    const me = personOf(auth);
    await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      const m = await repo.messageForApproval(chatId, messageId);
      if (!m) throw DomainError.notFound('Message');
      if (m.kind !== 'text') {
        throw new DomainError('conflict', 'A system line cannot be put up for approval');
      }
      if (m.approval_state) {
        throw new DomainError(
          'conflict',
          `This message already has an approval, which ${STATE_WORDS[m.approval_state]}`,
        );
      }
      if (m.replaced_by_id) {
        throw new DomainError(
          'conflict',
          `A newer version of this picture was sent (message ${m.replaced_by_id}): ask for approval of that one`,
        );
      }
      if (input.attachmentId && !(await repo.isImageOf(messageId, input.attachmentId))) {
        throw DomainError.validation([
          { path: 'attachmentId', message: 'This is not a picture sent with the message' },
        ]);
      }
      const approvalId = await repo.request({
        chatId,
        messageId,
        contractId: v.chat.contract_id,
        deadline,
        by: me,
        attachmentId: input.attachmentId ?? null,
      });
      await appendEvents(tx, [
        this.changed(v, messageId, approvalId, 'requested', me, null, deadline),
      ]);
    });
    return this.chats.message(auth, messageId);
  }

  /** The customer approves (no reason needed) or rejects (with a reason). */
  async decide(
    auth: AuthContext,
    chatId: string,
    messageId: string,
    decision: Decision,
    reason?: string,
  ): Promise<ChatMessageDto> {
    const v = await this.chats.visible(auth, chatId);
    if (auth.viewAs) {
      throw new DomainError(
        'read_only',
        'You are viewing the customer’s cabinet; only the customer decides on an approval',
      );
    }
    if (auth.kind !== 'customer') {
      throw new DomainError('forbidden', 'Only the customer approves or rejects');
    }
    if (!v.write) {
      throw new DomainError(
        'forbidden',
        'This chat is shared with you read-only: you cannot approve or reject in it',
      );
    }
    const why = decision === 'rejected' ? this.reasonOf(reason, 'Say why you reject it') : null;
    return this.move(auth, v, messageId, decision, why, DECIDABLE);
  }

  /** Staff withdraw the customer's decision (with a reason); the customer decides again. */
  async revoke(
    auth: AuthContext,
    chatId: string,
    messageId: string,
    reason: string,
  ): Promise<ChatMessageDto> {
    const v = await this.chats.visible(auth, chatId);
    this.assertManage(auth, v, 'revoke a decision');
    const why = this.reasonOf(reason, 'Say why the decision is revoked');
    return this.move(auth, v, messageId, 'revoked', why, REVOCABLE);
  }

  /** The approvals of a contract (in the chats about it the caller may see), newest first. */
  async forContract(
    auth: AuthContext,
    contractId: string,
    query: ContractApprovalsQueryDto,
  ): Promise<ContractApprovalPageDto> {
    await this.access.assertContracts(auth, [contractId]);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = await this.repo.forContract({
      contractId,
      scope: this.chats.scope(auth),
      state: query.state,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const today = this.today();
    return {
      items: rows.map((r) => toContractApproval(r, today)),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  /** One step (a decision or a revocation) from one of the states `from`. */
  private async move(
    auth: AuthContext,
    v: VisibleChat,
    messageId: string,
    action: Decision | 'revoked',
    reason: string | null,
    from: readonly ApprovalState[],
  ): Promise<ChatMessageDto> {
    const me = personOf(auth);
    await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      const a = await repo.forUpdate(v.chat.id, messageId);
      if (!a) throw DomainError.notFound('Approval');
      if (!from.includes(a.state)) {
        throw new DomainError(
          'conflict',
          action === 'revoked'
            ? `Only a decision can be revoked; this approval ${STATE_WORDS[a.state]}`
            : `This approval ${STATE_WORDS[a.state]}; it cannot be decided again until staff revoke the decision`,
        );
      }
      // An old version is settled: neither decided nor revoked (it could not be decided again).
      if (a.replaced_by_id) {
        throw new DomainError(
          'conflict',
          action === 'revoked'
            ? `A newer version of this picture was sent (message ${a.replaced_by_id}): this decision stays`
            : `A newer version of this picture was sent (message ${a.replaced_by_id}): decide on that one`,
        );
      }
      const at = await repo.step(a.id, action, me, reason);
      await this.export(tx, a.id, action, me, at, reason);
      await appendEvents(tx, [this.changed(v, messageId, a.id, action, me, reason, a.deadline)]);
    });
    return this.chats.message(auth, messageId);
  }

  /** Writes the decision into the outbox to 1C (in the step's transaction). */
  private async export(
    tx: Db,
    approvalId: string,
    state: Decision | 'revoked',
    by: Person,
    at: Date,
    reason: string | null,
  ): Promise<void> {
    const f = await this.repo.in(tx).exportFacts(approvalId, by);
    await this.exports.enqueue(tx, {
      kind: 'chat_approval',
      customerExternalId: f.customer_external_id,
      contractExternalId: f.contract_external_id,
      contractNumber: f.contract_number,
      chatNumber: formatChatNumber(f.chat_number),
      messageId: String(f.message_id),
      approvalId,
      messageText: f.message_text,
      attachmentName: f.attachment_name,
      version: f.version,
      deadline: f.deadline,
      state,
      by: { kind: by.kind, externalId: f.by_external_id, name: f.by_name ?? '' },
      at: new Date(at).toISOString().slice(0, 19),
      reason,
    });
  }

  private changed(
    v: VisibleChat,
    messageId: string,
    approvalId: string,
    action: 'requested' | Decision | 'revoked',
    by: Person,
    reason: string | null,
    deadline: string | null,
  ): DomainEvent {
    return {
      type: 'chat.approval_changed',
      source: 'api',
      contractId: v.chat.contract_id,
      customerId: v.chat.customer_id,
      payload: { chatId: v.chat.id, messageId, approvalId, action, by, reason, deadline },
    };
  }

  private assertManage(auth: AuthContext, v: VisibleChat, what: string): void {
    if (v.manage) return;
    if (auth.viewAs) {
      throw new DomainError('read_only', 'You are viewing the customer’s cabinet; nothing changes');
    }
    throw new DomainError('forbidden', `Your role does not let you ${what} in this chat`);
  }

  /** A required reason, trimmed; a blank one is a field error. */
  private reasonOf(reason: string | undefined, message: string): string {
    const text = (reason ?? '').replace(/\r\n?/g, '\n').trim();
    if (!text) throw DomainError.validation([{ path: 'reason', message }]);
    return text;
  }

  private today(): string {
    return dateIn(this.clock.now(), this.config.timeZone);
  }
}

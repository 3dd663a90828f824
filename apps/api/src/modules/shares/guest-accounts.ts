// What the 1C customer importer asks of sharing (no Nest here: it runs in the import process).
// An account made for shares holds a phone only until 1C gives that phone to a customer: then
// the person is that customer, and what was shared with the account is shared with them.
import type { Db } from '../../database/sql';
import { recordAudit } from '../audit/record-audit';
import type { DomainEvent } from '../events/domain-events';
import { SharesRepository } from './shares.repository';

/** The part of an import's context this needs (see ImportContext). */
export interface HandOverContext {
  readonly tx: Db;
  readonly now: Date;
  stage(event: DomainEvent): Promise<void>;
}

/**
 * Phones the 1C import gives to customers, as sharing sees it: one per file (the customer
 * importer's). The first phone taken locks out making accounts for shares until the file's
 * transaction ends (SharesRepository.tryHoldAccounts), so no account takes a phone the file is
 * giving to a customer.
 */
export class SharedPhones {
  private readonly shares: SharesRepository;
  private locked = false;

  constructor(private readonly ctx: HandOverContext) {
    this.shares = new SharesRepository(ctx.tx);
  }

  /**
   * Before 1C's customer takes `phone`: archives the live account made for shares that holds it
   * (its sessions end), so the phone is free; answers that account's id for `handOver`.
   */
  async release(phone: string): Promise<string | null> {
    if (!this.locked) {
      await this.shares.lockAccounts();
      this.locked = true;
    }
    return (await this.shares.releasePhone(phone, this.ctx.now)) ?? null;
  }

  /**
   * After 1C's customer `customerId` took `phone` from the account `accountId`: each share with
   * the account ends, and one with the same access is made for the customer — unless the
   * contract is theirs or already shared with them, or the share had lapsed (its owner no longer
   * owns the contract). Audited (no one signed in: the import) and told as events staged with
   * the file's.
   */
  async handOver(accountId: string, customerId: string, phone: string): Promise<void> {
    const { shares, ctx } = this;
    const audit = (action: string, contractId: string, details: Record<string, unknown>) =>
      recordAudit(ctx.tx, {
        actorId: null,
        action,
        subjectType: 'contract',
        subjectId: contractId,
        details: { actorKind: 'import', ...details },
        at: ctx.now,
      });
    for (const s of await shares.unrevokedSharesOf(accountId)) {
      await shares.revoke(s.id, 'import', ctx.now);
      await audit('contract.share.revoke', s.contract_id, {
        shareId: s.id,
        granteeCustomerId: accountId,
        access: s.access,
        handedOverTo: customerId,
      });
      if (!s.effective) continue;
      await ctx.stage({
        type: 'contract.share_revoked',
        source: 'import',
        occurredAt: ctx.now,
        contractId: s.contract_id,
        customerId: s.owner_customer_id,
        payload: {
          shareId: s.id,
          granteeCustomerId: accountId,
          access: s.access,
          revokedBy: 'import',
        },
      });
      if (s.owner_customer_id === customerId) continue;
      if (await shares.unrevokedShare(s.contract_id, customerId)) continue;
      const id = await shares.insert({
        contractId: s.contract_id,
        ownerId: s.owner_customer_id,
        granteeId: customerId,
        phone,
        name: s.name,
        access: s.access,
        at: ctx.now,
      });
      await audit('contract.share.create', s.contract_id, {
        shareId: id,
        granteeCustomerId: customerId,
        phone,
        access: s.access,
        handedOverFrom: accountId,
      });
      await ctx.stage({
        type: 'contract.shared',
        source: 'import',
        occurredAt: ctx.now,
        contractId: s.contract_id,
        customerId: s.owner_customer_id,
        payload: { shareId: id, granteeCustomerId: customerId, access: s.access },
      });
    }
  }
}

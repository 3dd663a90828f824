import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { DB, type Database, type Db } from '../../database/sql';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import { appendEvents } from '../events/append-events';
import type { ShareRevoker } from './contract-share.entity';
import { accountName, cleanName, shareRefusal } from './share-rules';
import {
  toReceivedShare,
  toShare,
  type CreateShareDto,
  type ReceivedShareDto,
  type ShareDto,
  type UpdateShareDto,
} from './shares.dto';
import { SharesRepository, type LockedShareRow } from './shares.repository';

const ONLY_OWNER = 'Only the contract’s owner shares it and changes its shares';

/**
 * Family members: the owner of a contract (the customer 1C names) shares it by phone, read-only
 * or in full, changes and revokes the shares; staff see and revoke them. A phone no 1C customer
 * has gets an account of its own (a customers row without a 1C id), live while a share lets it
 * in. Every change is audited and told as a domain event (the chat adds or removes the person).
 */
@Injectable()
export class SharesService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: SharesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The shares of a contract: for its owner, and for staff who may see it (with whose account). */
  async list(auth: AuthContext, contractId: string): Promise<ShareDto[]> {
    const contract = await this.repo.contract(contractId, this.managerScope(auth));
    if (!contract) throw DomainError.notFound('Contract');
    const rows = await this.repo.activeShares(contractId);
    return rows.map((r) => toShare(r, auth.kind === 'staff'));
  }

  /** The owner shares their contract with a phone. */
  async create(auth: AuthContext, contractId: string, body: CreateShareDto): Promise<ShareDto> {
    if (auth.kind !== 'customer') throw new DomainError('forbidden', ONLY_OWNER);
    const phone = normalizePhone(body.phone);
    if (!phone) {
      throw DomainError.validation([
        { path: 'phone', message: 'Not a phone number; write it as +7 916 123-45-67' },
      ]);
    }
    const name = cleanName(body.name);
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const shares = this.repo.in(tx);
      await shares.lockContract(contractId);
      const contract = await shares.contract(contractId, this.access.contractOwnerScope(auth, 'c'));
      if (!contract) throw DomainError.notFound('Contract');
      await shares.lockPhone(phone);
      const holder = await this.holderOf(shares, phone);
      const existing = holder && (await shares.unrevokedShare(contractId, holder.id));
      const refusal = shareRefusal({
        phone,
        ownerPhone: holder?.id === auth.userId ? phone : contract.owner_phone,
        activeShares: await shares.countActive(contractId),
        alreadyShared: Boolean(existing?.effective),
      });
      if (refusal) throw DomainError.validation([refusal]);
      const granteeId =
        holder?.id ??
        (await shares.reviveAccount(phone)) ??
        (await shares.insertAccount(phone, accountName(name, phone)));
      // A share the previous owner made (1C gave them the contract since) gives way.
      if (existing) await shares.revoke(existing.id, 'owner', now);
      const id = await shares.insert({
        contractId,
        ownerId: auth.userId,
        granteeId,
        phone,
        name,
        access: body.access,
        at: now,
      });
      await this.audit.record(tx, {
        actorId: auth.userId,
        action: 'contract.share.create',
        subjectType: 'contract',
        subjectId: contractId,
        details: {
          actorKind: 'customer',
          shareId: id,
          granteeCustomerId: granteeId,
          phone,
          access: body.access,
        },
        at: now,
      });
      const share = await shares.share(id);
      await appendEvents(tx, [
        {
          type: 'contract.shared',
          source: 'api',
          occurredAt: now,
          contractId,
          customerId: auth.userId,
          payload: { shareId: id, granteeCustomerId: granteeId, access: body.access },
        },
      ]);
      return toShare(share!, false);
    });
  }

  /** The owner changes what a share allows. */
  async update(auth: AuthContext, id: string, body: UpdateShareDto): Promise<ShareDto> {
    if (auth.kind !== 'customer') throw new DomainError('forbidden', ONLY_OWNER);
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const shares = this.repo.in(tx);
      const share = await shares.shareForUpdate(id, this.access.contractOwnerScope(auth, 'c'));
      if (!share?.active) throw DomainError.notFound('Share');
      if (share.access !== body.access) {
        await shares.setAccess(id, body.access, now);
        await this.audit.record(tx, {
          actorId: auth.userId,
          action: 'contract.share.change',
          subjectType: 'contract',
          subjectId: share.contract_id,
          details: {
            actorKind: 'customer',
            shareId: id,
            granteeCustomerId: share.grantee_customer_id,
            access: body.access,
            previousAccess: share.access,
          },
          at: now,
        });
      }
      const row = await shares.share(id);
      if (share.access !== body.access) {
        await appendEvents(tx, [
          {
            type: 'contract.share_changed',
            source: 'api',
            occurredAt: now,
            contractId: share.contract_id,
            customerId: share.owner_customer_id,
            payload: {
              shareId: id,
              granteeCustomerId: share.grantee_customer_id,
              access: body.access,
              previousAccess: share.access,
            },
          },
        ]);
      }
      return toShare(row!, false);
    });
  }

  /**
   * The owner, or staff who may see the contract, revoke a share: the person loses the contract
   * at their next request. Revoking a share already revoked changes nothing.
   */
  async revoke(auth: AuthContext, id: string): Promise<void> {
    const now = this.clock.now();
    const by: ShareRevoker = auth.kind === 'staff' ? 'staff' : 'owner';
    await this.db.transaction(async (tx) => {
      const shares = this.repo.in(tx);
      const share = await shares.shareForUpdate(id, this.managerScope(auth));
      if (!share) throw DomainError.notFound('Share');
      // A lapsed share (1C gave the contract to someone else) is not its old owner's to touch.
      if (auth.kind === 'customer' && share.owner_customer_id !== auth.userId) {
        throw DomainError.notFound('Share');
      }
      if (!share.active) return;
      await this.end(tx, share, by, auth.userId, now);
    });
  }

  /**
   * The live account holding `phone`. Unless it is a 1C customer's, the 1C import could be giving
   * the phone to a customer right now (archiving an account made for shares, moving its shares):
   * sharing then holds the lock that keeps the import out until this transaction ends, and is
   * refused while an import holds it — the owner tries again in a moment.
   */
  private async holderOf(shares: SharesRepository, phone: string) {
    const holder = await shares.liveHolderOf(phone);
    if (holder?.from_1c) return holder;
    if (!(await shares.tryHoldAccounts())) {
      throw new DomainError(
        'conflict',
        'Data from 1C is being imported right now: try again in a minute',
      );
    }
    // An import that finished meanwhile may have given the phone to a customer.
    return shares.liveHolderOf(phone);
  }

  /** The contracts shared with me (a customer); none for staff. */
  async received(auth: AuthContext): Promise<ReceivedShareDto[]> {
    if (auth.kind !== 'customer') return [];
    return (await this.repo.received(auth.userId)).map(toReceivedShare);
  }

  /**
   * Ends a share in `tx`: revoked, its account archived when nothing lets it in any more,
   * audited, told (the event is the transaction's last statement).
   */
  private async end(
    tx: Db,
    share: LockedShareRow,
    by: ShareRevoker,
    actorId: string,
    now: Date,
  ): Promise<void> {
    const shares = this.repo.in(tx);
    await shares.revoke(share.id, by, now);
    const archived = await shares.archiveAccountIfIdle(share.grantee_customer_id, now);
    await this.audit.record(tx, {
      actorId,
      action: 'contract.share.revoke',
      subjectType: 'contract',
      subjectId: share.contract_id,
      details: {
        actorKind: by === 'staff' ? 'staff' : 'customer',
        shareId: share.id,
        granteeCustomerId: share.grantee_customer_id,
        access: share.access,
        accountArchived: archived,
      },
      at: now,
    });
    await appendEvents(tx, [
      {
        type: 'contract.share_revoked',
        source: 'api',
        occurredAt: now,
        contractId: share.contract_id,
        customerId: share.owner_customer_id,
        payload: {
          shareId: share.id,
          granteeCustomerId: share.grantee_customer_id,
          access: share.access,
          revokedBy: by,
        },
      },
    ]);
  }

  /**
   * Who may see and revoke a contract's shares, as a condition on `c`: its owner (1C's, not
   * someone it is shared with) and staff who may see the contract.
   */
  private managerScope(auth: AuthContext) {
    return auth.kind === 'customer'
      ? this.access.contractOwnerScope(auth, 'c')
      : this.access.contractScope(auth, 'c');
  }
}

import type { ShareAccess } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { sql, type Sql } from '../../database/sql';
import type { ShareRevoker } from './contract-share.entity';

/** A share with its grantee's account. */
export interface ShareRow {
  id: string;
  contract_id: string;
  owner_customer_id: string;
  grantee_customer_id: string;
  phone: string;
  name: string | null;
  access: ShareAccess;
  created_at: Date;
  updated_at: Date;
  revoked_at: Date | null;
  grantee_name: string;
  grantee_from_1c: boolean;
}

/** A share as `shareForUpdate` finds it: whether it still counts. */
export interface LockedShareRow {
  id: string;
  contract_id: string;
  owner_customer_id: string;
  grantee_customer_id: string;
  access: ShareAccess;
  /** Not revoked, and its owner still owns the contract. */
  active: boolean;
}

/** A contract someone shared with the reader. */
export interface ReceivedShareRow {
  id: string;
  contract_id: string;
  contract_number: string;
  owner_name: string;
  access: ShareAccess;
  created_at: Date;
}

/** A contract as sharing needs it: its owner and the owner's phone. */
export interface ShareableContractRow {
  id: string;
  customer_id: string;
  owner_phone: string | null;
}

/** A live customer account holding a phone. */
export interface PhoneHolderRow {
  id: string;
  from_1c: boolean;
}

/** A share the import moves away from an account whose phone 1C gave to a customer. */
export interface MovableShareRow {
  id: string;
  contract_id: string;
  /** The contract's owner now. */
  owner_customer_id: string;
  name: string | null;
  access: ShareAccess;
  /** Whether its owner still owns the contract (a lapsed share is only revoked). */
  effective: boolean;
}

/** The advisory lock between making accounts for shares and the import giving out phones. */
const ACCOUNTS_LOCK = 'kabinet:share-accounts';

const SHARE_COLUMNS = sql`s.id, s.contract_id, s.owner_customer_id, s.grantee_customer_id, s.phone,
  s.name, s.access, s.created_at, s.updated_at, s.revoked_at, g.full_name AS grantee_name,
  (g.external_id IS NOT NULL) AS grantee_from_1c`;

/**
 * `contract_shares`, and the accounts made for them: customers rows without a 1C id, live while
 * they hold an active share. A share counts while it is not revoked and its owner still owns the
 * contract (`s.owner_customer_id = c.customer_id`). No Nest here (SharesModule provides it with
 * a factory): the 1C import process uses it too (guest-accounts.ts).
 */
export class SharesRepository extends Repository {
  /** Serialises changes to one contract's shares until the transaction ends (the limit). */
  async lockContract(contractId: string): Promise<void> {
    await this.db.query(sql`SELECT pg_advisory_xact_lock(hashtext(${`share:${contractId}`}))`);
  }

  /** Serialises sharing with one phone until the transaction ends (one account per phone). */
  async lockPhone(phone: string): Promise<void> {
    await this.db.query(sql`SELECT pg_advisory_xact_lock(hashtext(${`share-phone:${phone}`}))`);
  }

  /**
   * Making an account for a phone and the 1C import giving phones to customers exclude each
   * other (else both could take one phone): sharing holds this lock shared, without waiting
   * (false: an import is giving out phones now), until the transaction ends.
   */
  async tryHoldAccounts(): Promise<boolean> {
    const rows = await this.db.query<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock_shared(hashtext(${ACCOUNTS_LOCK})) AS ok`,
    );
    return rows[0]?.ok === true;
  }

  /** The import's side of `tryHoldAccounts`: exclusive, until the file's transaction ends. */
  async lockAccounts(): Promise<void> {
    await this.db.query(sql`SELECT pg_advisory_xact_lock(hashtext(${ACCOUNTS_LOCK}))`);
  }

  /** The live contract `id` passing `scope` (a condition on `c`), with its owner's phone. */
  async contract(id: string, scope: Sql): Promise<ShareableContractRow | undefined> {
    const rows = await this.db.query<ShareableContractRow>(
      sql`SELECT c.id, c.customer_id, cu.phone AS owner_phone
            FROM contracts c JOIN customers cu ON cu.id = c.customer_id
           WHERE c.id = ${id} AND c.archived_at IS NULL AND ${scope}`,
    );
    return rows[0];
  }

  /** The shares of contract `contractId` that count, oldest first. */
  async activeShares(contractId: string): Promise<ShareRow[]> {
    return this.db.query<ShareRow>(
      sql`SELECT ${SHARE_COLUMNS}
            FROM contract_shares s JOIN contracts c ON c.id = s.contract_id
            JOIN customers g ON g.id = s.grantee_customer_id
           WHERE s.contract_id = ${contractId} AND s.revoked_at IS NULL
             AND s.owner_customer_id = c.customer_id
           ORDER BY s.created_at, s.id`,
    );
  }

  /** Share `id` with its grantee's account. */
  async share(id: string): Promise<ShareRow | undefined> {
    const rows = await this.db.query<ShareRow>(
      sql`SELECT ${SHARE_COLUMNS}
            FROM contract_shares s JOIN customers g ON g.id = s.grantee_customer_id
           WHERE s.id = ${id}`,
    );
    return rows[0];
  }

  /**
   * Share `id` of a live contract passing `scope` (a condition on `c`), locked until the
   * transaction ends; none when there is no such share (or the caller may not see it).
   */
  async shareForUpdate(id: string, scope: Sql): Promise<LockedShareRow | undefined> {
    const rows = await this.db.query<LockedShareRow>(
      sql`SELECT s.id, s.contract_id, s.owner_customer_id, s.grantee_customer_id, s.access,
                 (s.revoked_at IS NULL AND s.owner_customer_id = c.customer_id) AS active
            FROM contract_shares s JOIN contracts c ON c.id = s.contract_id
           WHERE s.id = ${id} AND c.archived_at IS NULL AND ${scope}
             FOR UPDATE OF s`,
    );
    return rows[0];
  }

  /** The live customer account (a 1C customer or one made for shares) with this phone. */
  async liveHolderOf(phone: string): Promise<PhoneHolderRow | undefined> {
    const rows = await this.db.query<PhoneHolderRow>(
      sql`SELECT id, (external_id IS NOT NULL) AS from_1c FROM customers
           WHERE phone = ${phone} AND archived_at IS NULL`,
    );
    return rows[0];
  }

  /**
   * Brings back the newest archived account made for shares with this phone (the person comes
   * back to their old account, chats and all); its id, or none when there is none.
   */
  async reviveAccount(phone: string): Promise<string | undefined> {
    const rows = await this.db.query<{ id: string }>(
      sql`UPDATE customers SET archived_at = NULL, updated_at = now()
           WHERE id = (SELECT id FROM customers
                        WHERE phone = ${phone} AND external_id IS NULL AND archived_at IS NOT NULL
                        ORDER BY archived_at DESC, created_at DESC LIMIT 1)
          RETURNING id`,
    );
    return rows[0]?.id;
  }

  /** Makes an account for shares (no 1C id) with this phone; its id. */
  async insertAccount(phone: string, fullName: string): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO customers (external_id, full_name, phone, phone_raw)
          VALUES (NULL, ${fullName}, ${phone}, ${phone})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  /** How many shares of contract `contractId` count. */
  async countActive(contractId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM contract_shares s JOIN contracts c ON c.id = s.contract_id
           WHERE s.contract_id = ${contractId} AND s.revoked_at IS NULL
             AND s.owner_customer_id = c.customer_id`,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * The unrevoked share of contract `contractId` with `granteeId`, if any, and whether it counts
   * (one that lapsed with a change of owner does not, but still holds the row's place).
   */
  async unrevokedShare(
    contractId: string,
    granteeId: string,
  ): Promise<{ id: string; effective: boolean } | undefined> {
    const rows = await this.db.query<{ id: string; effective: boolean }>(
      sql`SELECT s.id, (s.owner_customer_id = c.customer_id) AS effective
            FROM contract_shares s JOIN contracts c ON c.id = s.contract_id
           WHERE s.contract_id = ${contractId} AND s.grantee_customer_id = ${granteeId}
             AND s.revoked_at IS NULL`,
    );
    return rows[0];
  }

  async insert(s: {
    contractId: string;
    ownerId: string;
    granteeId: string;
    phone: string;
    name: string | null;
    access: ShareAccess;
    at: Date;
  }): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO contract_shares (contract_id, owner_customer_id, grantee_customer_id, phone,
                                       name, access, created_at, updated_at)
          VALUES (${s.contractId}, ${s.ownerId}, ${s.granteeId}, ${s.phone}, ${s.name},
                  ${s.access}, ${s.at}, ${s.at})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  async setAccess(id: string, access: ShareAccess, at: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE contract_shares SET access = ${access}, updated_at = ${at} WHERE id = ${id}`,
    );
  }

  async revoke(id: string, by: ShareRevoker, at: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE contract_shares SET revoked_at = ${at}, revoked_by = ${by}, updated_at = ${at}
           WHERE id = ${id} AND revoked_at IS NULL`,
    );
  }

  /**
   * Archives the account made for shares `customerId` when no share lets it in any more (its
   * sessions end, its phone logs in no more); true when it did.
   */
  async archiveAccountIfIdle(customerId: string, at: Date): Promise<boolean> {
    const rows = await this.db.query(
      sql`UPDATE customers cu SET archived_at = ${at}, updated_at = now()
           WHERE cu.id = ${customerId} AND cu.external_id IS NULL AND cu.archived_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM contract_shares s WHERE s.grantee_customer_id = cu.id
                               AND s.revoked_at IS NULL)
          RETURNING cu.id`,
    );
    return rows.length > 0;
  }

  /** The contracts shared with customer `customerId` that count, by contract number. */
  async received(customerId: string): Promise<ReceivedShareRow[]> {
    return this.db.query<ReceivedShareRow>(
      sql`SELECT s.id, s.contract_id, c.number AS contract_number, o.full_name AS owner_name,
                 s.access, s.created_at
            FROM contract_shares s JOIN contracts c ON c.id = s.contract_id
            JOIN customers o ON o.id = c.customer_id
           WHERE s.grantee_customer_id = ${customerId} AND s.revoked_at IS NULL
             AND s.owner_customer_id = c.customer_id AND c.archived_at IS NULL
           ORDER BY c.number, s.id`,
    );
  }

  // The 1C import giving a phone to a customer (guest-accounts.ts).

  /** Archives the live account made for shares holding `phone`; its id, if there was one. */
  async releasePhone(phone: string, at: Date): Promise<string | undefined> {
    const rows = await this.db.query<{ id: string }>(
      sql`UPDATE customers SET archived_at = ${at}, updated_at = now()
           WHERE phone = ${phone} AND external_id IS NULL AND archived_at IS NULL
          RETURNING id`,
    );
    return rows[0]?.id;
  }

  /** The unrevoked shares with `granteeId`, locked until the transaction ends. */
  async unrevokedSharesOf(granteeId: string): Promise<MovableShareRow[]> {
    return this.db.query<MovableShareRow>(
      sql`SELECT s.id, s.contract_id, c.customer_id AS owner_customer_id, s.name, s.access,
                 (s.owner_customer_id = c.customer_id) AS effective
            FROM contract_shares s JOIN contracts c ON c.id = s.contract_id
           WHERE s.grantee_customer_id = ${granteeId} AND s.revoked_at IS NULL
           ORDER BY s.created_at, s.id
             FOR UPDATE OF s`,
    );
  }
}

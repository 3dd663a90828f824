import type { Db } from './sql';

/**
 * What every `<domain>.repository.ts` extends: it reads and writes one domain's tables with the
 * `sql` tag, on the app's database — or, through `in(tx)`, on the connection of a transaction a
 * service opened (`db.transaction(tx => repo.in(tx).save(...))`). Services decide; repositories
 * hold the SQL and type its rows. No Nest here, so the CLI and the import process build them with
 * `new` over a `pg` pool.
 */
export abstract class Repository {
  constructor(protected readonly db: Db) {}

  /** This repository on `tx` (a transaction's connection). */
  in(tx: Db): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    return Object.assign(copy, this, { db: tx });
  }
}

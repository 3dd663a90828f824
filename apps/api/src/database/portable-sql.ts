// A minimal SQL interface over TypeORM or bare `pg`: for code that also runs without Nest.
import type { Pool, PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

export type Row = Record<string, unknown>;

/**
 * The little SQL the import needs: a statement and its rows. TypeORM's query runner and a plain
 * `pg` client both provide it, so the importer runs inside the API (tests, in-process imports)
 * and in the slim import process (which loads `pg`, not Nest or TypeORM). An UPDATE or DELETE
 * answers its RETURNING rows (none without RETURNING), never TypeORM's `[rows, count]`.
 */
export interface Sql {
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Statements on their own (autocommit), and transactions. */
export interface SqlDatabase extends Sql {
  /** Runs `work` in one transaction on one connection: COMMIT when it resolves, else ROLLBACK. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

function runnerSql(runner: QueryRunner): Sql {
  return {
    query: async <T>(text: string, params?: unknown[]) =>
      (await runner.query(text, params, true)).records as T[],
  };
}

/** The API's TypeORM data source as a SqlDatabase. */
export function typeormSql(ds: DataSource): SqlDatabase {
  return {
    async query<T>(text: string, params?: unknown[]) {
      const runner = ds.createQueryRunner();
      try {
        return await runnerSql(runner).query<T>(text, params);
      } finally {
        await runner.release();
      }
    },
    transaction: (work) => ds.transaction((em) => work(runnerSql(em.queryRunner!))),
  };
}

/**
 * Names for statement texts, so `pg` prepares each once per connection and then only binds and
 * executes it: an import runs the same dozen statements thousands of times, and skipping the
 * parse and plan makes it about a quarter faster. Bounded: texts past the limit run unnamed.
 */
function statementNames(limit = 500): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (!name && names.size < limit) {
      name = `kabinet_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
}

function clientSql(client: Pool | PoolClient, nameOf: (text: string) => string | undefined): Sql {
  return {
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.query({ name: nameOf(text), text, values: params })).rows as T[],
  };
}

/** A `pg` pool as a SqlDatabase (its statements prepared once per connection). */
export function pgSql(pool: Pool): SqlDatabase {
  const nameOf = statementNames();
  return {
    ...clientSql(pool, nameOf),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(clientSql(client, nameOf));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}

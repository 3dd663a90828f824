// The one way Kabinet reaches PostgreSQL with SQL: statements written with the `sql` tag
// (sql-template-tag) and run by a `Db` — over TypeORM's connection in the API and the CLI, over a
// bare `pg` pool in the slim import process. Repositories (`<domain>.repository.ts`) and importers
// (`<domain>.importer.ts`) are the only places that run statements (eslint.config.mjs keeps it so).
import type { Pool, PoolClient } from 'pg';
import sql, { empty, join, raw, Sql } from 'sql-template-tag';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

export { empty, join, raw, sql, Sql };

export type Row = Record<string, unknown>;

/**
 * Runs statements: a connection, a pool or a transaction. A value interpolated into `sql` is a
 * parameter ($n, numbered by the tag however fragments nest); a nested `sql` is a fragment; `raw`
 * is trusted text (aliases, sort directions chosen from a fixed list — never input). An UPDATE or
 * DELETE answers its RETURNING rows (none without RETURNING), never TypeORM's `[rows, count]`.
 */
export interface Db {
  query<T = Row>(statement: Sql): Promise<T[]>;
}

/** Statements on their own (autocommit), and transactions. */
export interface Database extends Db {
  /** Runs `work` in one transaction on one connection: COMMIT when it resolves, else ROLLBACK. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one connection held for it, outside a transaction (each statement commits):
   * for session state that outlives transactions, such as a session-level advisory lock.
   */
  session<T>(work: (conn: Db) => Promise<T>): Promise<T>;
}

/** The Nest token of the app's `Database` (see DatabaseModule). */
export const DB = Symbol('DB');

/** A trusted identifier (a table alias chosen in code), as SQL text. */
export const ident = (name: string): Sql => {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Not an identifier: ${name}`);
  return raw(name);
};

function runnerDb(runner: QueryRunner): Db {
  return {
    query: async <T>(s: Sql) => (await runner.query(s.text, s.values, true)).records as T[],
  };
}

/** A TypeORM entity manager (inside `dataSource.transaction`) as a Db on its connection. */
function managerDb(em: EntityManager): Db {
  if (!em.queryRunner) throw new Error('managerDb needs a transaction’s entity manager');
  return runnerDb(em.queryRunner);
}

/** The API's TypeORM data source as a Database. */
export function typeormDatabase(ds: DataSource): Database {
  return {
    async query<T>(s: Sql) {
      const runner = ds.createQueryRunner();
      try {
        return await runnerDb(runner).query<T>(s);
      } finally {
        await runner.release();
      }
    },
    transaction: (work) => ds.transaction((em) => work(managerDb(em))),
    async session(work) {
      const runner = ds.createQueryRunner();
      await runner.connect();
      try {
        return await work(runnerDb(runner));
      } finally {
        await runner.release();
      }
    },
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

function clientDb(client: Pool | PoolClient, nameOf: (text: string) => string | undefined): Db {
  return {
    query: async <T>(s: Sql) =>
      (await client.query({ name: nameOf(s.text), text: s.text, values: s.values })).rows as T[],
  };
}

/** A `pg` pool as a Database (its statements prepared once per connection). */
export function pgDatabase(pool: Pool): Database {
  const nameOf = statementNames();
  return {
    ...clientDb(pool, nameOf),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(clientDb(client, nameOf));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async session(work) {
      const client = await pool.connect();
      try {
        return await work(clientDb(client, nameOf));
      } finally {
        client.release();
      }
    },
  };
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options';
import { buildSpec } from '../src/openapi/spec';
import { createTestDatabase } from './helpers';
import { MIGRATIONS } from './migrations';

describe('drift', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('the migrations build exactly the schema the entities describe', async () => {
    const ds = new DataSource(dataSourceOptions(db.url, MIGRATIONS));
    await ds.initialize();
    try {
      const pending = await ds.showMigrations();
      expect(pending, 'the template database has every migration').toBe(false);
      const sql = await ds.driver.createSchemaBuilder().log();
      const queries = sql.upQueries.map((q) => q.query);
      expect(queries, 'run `pnpm migration:generate <Name>` and commit the file').toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('the committed openapi/openapi.json is what the code generates', async () => {
    const committed = await readFile(resolve(__dirname, '../../../openapi/openapi.json'), 'utf8');
    const generated = await buildSpec();
    expect(
      generated === committed,
      'run `pnpm openapi` and commit openapi/ and libs/api-client',
    ).toBe(true);
  });
});

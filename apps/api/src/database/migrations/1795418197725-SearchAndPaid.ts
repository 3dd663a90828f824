import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM cannot express trigram GIN indexes or fill a new column from existing
 * rows, so `migration:generate` cannot write this one. It fills `contracts.paid` (added by
 * CustomerCabinet) from the payments already stored. The entities declare these indexes with `synchronize: false` so the drift check
 * leaves them alone. pg_trgm is a trusted extension: the database owner may create it.
 */
export class SearchAndPaid1795418197725 implements MigrationInterface {
  name = 'SearchAndPaid1795418197725';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "contracts" c SET "paid" = COALESCE((SELECT sum(p."amount") FROM "contract_payments" p WHERE p."contract_id" = c."id" AND p."archived_at" IS NULL), 0)`,
    );
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "contracts_number_trgm_idx" ON "contracts" USING gin (lower("number") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "customers_full_name_trgm_idx" ON "customers" USING gin (lower("full_name") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "customers_phone_trgm_idx" ON "customers" USING gin ("phone" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."customers_phone_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customers_full_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_number_trgm_idx"`);
  }
}

import { MigrationInterface, QueryRunner } from "typeorm";

export class ContractsListIndex1795431419667 implements MigrationInterface {
    name = 'ContractsListIndex1795431419667'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "contracts_list_date_idx" ON "contracts" ("date", "number", "id") WHERE "archived_at" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."contracts_list_date_idx"`);
    }

}

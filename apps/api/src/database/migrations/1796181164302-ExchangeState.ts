import { MigrationInterface, QueryRunner } from "typeorm";

export class ExchangeState1796181164302 implements MigrationInterface {
    name = 'ExchangeState1796181164302'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "exchange_state" ("id" smallint NOT NULL, "last_checked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_dee7c30871a8180c96ead19a7c8" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "exchange_state"`);
    }

}

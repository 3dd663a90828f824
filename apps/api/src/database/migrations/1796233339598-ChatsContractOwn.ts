import { MigrationInterface, QueryRunner } from "typeorm";

export class ChatsContractOwn1796233339598 implements MigrationInterface {
    name = 'ChatsContractOwn1796233339598'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNIQUE INDEX "chats_contract_own_uq" ON "chats" ("contract_id") WHERE "kind" = 'contract'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."chats_contract_own_uq"`);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class FirstLoginBaseline1796181660388 implements MigrationInterface {
    name = 'FirstLoginBaseline1796181660388'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "customers" ADD "first_login_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "first_login_at"`);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class CompanyProfile1796178478484 implements MigrationInterface {
    name = 'CompanyProfile1796178478484'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "company_profile" ("id" smallint NOT NULL DEFAULT '1', "name" character varying(100), "description" character varying(200), "logo_file_id" uuid, "color" character varying(7), "phones" character varying(20) array NOT NULL DEFAULT '{}', "email" character varying(254), "address" character varying(500), "hours" character varying(500), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by_id" uuid, CONSTRAINT "company_profile_color_ck" CHECK (color ~ '^#[0-9a-f]{6}$'), CONSTRAINT "company_profile_single_ck" CHECK (id = 1), CONSTRAINT "PK_058d1cfee40e5e53412ed7484b3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "company_profile" ADD CONSTRAINT "FK_98ab217f69c34b1bb60edeb5dea" FOREIGN KEY ("logo_file_id") REFERENCES "stored_files"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "company_profile" ADD CONSTRAINT "FK_a9b25cb7ab5972045263d85dcad" FOREIGN KEY ("updated_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "company_profile" DROP CONSTRAINT "FK_a9b25cb7ab5972045263d85dcad"`);
        await queryRunner.query(`ALTER TABLE "company_profile" DROP CONSTRAINT "FK_98ab217f69c34b1bb60edeb5dea"`);
        await queryRunner.query(`DROP TABLE "company_profile"`);
    }

}

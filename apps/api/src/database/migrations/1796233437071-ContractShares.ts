import { MigrationInterface, QueryRunner } from "typeorm";

export class ContractShares1796233437071 implements MigrationInterface {
    name = 'ContractShares1796233437071'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "contract_shares" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "contract_id" uuid NOT NULL, "owner_customer_id" uuid NOT NULL, "grantee_customer_id" uuid NOT NULL, "phone" character varying(20) NOT NULL, "name" character varying(100), "access" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" character varying(10), CONSTRAINT "contract_shares_not_self_ck" CHECK (owner_customer_id <> grantee_customer_id), CONSTRAINT "contract_shares_access_ck" CHECK (access IN ('read', 'full')), CONSTRAINT "PK_132c9470b22dadbcca4df55c5c8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "contract_shares_contract_id_idx" ON "contract_shares" ("contract_id") `);
        await queryRunner.query(`CREATE INDEX "contract_shares_grantee_idx" ON "contract_shares" ("grantee_customer_id") WHERE "revoked_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contract_shares_active_uq" ON "contract_shares" ("contract_id", "grantee_customer_id") WHERE "revoked_at" IS NULL`);
        await queryRunner.query(`ALTER TABLE "customers" ALTER COLUMN "external_id" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "contract_shares" ADD CONSTRAINT "FK_5d55ffcaaa7bef2009e7d9abf12" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_shares" ADD CONSTRAINT "FK_80ad9c2b9b65b5264cff3502a0d" FOREIGN KEY ("owner_customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_shares" ADD CONSTRAINT "FK_1cc8b3fbca6979357311d8fde05" FOREIGN KEY ("grantee_customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contract_shares" DROP CONSTRAINT "FK_1cc8b3fbca6979357311d8fde05"`);
        await queryRunner.query(`ALTER TABLE "contract_shares" DROP CONSTRAINT "FK_80ad9c2b9b65b5264cff3502a0d"`);
        await queryRunner.query(`ALTER TABLE "contract_shares" DROP CONSTRAINT "FK_5d55ffcaaa7bef2009e7d9abf12"`);
        await queryRunner.query(`ALTER TABLE "customers" ALTER COLUMN "external_id" SET NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."contract_shares_active_uq"`);
        await queryRunner.query(`DROP INDEX "public"."contract_shares_grantee_idx"`);
        await queryRunner.query(`DROP INDEX "public"."contract_shares_contract_id_idx"`);
        await queryRunner.query(`DROP TABLE "contract_shares"`);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class ContractDocuments1795424433199 implements MigrationInterface {
    name = 'ContractDocuments1795424433199'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stored_files" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "sha256" character(64) NOT NULL, "size" integer NOT NULL, "mime" character varying(100) NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9ef8411820266b4d0407075acd9" UNIQUE ("sha256"), CONSTRAINT "PK_5d5be862bf53851c1794b4adf4e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "contract_documents" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "contract_id" uuid NOT NULL, "external_id" character varying(100) NOT NULL, "kind" character varying(200) NOT NULL, "title" character varying(500) NOT NULL, "number" character varying(100), "date" date, "file_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1bdb3e2d088dfbaea8229b6d91" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contract_documents_contract_external_uq" ON "contract_documents" ("contract_id", "external_id") `);
        await queryRunner.query(`ALTER TABLE "contract_documents" ADD CONSTRAINT "FK_4ec226f2920867e0ee857fb528d" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_documents" ADD CONSTRAINT "FK_1e7139a7554a7e41d29c7b89781" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contract_documents" DROP CONSTRAINT "FK_1e7139a7554a7e41d29c7b89781"`);
        await queryRunner.query(`ALTER TABLE "contract_documents" DROP CONSTRAINT "FK_4ec226f2920867e0ee857fb528d"`);
        await queryRunner.query(`DROP INDEX "public"."contract_documents_contract_external_uq"`);
        await queryRunner.query(`DROP TABLE "contract_documents"`);
        await queryRunner.query(`DROP TABLE "stored_files"`);
    }

}

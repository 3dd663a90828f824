import { MigrationInterface, QueryRunner } from "typeorm";

export class Exchange1795405540611 implements MigrationInterface {
    name = 'Exchange1795405540611'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "contract_installments" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "contract_id" uuid NOT NULL, "line_no" integer NOT NULL, "due_date" date NOT NULL, "amount" numeric(14,2) NOT NULL, "note" character varying(300), CONSTRAINT "PK_1fe89c5f113b02a471d48fcae3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contract_installments_contract_line_uq" ON "contract_installments" ("contract_id", "line_no") `);
        await queryRunner.query(`CREATE TABLE "contract_payments" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "external_id" character varying(100) NOT NULL, "contract_id" uuid NOT NULL, "number" character varying(50) NOT NULL, "date" date NOT NULL, "amount" numeric(14,2) NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'RUB', "method" character varying(100), "source_hash" character varying(64), "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d13742331d1239939340bbd9b42" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contract_payments_external_id_uq" ON "contract_payments" ("external_id") `);
        await queryRunner.query(`CREATE INDEX "contract_payments_contract_id_idx" ON "contract_payments" ("contract_id") `);
        await queryRunner.query(`CREATE TABLE "contract_stages" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "contract_id" uuid NOT NULL, "external_id" character varying(100) NOT NULL, "line_no" integer NOT NULL, "name" character varying(300) NOT NULL, "description" text, "start_date" date NOT NULL, "end_date" date NOT NULL, "previous_external_id" character varying(100), CONSTRAINT "contract_stages_dates_ck" CHECK (end_date >= start_date), CONSTRAINT "PK_1e8bc7aabfb74cfc830d8348a45" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contract_stages_contract_external_uq" ON "contract_stages" ("contract_id", "external_id") `);
        await queryRunner.query(`CREATE TABLE "exchange_runs" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "trigger" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "source" character varying(300) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "files_imported" integer NOT NULL DEFAULT '0', "files_failed" integer NOT NULL DEFAULT '0', "files_duplicate" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "archived" integer NOT NULL DEFAULT '0', "changes_exported" integer NOT NULL DEFAULT '0', "error" text, CONSTRAINT "PK_a63d6da8f072ab7dcc3d978beda" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "exchange_runs_started_idx" ON "exchange_runs" ("started_at") `);
        await queryRunner.query(`CREATE TABLE "exchange_files" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "run_id" uuid, "name" character varying(255) NOT NULL, "stored_path" character varying(400), "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "status" character varying(20) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "bytes_processed" bigint NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "archived" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "counts" jsonb NOT NULL DEFAULT '{}', "header" jsonb, "error_message" text, "error_line" integer, "error_column" integer, "error_element" character varying(500), CONSTRAINT "PK_3f53e71154992d1240660cd0112" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "exchange_files_started_idx" ON "exchange_files" ("started_at") `);
        await queryRunner.query(`CREATE INDEX "exchange_files_run_idx" ON "exchange_files" ("run_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "exchange_files_sha256_imported_uq" ON "exchange_files" ("sha256") WHERE status = 'imported'`);
        await queryRunner.query(`CREATE TABLE "exchange_export_files" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "number" integer NOT NULL, "name" character varying(255) NOT NULL, "change_count" integer NOT NULL, "status" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE, "sha256" character(64), CONSTRAINT "PK_1678b49c53b554e78c19de6169a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exchange_export_files_number_uq" ON "exchange_export_files" ("number") `);
        await queryRunner.query(`CREATE TABLE "exchange_export_changes" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "export_file_id" uuid, CONSTRAINT "PK_b5f51f7b1acc1c1f41bb39a877d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "exchange_export_changes_pending_idx" ON "exchange_export_changes" ("created_at") WHERE export_file_id IS NULL`);
        await queryRunner.query(`ALTER TABLE "customers" ADD "source_hash" character varying(64)`);
        await queryRunner.query(`ALTER TABLE "staff_users" ADD "source_hash" character varying(64)`);
        await queryRunner.query(`ALTER TABLE "contracts" ADD "source_hash" character varying(64)`);
        await queryRunner.query(`ALTER TABLE "contract_installments" ADD CONSTRAINT "FK_f8f45950422fd48ba60acd59384" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_payments" ADD CONSTRAINT "FK_57e429c636d45629e4994dc18cb" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_stages" ADD CONSTRAINT "FK_474a43dfae93033adfbfd75533c" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exchange_files" ADD CONSTRAINT "FK_e91e9daa75d9cce3cb03bc8564f" FOREIGN KEY ("run_id") REFERENCES "exchange_runs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exchange_export_changes" ADD CONSTRAINT "FK_3d98a631f4dc56a5930581ba1b6" FOREIGN KEY ("export_file_id") REFERENCES "exchange_export_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "exchange_export_changes" DROP CONSTRAINT "FK_3d98a631f4dc56a5930581ba1b6"`);
        await queryRunner.query(`ALTER TABLE "exchange_files" DROP CONSTRAINT "FK_e91e9daa75d9cce3cb03bc8564f"`);
        await queryRunner.query(`ALTER TABLE "contract_stages" DROP CONSTRAINT "FK_474a43dfae93033adfbfd75533c"`);
        await queryRunner.query(`ALTER TABLE "contract_payments" DROP CONSTRAINT "FK_57e429c636d45629e4994dc18cb"`);
        await queryRunner.query(`ALTER TABLE "contract_installments" DROP CONSTRAINT "FK_f8f45950422fd48ba60acd59384"`);
        await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "source_hash"`);
        await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "source_hash"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "source_hash"`);
        await queryRunner.query(`DROP INDEX "public"."exchange_export_changes_pending_idx"`);
        await queryRunner.query(`DROP TABLE "exchange_export_changes"`);
        await queryRunner.query(`DROP INDEX "public"."exchange_export_files_number_uq"`);
        await queryRunner.query(`DROP TABLE "exchange_export_files"`);
        await queryRunner.query(`DROP INDEX "public"."exchange_files_sha256_imported_uq"`);
        await queryRunner.query(`DROP INDEX "public"."exchange_files_run_idx"`);
        await queryRunner.query(`DROP INDEX "public"."exchange_files_started_idx"`);
        await queryRunner.query(`DROP TABLE "exchange_files"`);
        await queryRunner.query(`DROP INDEX "public"."exchange_runs_started_idx"`);
        await queryRunner.query(`DROP TABLE "exchange_runs"`);
        await queryRunner.query(`DROP INDEX "public"."contract_stages_contract_external_uq"`);
        await queryRunner.query(`DROP TABLE "contract_stages"`);
        await queryRunner.query(`DROP INDEX "public"."contract_payments_contract_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."contract_payments_external_id_uq"`);
        await queryRunner.query(`DROP TABLE "contract_payments"`);
        await queryRunner.query(`DROP INDEX "public"."contract_installments_contract_line_uq"`);
        await queryRunner.query(`DROP TABLE "contract_installments"`);
    }

}

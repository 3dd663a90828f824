import { MigrationInterface, QueryRunner } from "typeorm";

export class TaxesRequisitesImportNotes1796178557572 implements MigrationInterface {
    name = 'TaxesRequisitesImportNotes1796178557572'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "customers" ADD "inn" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "customers" ADD "kpp" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "customers" ADD "official_name" character varying(500)`);
        await queryRunner.query(`ALTER TABLE "customers" ADD "legal_address" character varying(1000)`);
        await queryRunner.query(`ALTER TABLE "customers" ADD "postal_address" character varying(1000)`);
        await queryRunner.query(`ALTER TABLE "customers" ADD "bank_accounts" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "contract_items" ADD "name_raw" text`);
        await queryRunner.query(`ALTER TABLE "contract_items" ADD "tax_name" character varying(50)`);
        await queryRunner.query(`ALTER TABLE "contract_items" ADD "tax_rate" numeric(5,2)`);
        await queryRunner.query(`ALTER TABLE "contract_items" ADD "tax_exempt" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "contract_items" ADD "tax_amount" numeric(14,2)`);
        await queryRunner.query(`ALTER TABLE "contract_items" ADD "tax_included" boolean`);
        await queryRunner.query(`ALTER TABLE "contracts" ADD "taxes" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "exchange_runs" ADD "warnings" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "exchange_files" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "exchange_files" ADD "warning_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "exchange_files" ADD "skipped_sections" jsonb NOT NULL DEFAULT '[]'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "exchange_files" DROP COLUMN "skipped_sections"`);
        await queryRunner.query(`ALTER TABLE "exchange_files" DROP COLUMN "warning_count"`);
        await queryRunner.query(`ALTER TABLE "exchange_files" DROP COLUMN "warnings"`);
        await queryRunner.query(`ALTER TABLE "exchange_runs" DROP COLUMN "warnings"`);
        await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "taxes"`);
        await queryRunner.query(`ALTER TABLE "contract_items" DROP COLUMN "tax_included"`);
        await queryRunner.query(`ALTER TABLE "contract_items" DROP COLUMN "tax_amount"`);
        await queryRunner.query(`ALTER TABLE "contract_items" DROP COLUMN "tax_exempt"`);
        await queryRunner.query(`ALTER TABLE "contract_items" DROP COLUMN "tax_rate"`);
        await queryRunner.query(`ALTER TABLE "contract_items" DROP COLUMN "tax_name"`);
        await queryRunner.query(`ALTER TABLE "contract_items" DROP COLUMN "name_raw"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "bank_accounts"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "postal_address"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "legal_address"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "official_name"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "kpp"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "inn"`);
    }

}

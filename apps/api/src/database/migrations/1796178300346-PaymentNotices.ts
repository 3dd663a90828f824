import { MigrationInterface, QueryRunner } from "typeorm";

export class PaymentNotices1796178300346 implements MigrationInterface {
    name = 'PaymentNotices1796178300346'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_ck"`);
        await queryRunner.query(`CREATE TABLE "payment_notices" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "contract_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "due_date" date NOT NULL, "amount" numeric(14,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payment_notices_kind_ck" CHECK (kind IN ('payment_reminder', 'payment_overdue')), CONSTRAINT "PK_625192b1787801a31ad0f3956b2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "payment_notices_contract_kind_due_uq" ON "payment_notices" ("contract_id", "kind", "due_date") `);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_098bd36c_ck" CHECK (kind IN ('contract_added', 'contract_status', 'payment_received', 'schedule_changed', 'profile_request', 'payment_reminder', 'payment_overdue'))`);
        await queryRunner.query(`ALTER TABLE "payment_notices" ADD CONSTRAINT "FK_92163f126e827447f4e1e0e5294" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "payment_notices" DROP CONSTRAINT "FK_92163f126e827447f4e1e0e5294"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_098bd36c_ck"`);
        await queryRunner.query(`DROP INDEX "public"."payment_notices_contract_kind_due_uq"`);
        await queryRunner.query(`DROP TABLE "payment_notices"`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_ck" CHECK (((kind)::text = ANY ((ARRAY['contract_added'::character varying, 'contract_status'::character varying, 'payment_received'::character varying, 'schedule_changed'::character varying, 'profile_request'::character varying])::text[])))`);
    }

}

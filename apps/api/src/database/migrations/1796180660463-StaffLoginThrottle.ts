import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffLoginThrottle1796180660463 implements MigrationInterface {
    name = 'StaffLoginThrottle1796180660463'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_notices" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "recipient_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "staff_notices_kind_ck" CHECK (kind IN ('login_attack')), CONSTRAINT "PK_3a9412a506be379c75fc5cce537" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "staff_notices_recipient_created_idx" ON "staff_notices" ("recipient_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "staff_login_throttles" ("login" character varying(100) NOT NULL, "source" character varying(64) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_failure_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "noticed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8e7f39c907b9a9a6b9ec50b5662" PRIMARY KEY ("login", "source"))`);
        await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "failed_logins"`);
        await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "locked_until"`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "staff_notice_id" uuid`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "actor_id" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_435486b970fffc3e33a7450ee97"`);
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_notification_channel_uq"`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ALTER COLUMN "notification_id" DROP NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_staff_notice_channel_uq" ON "notification_deliveries" ("staff_notice_id", "channel") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_notification_channel_uq" ON "notification_deliveries" ("notification_id", "channel") `);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_one_source_ck" CHECK (num_nonnulls(notification_id, staff_notice_id) = 1)`);
        await queryRunner.query(`ALTER TABLE "staff_notices" ADD CONSTRAINT "FK_5dd76d873ee47977f9e14f6e86c" FOREIGN KEY ("recipient_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_435486b970fffc3e33a7450ee97" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_f31dde6db0d49781d06f90f83cf" FOREIGN KEY ("staff_notice_id") REFERENCES "staff_notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_f31dde6db0d49781d06f90f83cf"`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_435486b970fffc3e33a7450ee97"`);
        await queryRunner.query(`ALTER TABLE "staff_notices" DROP CONSTRAINT "FK_5dd76d873ee47977f9e14f6e86c"`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_one_source_ck"`);
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_notification_channel_uq"`);
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_staff_notice_channel_uq"`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ALTER COLUMN "notification_id" SET NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_notification_channel_uq" ON "notification_deliveries" ("channel", "notification_id") `);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_435486b970fffc3e33a7450ee97" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "actor_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "staff_notice_id"`);
        await queryRunner.query(`ALTER TABLE "staff_users" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "staff_users" ADD "failed_logins" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`DROP TABLE "staff_login_throttles"`);
        await queryRunner.query(`DROP INDEX "public"."staff_notices_recipient_created_idx"`);
        await queryRunner.query(`DROP TABLE "staff_notices"`);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationDeliveries1795425842965 implements MigrationInterface {
    name = 'NotificationDeliveries1795425842965'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "notification_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "address" character varying(320) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_deliveries_status_ck" CHECK (status IN ('pending', 'sent', 'failed', 'skipped')), CONSTRAINT "notification_deliveries_channel_ck" CHECK (channel IN ('email', 'sms')), CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" ("next_attempt_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_notification_channel_uq" ON "notification_deliveries" ("notification_id", "channel") `);
        await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_435486b970fffc3e33a7450ee97" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_435486b970fffc3e33a7450ee97"`);
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_notification_channel_uq"`);
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_due_idx"`);
        await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class ChatNotifications1796233892015 implements MigrationInterface {
    name = 'ChatNotifications1796233892015'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_notification_channel_uq"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_098bd36c_ck"`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD "staff_user_id" uuid`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD "chat_id" uuid`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_b55350bc786b052e8523f313b9a"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_customer_created_idx"`);
        await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "customer_id" DROP NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notifications_unread_chat_staff_uq" ON "notifications" ("staff_user_id", "chat_id") WHERE kind = 'chat_message' AND read_at IS NULL AND staff_user_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notifications_unread_chat_customer_uq" ON "notifications" ("customer_id", "chat_id") WHERE kind = 'chat_message' AND read_at IS NULL AND customer_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "notifications_chat_idx" ON "notifications" ("chat_id") WHERE "chat_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "notifications_staff_created_idx" ON "notifications" ("staff_user_id", "created_at") WHERE "staff_user_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "notifications_customer_created_idx" ON "notifications" ("customer_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_pending_uq" ON "notification_deliveries" ("notification_id", "channel") WHERE status = 'pending'`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_recipient_ck" CHECK (num_nonnulls(customer_id, staff_user_id) = 1)`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_e9310830_ck" CHECK (kind IN ('contract_added', 'contract_status', 'payment_received', 'schedule_changed', 'profile_request', 'payment_reminder', 'payment_overdue', 'chat_message', 'approval_requested', 'approval_decided', 'approval_revoked'))`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_b55350bc786b052e8523f313b9a" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_48905b3fe67fb61fa6cb442e56e" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_a55ddbeecfbbb86795fc7066d3a" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_a55ddbeecfbbb86795fc7066d3a"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_48905b3fe67fb61fa6cb442e56e"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_b55350bc786b052e8523f313b9a"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_e9310830_ck"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_one_recipient_ck"`);
        await queryRunner.query(`DROP INDEX "public"."notification_deliveries_pending_uq"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_customer_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_staff_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_chat_idx"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_unread_chat_customer_uq"`);
        await queryRunner.query(`DROP INDEX "public"."notifications_unread_chat_staff_uq"`);
        await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "customer_id" SET NOT NULL`);
        await queryRunner.query(`CREATE INDEX "notifications_customer_created_idx" ON "notifications" ("created_at", "customer_id") `);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_b55350bc786b052e8523f313b9a" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "chat_id"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "staff_user_id"`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_098bd36c_ck" CHECK (((kind)::text = ANY ((ARRAY['contract_added'::character varying, 'contract_status'::character varying, 'payment_received'::character varying, 'schedule_changed'::character varying, 'profile_request'::character varying, 'payment_reminder'::character varying, 'payment_overdue'::character varying])::text[])))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_notification_channel_uq" ON "notification_deliveries" ("channel", "notification_id") `);
    }

}

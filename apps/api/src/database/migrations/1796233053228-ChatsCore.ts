import { MigrationInterface, QueryRunner } from "typeorm";

export class ChatsCore1796233053228 implements MigrationInterface {
    name = 'ChatsCore1796233053228'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "chats" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "number" SERIAL NOT NULL, "kind" character varying(10) NOT NULL, "contract_id" uuid, "customer_id" uuid NOT NULL, "title" character varying(200), "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_message_id" bigint, CONSTRAINT "chats_kind_ck" CHECK (kind IN ('contract', 'general')), CONSTRAINT "PK_0117647b3c4a4e5ff198aeb6206" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "chats_number_uq" ON "chats" ("number") `);
        await queryRunner.query(`CREATE INDEX "chats_contract_id_idx" ON "chats" ("contract_id") `);
        await queryRunner.query(`CREATE INDEX "chats_customer_id_idx" ON "chats" ("customer_id") `);
        await queryRunner.query(`CREATE INDEX "chats_activity_idx" ON "chats" ("last_activity_at", "id") `);
        await queryRunner.query(`CREATE TABLE "chat_messages" ("id" BIGSERIAL NOT NULL, "chat_id" uuid NOT NULL, "client_id" uuid, "kind" character varying(10) NOT NULL DEFAULT 'text', "author_customer_id" uuid, "author_staff_id" uuid, "body" text NOT NULL, "system_data" jsonb, "replaces_message_id" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chat_messages_author_ck" CHECK (kind = 'system' OR ((author_customer_id IS NULL) <> (author_staff_id IS NULL))), CONSTRAINT "chat_messages_kind_ck" CHECK (kind IN ('text', 'system')), CONSTRAINT "PK_40c55ee0e571e268b0d3cd37d10" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "chat_messages_client_uq" ON "chat_messages" ("chat_id", "client_id") WHERE "client_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "chat_messages_chat_idx" ON "chat_messages" ("chat_id", "id") `);
        await queryRunner.query(`CREATE TABLE "chat_attachments" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "chat_id" uuid NOT NULL, "message_id" bigint, "position" smallint NOT NULL DEFAULT '0', "uploaded_by_customer_id" uuid, "uploaded_by_staff_id" uuid, "name" character varying(255) NOT NULL, "size" bigint NOT NULL, "mime" character varying(100) NOT NULL, "kind" character varying(10) NOT NULL, "width" integer, "height" integer, "storage_key" character varying(200) NOT NULL, "thumb_key" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chat_attachments_uploader_ck" CHECK ((uploaded_by_customer_id IS NULL) <> (uploaded_by_staff_id IS NULL)), CONSTRAINT "chat_attachments_kind_ck" CHECK (kind IN ('image', 'file')), CONSTRAINT "PK_6752d3c3498926995b12c0a04bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "chat_attachments_message_idx" ON "chat_attachments" ("message_id") `);
        await queryRunner.query(`CREATE INDEX "chat_attachments_chat_idx" ON "chat_attachments" ("chat_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "chat_approvals" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "message_id" bigint NOT NULL, "chat_id" uuid NOT NULL, "contract_id" uuid, "attachment_id" uuid, "state" character varying(10) NOT NULL DEFAULT 'pending', "deadline" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chat_approvals_state_ck" CHECK (state IN ('pending', 'approved', 'rejected', 'revoked')), CONSTRAINT "PK_bb772d4ae5b4ed123f15a8b336c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "chat_approvals_message_uq" ON "chat_approvals" ("message_id") `);
        await queryRunner.query(`CREATE INDEX "chat_approvals_contract_idx" ON "chat_approvals" ("contract_id") `);
        await queryRunner.query(`CREATE INDEX "chat_approvals_chat_idx" ON "chat_approvals" ("chat_id") `);
        await queryRunner.query(`CREATE TABLE "chat_approval_steps" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "approval_id" uuid NOT NULL, "action" character varying(10) NOT NULL, "customer_id" uuid, "staff_user_id" uuid, "reason" character varying(1000), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chat_approval_steps_actor_ck" CHECK ((customer_id IS NULL) <> (staff_user_id IS NULL)), CONSTRAINT "chat_approval_steps_action_ck" CHECK (action IN ('requested', 'approved', 'rejected', 'revoked')), CONSTRAINT "PK_7e21d3bf7293075d249287764cd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "chat_approval_steps_approval_idx" ON "chat_approval_steps" ("approval_id", "at") `);
        await queryRunner.query(`CREATE TABLE "chat_pins" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "attachment_id" uuid NOT NULL, "number" integer NOT NULL, "x" real NOT NULL, "y" real NOT NULL, "body" character varying(1000) NOT NULL, "customer_id" uuid, "staff_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chat_pins_author_ck" CHECK ((customer_id IS NULL) <> (staff_user_id IS NULL)), CONSTRAINT "chat_pins_point_ck" CHECK (x >= 0 AND x <= 1 AND y >= 0 AND y <= 1), CONSTRAINT "PK_2418374b4175b3294c568404151" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "chat_pins_attachment_uq" ON "chat_pins" ("attachment_id", "number") `);
        await queryRunner.query(`CREATE TABLE "chat_participants" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "chat_id" uuid NOT NULL, "customer_id" uuid, "staff_user_id" uuid, "read_only" boolean NOT NULL DEFAULT false, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, "last_read_id" bigint NOT NULL DEFAULT '0', "last_read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chat_participants_one_person_ck" CHECK ((customer_id IS NULL) <> (staff_user_id IS NULL)), CONSTRAINT "PK_ebf68c52a2b4dceb777672b782d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "chat_participants_staff_idx" ON "chat_participants" ("staff_user_id") WHERE "removed_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "chat_participants_customer_idx" ON "chat_participants" ("customer_id") WHERE "removed_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "chat_participants_staff_uq" ON "chat_participants" ("chat_id", "staff_user_id") WHERE "staff_user_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "chat_participants_customer_uq" ON "chat_participants" ("chat_id", "customer_id") WHERE "customer_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "chats" ADD CONSTRAINT "FK_f8e7e6d2d156415663bc07bb4a7" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chats" ADD CONSTRAINT "FK_ec09bc2616849e329a7e4b44ffb" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chats" ADD CONSTRAINT "FK_858cd2fadae391d81abebec30b3" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_9f5c0b96255734666b7b4bc98c3" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_3b652b6225de6c243751b4288a4" FOREIGN KEY ("author_customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_a785f5be47b3d2bb24534a7807a" FOREIGN KEY ("author_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_04038b79210a69fa7794ccf61bb" FOREIGN KEY ("replaces_message_id") REFERENCES "chat_messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_attachments" ADD CONSTRAINT "FK_5ea013ad9d241e58f7e34e6ac3e" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_attachments" ADD CONSTRAINT "FK_36f9810618284e1e269eeedaefd" FOREIGN KEY ("message_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_approvals" ADD CONSTRAINT "FK_e2ae40710e08054391fc12a631a" FOREIGN KEY ("message_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_approvals" ADD CONSTRAINT "FK_1f351ff71445f88b5724010ecf4" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_approvals" ADD CONSTRAINT "FK_769b15ce00a8af068bce0da4bc1" FOREIGN KEY ("attachment_id") REFERENCES "chat_attachments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_approval_steps" ADD CONSTRAINT "FK_e0a9bfa0ecd38a315c8d912a9a7" FOREIGN KEY ("approval_id") REFERENCES "chat_approvals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_pins" ADD CONSTRAINT "FK_99269eb38002a582b8d793c27d0" FOREIGN KEY ("attachment_id") REFERENCES "chat_attachments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_participants" ADD CONSTRAINT "FK_9946d299e9ccfbee23aa40c5545" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_participants" ADD CONSTRAINT "FK_10b12634c5dbe6ffb831598d9d5" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chat_participants" ADD CONSTRAINT "FK_df5dc3af2602cc5b8417045a78a" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "chat_participants" DROP CONSTRAINT "FK_df5dc3af2602cc5b8417045a78a"`);
        await queryRunner.query(`ALTER TABLE "chat_participants" DROP CONSTRAINT "FK_10b12634c5dbe6ffb831598d9d5"`);
        await queryRunner.query(`ALTER TABLE "chat_participants" DROP CONSTRAINT "FK_9946d299e9ccfbee23aa40c5545"`);
        await queryRunner.query(`ALTER TABLE "chat_pins" DROP CONSTRAINT "FK_99269eb38002a582b8d793c27d0"`);
        await queryRunner.query(`ALTER TABLE "chat_approval_steps" DROP CONSTRAINT "FK_e0a9bfa0ecd38a315c8d912a9a7"`);
        await queryRunner.query(`ALTER TABLE "chat_approvals" DROP CONSTRAINT "FK_769b15ce00a8af068bce0da4bc1"`);
        await queryRunner.query(`ALTER TABLE "chat_approvals" DROP CONSTRAINT "FK_1f351ff71445f88b5724010ecf4"`);
        await queryRunner.query(`ALTER TABLE "chat_approvals" DROP CONSTRAINT "FK_e2ae40710e08054391fc12a631a"`);
        await queryRunner.query(`ALTER TABLE "chat_attachments" DROP CONSTRAINT "FK_36f9810618284e1e269eeedaefd"`);
        await queryRunner.query(`ALTER TABLE "chat_attachments" DROP CONSTRAINT "FK_5ea013ad9d241e58f7e34e6ac3e"`);
        await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_04038b79210a69fa7794ccf61bb"`);
        await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_a785f5be47b3d2bb24534a7807a"`);
        await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_3b652b6225de6c243751b4288a4"`);
        await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_9f5c0b96255734666b7b4bc98c3"`);
        await queryRunner.query(`ALTER TABLE "chats" DROP CONSTRAINT "FK_858cd2fadae391d81abebec30b3"`);
        await queryRunner.query(`ALTER TABLE "chats" DROP CONSTRAINT "FK_ec09bc2616849e329a7e4b44ffb"`);
        await queryRunner.query(`ALTER TABLE "chats" DROP CONSTRAINT "FK_f8e7e6d2d156415663bc07bb4a7"`);
        await queryRunner.query(`DROP INDEX "public"."chat_participants_customer_uq"`);
        await queryRunner.query(`DROP INDEX "public"."chat_participants_staff_uq"`);
        await queryRunner.query(`DROP INDEX "public"."chat_participants_customer_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chat_participants_staff_idx"`);
        await queryRunner.query(`DROP TABLE "chat_participants"`);
        await queryRunner.query(`DROP INDEX "public"."chat_pins_attachment_uq"`);
        await queryRunner.query(`DROP TABLE "chat_pins"`);
        await queryRunner.query(`DROP INDEX "public"."chat_approval_steps_approval_idx"`);
        await queryRunner.query(`DROP TABLE "chat_approval_steps"`);
        await queryRunner.query(`DROP INDEX "public"."chat_approvals_chat_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chat_approvals_contract_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chat_approvals_message_uq"`);
        await queryRunner.query(`DROP TABLE "chat_approvals"`);
        await queryRunner.query(`DROP INDEX "public"."chat_attachments_chat_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chat_attachments_message_idx"`);
        await queryRunner.query(`DROP TABLE "chat_attachments"`);
        await queryRunner.query(`DROP INDEX "public"."chat_messages_chat_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chat_messages_client_uq"`);
        await queryRunner.query(`DROP TABLE "chat_messages"`);
        await queryRunner.query(`DROP INDEX "public"."chats_activity_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chats_customer_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chats_contract_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."chats_number_uq"`);
        await queryRunner.query(`DROP TABLE "chats"`);
    }

}

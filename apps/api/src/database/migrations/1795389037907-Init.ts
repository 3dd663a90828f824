import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795389037907 implements MigrationInterface {
  name = 'Init1795389037907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "otp_challenges" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "phone" character varying(20) NOT NULL, "customer_id" uuid, "code_hash" character varying(64), "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), CONSTRAINT "PK_c34f21df6c8aa51229715452068" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "otp_challenges_phone_created_idx" ON "otp_challenges" ("phone", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "external_id" character varying(100) NOT NULL, "full_name" character varying(300) NOT NULL, "phone" character varying(20), "phone_raw" character varying(100), "email" character varying(200), "bonus_balance" numeric(14,2) NOT NULL DEFAULT '0', "requisites" jsonb NOT NULL DEFAULT '[]', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "customers_external_id_uq" ON "customers" ("external_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "customers_phone_active_uq" ON "customers" ("phone") WHERE archived_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_users" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "external_id" character varying(100), "login" character varying(100) NOT NULL, "password_hash" character varying(200), "full_name" character varying(300) NOT NULL, "role" character varying(20) NOT NULL, "phone" character varying(20), "email" character varying(200), "active" boolean NOT NULL DEFAULT true, "failed_logins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "staff_users_role_ck" CHECK (role IN ('admin', 'manager', 'operator', 'estimator', 'measurer', 'foreman', 'head')), CONSTRAINT "PK_c6b167335377df69f7910c2c75e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "staff_users_external_id_uq" ON "staff_users" ("external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "staff_users_login_uq" ON "staff_users" ("login") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" character varying(64) NOT NULL, "customer_id" uuid, "staff_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip" character varying(64), "user_agent" character varying(300), CONSTRAINT "sessions_one_subject_ck" CHECK ((customer_id IS NULL) <> (staff_user_id IS NULL)), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "sessions_customer_id_idx" ON "sessions" ("customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "sessions_staff_user_id_idx" ON "sessions" ("staff_user_id") `,
    );
    await queryRunner.query(`CREATE INDEX "sessions_expires_at_idx" ON "sessions" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "contract_items" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "contract_id" uuid NOT NULL, "line_no" integer NOT NULL, "external_id" character varying(100), "name" character varying(500) NOT NULL, "kind" character varying(10) NOT NULL, "quantity" numeric(14,3) NOT NULL, "unit" character varying(30) NOT NULL, "price" numeric(14,2) NOT NULL, "amount" numeric(14,2) NOT NULL, CONSTRAINT "contract_items_kind_ck" CHECK (kind IN ('goods', 'service')), CONSTRAINT "PK_490c7394f3b09ee92c41668a156" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_items_contract_line_uq" ON "contract_items" ("contract_id", "line_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "external_id" character varying(100) NOT NULL, "number" character varying(50) NOT NULL, "date" date NOT NULL, "customer_id" uuid NOT NULL, "manager_id" uuid, "kind" character varying(20) NOT NULL, "status" character varying(100) NOT NULL, "closed" boolean NOT NULL DEFAULT false, "total" numeric(14,2) NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'RUB', "planned_end_date" date, "object" jsonb NOT NULL DEFAULT '{}', "requisites" jsonb NOT NULL DEFAULT '[]', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contracts_kind_ck" CHECK (kind IN ('memorial', 'renovation', 'consulting', 'other')), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contracts_external_id_uq" ON "contracts" ("external_id") `,
    );
    await queryRunner.query(`CREATE INDEX "contracts_number_idx" ON "contracts" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "contracts_customer_id_idx" ON "contracts" ("customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "contracts_manager_id_idx" ON "contracts" ("manager_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_assignees" ("contract_id" uuid NOT NULL, "staff_user_id" uuid NOT NULL, CONSTRAINT "PK_59d43669eaa53f4552aa2a5315b" PRIMARY KEY ("contract_id", "staff_user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_assignees_staff_user_id_idx" ON "contract_assignees" ("staff_user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "dev_outbox_messages" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "phone" character varying(20) NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dc71a9063bbce7b87451c8d0c53" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "dev_outbox_messages_created_at_idx" ON "dev_outbox_messages" ("created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_6a3108a0f6f738a6b0346e07f2d" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_3ba1f1c567060b22f16bd2b31de" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_items" ADD CONSTRAINT "FK_4978fbb3adb83d6973d56e71227" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_2e66f7950711366031e3200413d" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_1eed29908f6f234df6c5327cc38" FOREIGN KEY ("manager_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_assignees" ADD CONSTRAINT "FK_df05e0698df21e3dfd24de163f1" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_assignees" ADD CONSTRAINT "FK_d140b37519d9106141b69dbd1e3" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contract_assignees" DROP CONSTRAINT "FK_d140b37519d9106141b69dbd1e3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_assignees" DROP CONSTRAINT "FK_df05e0698df21e3dfd24de163f1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" DROP CONSTRAINT "FK_1eed29908f6f234df6c5327cc38"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" DROP CONSTRAINT "FK_2e66f7950711366031e3200413d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_items" DROP CONSTRAINT "FK_4978fbb3adb83d6973d56e71227"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_3ba1f1c567060b22f16bd2b31de"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_6a3108a0f6f738a6b0346e07f2d"`,
    );
    await queryRunner.query(`DROP INDEX "public"."dev_outbox_messages_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "dev_outbox_messages"`);
    await queryRunner.query(`DROP INDEX "public"."contract_assignees_staff_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "contract_assignees"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_manager_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_customer_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_number_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_external_id_uq"`);
    await queryRunner.query(`DROP TABLE "contracts"`);
    await queryRunner.query(`DROP INDEX "public"."contract_items_contract_line_uq"`);
    await queryRunner.query(`DROP TABLE "contract_items"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_expires_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_staff_user_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_customer_id_idx"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."staff_users_login_uq"`);
    await queryRunner.query(`DROP INDEX "public"."staff_users_external_id_uq"`);
    await queryRunner.query(`DROP TABLE "staff_users"`);
    await queryRunner.query(`DROP INDEX "public"."customers_phone_active_uq"`);
    await queryRunner.query(`DROP INDEX "public"."customers_external_id_uq"`);
    await queryRunner.query(`DROP TABLE "customers"`);
    await queryRunner.query(`DROP INDEX "public"."otp_challenges_phone_created_idx"`);
    await queryRunner.query(`DROP TABLE "otp_challenges"`);
  }
}

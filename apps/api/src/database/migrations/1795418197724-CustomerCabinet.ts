import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerCabinet1795418197724 implements MigrationInterface {
  name = 'CustomerCabinet1795418197724';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid NOT NULL, "action" character varying(60) NOT NULL, "subject_type" character varying(30) NOT NULL, "subject_id" uuid NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id") `);
    await queryRunner.query(
      `CREATE INDEX "audit_log_subject_idx" ON "audit_log" ("subject_type", "subject_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at") `);
    await queryRunner.query(
      `CREATE TABLE "contract_views" ("customer_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9d86b2701c029a4265df0e2d140" PRIMARY KEY ("customer_id", "contract_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_views_contract_id_idx" ON "contract_views" ("contract_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "customer_id" uuid NOT NULL, "contract_id" uuid, "kind" character varying(40) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notifications_kind_ck" CHECK (kind IN ('contract_added', 'contract_status', 'payment_received', 'schedule_changed', 'profile_request')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_contract_created_idx" ON "notifications" ("contract_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_customer_created_idx" ON "notifications" ("customer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "profile_change_requests" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "customer_id" uuid NOT NULL, "field" character varying(10) NOT NULL, "value" character varying(200) NOT NULL, "previous_value" character varying(200), "comment" character varying(1000), "status" character varying(10) NOT NULL DEFAULT 'pending', "resolution" character varying(1000), "resolved_by_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "profile_change_requests_status_ck" CHECK (status IN ('pending', 'done', 'rejected')), CONSTRAINT "profile_change_requests_field_ck" CHECK (field IN ('phone', 'email')), CONSTRAINT "PK_3bd64a0a33aaa5c526259a9fb43" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "profile_change_requests_customer_id_idx" ON "profile_change_requests" ("customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "profile_change_requests_status_created_idx" ON "profile_change_requests" ("status", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" ADD "notification_settings" jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "sessions" ADD "view_as_customer_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD "paid" numeric(14,2) NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_731abf1fcf07863ab8985246140" FOREIGN KEY ("view_as_customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_views" ADD CONSTRAINT "FK_edb4ea5869f38d21145ffc4297a" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_views" ADD CONSTRAINT "FK_bc2327aebe310cfc76762c6c06b" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_b55350bc786b052e8523f313b9a" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_8852edaca0c3cb1866e16db64ce" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_change_requests" ADD CONSTRAINT "FK_609c4ef549577726d4ef951c298" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_change_requests" ADD CONSTRAINT "FK_ef7793e7310425980d5bdbcd254" FOREIGN KEY ("resolved_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "profile_change_requests" DROP CONSTRAINT "FK_ef7793e7310425980d5bdbcd254"`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_change_requests" DROP CONSTRAINT "FK_609c4ef549577726d4ef951c298"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_8852edaca0c3cb1866e16db64ce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_b55350bc786b052e8523f313b9a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_views" DROP CONSTRAINT "FK_bc2327aebe310cfc76762c6c06b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_views" DROP CONSTRAINT "FK_edb4ea5869f38d21145ffc4297a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_731abf1fcf07863ab8985246140"`,
    );
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "changed_at"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "paid"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "view_as_customer_id"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "notification_settings"`);
    await queryRunner.query(`DROP INDEX "public"."profile_change_requests_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."profile_change_requests_customer_id_idx"`);
    await queryRunner.query(`DROP TABLE "profile_change_requests"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_customer_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_contract_created_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."contract_views_contract_id_idx"`);
    await queryRunner.query(`DROP TABLE "contract_views"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_actor_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}

import { MigrationInterface, QueryRunner } from "typeorm";

export class DomainEvents1796223623742 implements MigrationInterface {
    name = 'DomainEvents1796223623742'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "domain_events" ("id" BIGSERIAL NOT NULL, "type" character varying(60) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "contract_id" uuid, "customer_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "source" character varying(10) NOT NULL, CONSTRAINT "domain_events_source_ck" CHECK (source IN ('api', 'import', 'job')), CONSTRAINT "PK_66e0920a32dda3a89b46ee7a981" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "event_cursors" ("consumer" character varying(100) NOT NULL, "position" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24929118571d756b3ce08b12e85" PRIMARY KEY ("consumer"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "event_cursors"`);
        await queryRunner.query(`DROP TABLE "domain_events"`);
    }

}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignsAndResponses1795243763554 implements MigrationInterface {
  name = 'CampaignsAndResponses1795243763554';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "network_members" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "network_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "country" text NOT NULL, "role" text NOT NULL, "language" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9bef3d48aa5999465dc69a72e4c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "network_members_network_id_idx" ON "network_members"  ("network_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "network_members_email_key" ON "network_members"  ("email") `);
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" text NOT NULL, "survey_id" uuid NOT NULL, "survey_version_id" uuid NOT NULL, "version" integer NOT NULL, "network_ids" uuid array NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "anonymous" boolean NOT NULL DEFAULT false, "allow_edits" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT 'open', "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "campaigns_survey_id_idx" ON "campaigns"  ("survey_id") `);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "campaign_id" uuid NOT NULL, "kind" text NOT NULL, "member_id" uuid, "network_id" uuid NOT NULL, "token_hash" text NOT NULL, "max_responses" integer, "response_count" integer NOT NULL DEFAULT '0', "opened_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invitations_campaign_id_idx" ON "invitations"  ("campaign_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"  ("token_hash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invitations_campaign_member_key" ON "invitations"  ("campaign_id", "member_id") `);
    await queryRunner.query(`CREATE TABLE "responses" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "survey_version_id" uuid NOT NULL, "invitation_id" uuid, "open_link_id" uuid, "network_id" uuid NOT NULL, "country" text, "role" text, "language" text, "data" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL, "receipt" text, "idempotency_key" text, "request_hash" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be3bdac59bd243dff421ad7bf70" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "responses_invitation_id_key" ON "responses"  ("invitation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "responses_receipt_key" ON "responses"  ("receipt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "responses_open_link_idempotency_key" ON "responses"  ("open_link_id", "idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "responses_campaign_network_status_idx" ON "responses"  ("campaign_id", "network_id", "status") `);
    await queryRunner.query(`CREATE TABLE "response_revisions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "response_id" uuid NOT NULL, "data" jsonb NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07760e86557a05e46876546c831" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "response_revisions_response_id_idx" ON "response_revisions"  ("response_id") `);
    await queryRunner.query(`ALTER TABLE "network_members" ADD CONSTRAINT "FK_240ed36e942046faaae89f8012c" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_79c08ce2765f319fafae3ad2095" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_514c802e06418791eb294f1884a" FOREIGN KEY ("member_id") REFERENCES "network_members"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_2ab7d73129d1ccc19ff30f0d87c" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_588aa21beeeaeebb77bf1799ee6" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_5b53ae981671ba4164ae74053b3" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_85e3eddb5bea937f281e50f64b1" FOREIGN KEY ("open_link_id") REFERENCES "invitations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_0b468257b724475146fcf2629d6" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response_revisions" ADD CONSTRAINT "FK_09e1406ab48fa7bc0797d63f93c" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "response_revisions" DROP CONSTRAINT "FK_09e1406ab48fa7bc0797d63f93c"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_0b468257b724475146fcf2629d6"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_85e3eddb5bea937f281e50f64b1"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_5b53ae981671ba4164ae74053b3"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_588aa21beeeaeebb77bf1799ee6"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_2ab7d73129d1ccc19ff30f0d87c"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_514c802e06418791eb294f1884a"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_79c08ce2765f319fafae3ad2095"`);
    await queryRunner.query(`ALTER TABLE "network_members" DROP CONSTRAINT "FK_240ed36e942046faaae89f8012c"`);
    await queryRunner.query(`DROP INDEX "public"."response_revisions_response_id_idx"`);
    await queryRunner.query(`DROP TABLE "response_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."responses_campaign_network_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."responses_open_link_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."responses_receipt_key"`);
    await queryRunner.query(`DROP INDEX "public"."responses_invitation_id_key"`);
    await queryRunner.query(`DROP TABLE "responses"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_campaign_member_key"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_campaign_id_idx"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_survey_id_idx"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."network_members_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."network_members_network_id_idx"`);
    await queryRunner.query(`DROP TABLE "network_members"`);
  }
}

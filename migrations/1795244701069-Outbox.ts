import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1795244701069 implements MigrationInterface {
  name = 'Outbox1795244701069';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "campaign_id" uuid NOT NULL, "invitation_id" uuid NOT NULL, "kind" text NOT NULL, "recipient" text NOT NULL, "language" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_invitation_id_idx" ON "outbox"  ("invitation_id") `);
    await queryRunner.query(`CREATE INDEX "outbox_pending_due_idx" ON "outbox"  ("next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "outbox_campaign_id_created_at_idx" ON "outbox"  ("campaign_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "FK_bd5a4a28cbc5ecd62930c579609" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "FK_a511303119966b39dc47c29de0e" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "FK_a511303119966b39dc47c29de0e"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "FK_bd5a4a28cbc5ecd62930c579609"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_campaign_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_pending_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_invitation_id_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events are written unsealed inside the change's transaction and chained afterwards:
 * a bigserial id becomes the key, and seq / prev_hash / hash become nullable until sealing.
 * (Generated, then put in an order PostgreSQL accepts: the old primary key on seq goes first.)
 */
export class AuditSealing1795244356339 implements MigrationInterface {
  name = 'AuditSealing1795244356339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_events_subject_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "PK_6e299f5706e715265416fefe53e"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "id" BIGSERIAL NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "seq" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "audit_events_unsealed_idx" ON "audit_events"  ("id") WHERE seq IS NULL`);
    await queryRunner.query(`CREATE INDEX "audit_events_subject_idx" ON "audit_events"  ("subject", "seq") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events"  ("seq") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_events" WHERE "seq" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_seq_key"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_unsealed_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq")`);
    await queryRunner.query(`CREATE INDEX "audit_events_subject_idx" ON "audit_events"  ("subject", "seq") `);
  }
}

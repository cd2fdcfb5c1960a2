import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServerComputedEvidence1796033088040 implements MigrationInterface {
  name = 'ServerComputedEvidence1796033088040';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD "weighting" text NOT NULL DEFAULT 'pooled'`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD "as_of" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD "responses" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP COLUMN "responses"`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP COLUMN "as_of"`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP COLUMN "weighting"`);
  }
}

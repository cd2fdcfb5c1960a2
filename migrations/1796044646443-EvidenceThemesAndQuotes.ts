import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceThemesAndQuotes1796044646443 implements MigrationInterface {
  name = 'EvidenceThemesAndQuotes1796044646443';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD "source" text NOT NULL DEFAULT 'answers'`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD "coder_id" uuid`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD "quotes" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP COLUMN "quotes"`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP COLUMN "coder_id"`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP COLUMN "source"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrivacyAndDemoRegistry1796044195051 implements MigrationInterface {
  name = 'PrivacyAndDemoRegistry1796044195051';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "demo_records" ("entity" text NOT NULL, "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e7e8d1d0deb54979daa6f60690" PRIMARY KEY ("entity", "id"))`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "retention_days" integer`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "identities_removed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "identities_removed_at"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "retention_days"`);
    await queryRunner.query(`DROP TABLE "demo_records"`);
  }
}

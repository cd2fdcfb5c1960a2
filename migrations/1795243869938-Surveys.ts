import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Surveys1795243869938 implements MigrationInterface {
  name = 'Surveys1795243869938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "surveys" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "slug" text NOT NULL, "title" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b5e3d4aaeb2321ffa98498c971" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "surveys_slug_key" ON "surveys"  ("slug") `);
    await queryRunner.query(`CREATE TABLE "survey_versions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "survey_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL DEFAULT 'draft', "definition" jsonb NOT NULL, "definition_hash" text NOT NULL, "changelog" text NOT NULL DEFAULT '', "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e16b8f1e8c4bd46feb3b789b57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "survey_versions_survey_version_key" ON "survey_versions"  ("survey_id", "version") `);
    await queryRunner.query(`ALTER TABLE "survey_versions" ADD CONSTRAINT "FK_81ecfec8c0187ca21962a58fa9b" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_versions" DROP CONSTRAINT "FK_81ecfec8c0187ca21962a58fa9b"`);
    await queryRunner.query(`DROP INDEX "public"."survey_versions_survey_version_key"`);
    await queryRunner.query(`DROP TABLE "survey_versions"`);
    await queryRunner.query(`DROP INDEX "public"."surveys_slug_key"`);
    await queryRunner.query(`DROP TABLE "surveys"`);
  }
}

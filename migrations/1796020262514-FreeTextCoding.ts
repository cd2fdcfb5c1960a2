import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FreeTextCoding1796020262514 implements MigrationInterface {
  name = 'FreeTextCoding1796020262514';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "coding_themes" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "survey_id" uuid NOT NULL, "question" text NOT NULL, "name" text NOT NULL, "name_key" text NOT NULL, "description" text, "parent_id" uuid, "position" integer NOT NULL, "merged_into_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_055660e94222016172b58cab309" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "coding_themes_active_name_key" ON "coding_themes"  ("survey_id", "question", "name_key") WHERE "merged_into_id" IS NULL`);
    await queryRunner.query(`CREATE INDEX "coding_themes_survey_question_idx" ON "coding_themes"  ("survey_id", "question") `);
    await queryRunner.query(`CREATE TABLE "coding_answer_codings" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "campaign_id" uuid NOT NULL, "response_id" uuid NOT NULL, "question" text NOT NULL, "coder_id" uuid NOT NULL, "coder_name" text NOT NULL, "coded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1bd0e79ae96e92e53a17b5086b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "coding_answer_codings_campaign_idx" ON "coding_answer_codings"  ("campaign_id", "question", "coder_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "coding_answer_codings_key" ON "coding_answer_codings"  ("response_id", "question", "coder_id") `);
    await queryRunner.query(`CREATE TABLE "coding_answer_themes" ("coding_id" uuid NOT NULL, "theme_id" uuid NOT NULL, "suggested" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_0597491034ed48f3dc0e31852c2" PRIMARY KEY ("coding_id", "theme_id"))`);
    await queryRunner.query(`CREATE INDEX "coding_answer_themes_theme_idx" ON "coding_answer_themes"  ("theme_id") `);
    await queryRunner.query(`ALTER TABLE "coding_themes" ADD CONSTRAINT "FK_e463adc0faa5416c899c228ed53" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_themes" ADD CONSTRAINT "FK_c96056440d61034a7465ee20799" FOREIGN KEY ("parent_id") REFERENCES "coding_themes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_themes" ADD CONSTRAINT "FK_fd22a70f37d6870dc27c7047537" FOREIGN KEY ("merged_into_id") REFERENCES "coding_themes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_answer_codings" ADD CONSTRAINT "FK_4f5611580154c096357d1fa524b" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_answer_codings" ADD CONSTRAINT "FK_9ba17d5ad02856228c800be57ea" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_answer_codings" ADD CONSTRAINT "FK_bc27e7da4b291091628c833725b" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_answer_themes" ADD CONSTRAINT "FK_8d4438f24eaee30f3cc5c97dfb5" FOREIGN KEY ("coding_id") REFERENCES "coding_answer_codings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_answer_themes" ADD CONSTRAINT "FK_366c78ab52b8ddb6de613cfd8b1" FOREIGN KEY ("theme_id") REFERENCES "coding_themes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coding_answer_themes" DROP CONSTRAINT "FK_366c78ab52b8ddb6de613cfd8b1"`);
    await queryRunner.query(`ALTER TABLE "coding_answer_themes" DROP CONSTRAINT "FK_8d4438f24eaee30f3cc5c97dfb5"`);
    await queryRunner.query(`ALTER TABLE "coding_answer_codings" DROP CONSTRAINT "FK_bc27e7da4b291091628c833725b"`);
    await queryRunner.query(`ALTER TABLE "coding_answer_codings" DROP CONSTRAINT "FK_9ba17d5ad02856228c800be57ea"`);
    await queryRunner.query(`ALTER TABLE "coding_answer_codings" DROP CONSTRAINT "FK_4f5611580154c096357d1fa524b"`);
    await queryRunner.query(`ALTER TABLE "coding_themes" DROP CONSTRAINT "FK_fd22a70f37d6870dc27c7047537"`);
    await queryRunner.query(`ALTER TABLE "coding_themes" DROP CONSTRAINT "FK_c96056440d61034a7465ee20799"`);
    await queryRunner.query(`ALTER TABLE "coding_themes" DROP CONSTRAINT "FK_e463adc0faa5416c899c228ed53"`);
    await queryRunner.query(`DROP INDEX "public"."coding_answer_themes_theme_idx"`);
    await queryRunner.query(`DROP TABLE "coding_answer_themes"`);
    await queryRunner.query(`DROP INDEX "public"."coding_answer_codings_key"`);
    await queryRunner.query(`DROP INDEX "public"."coding_answer_codings_campaign_idx"`);
    await queryRunner.query(`DROP TABLE "coding_answer_codings"`);
    await queryRunner.query(`DROP INDEX "public"."coding_themes_survey_question_idx"`);
    await queryRunner.query(`DROP INDEX "public"."coding_themes_active_name_key"`);
    await queryRunner.query(`DROP TABLE "coding_themes"`);
  }
}

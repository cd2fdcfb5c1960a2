import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CharterVotesAndTranslations1796032996676 implements MigrationInterface {
  name = 'CharterVotesAndTranslations1796032996676';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "charter_amendment_votes" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "amendment_id" uuid NOT NULL, "user_id" uuid NOT NULL, "user_name" text NOT NULL, "position" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_883b2a1f90a340d5bfb014ab249" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "charter_amendment_votes_amendment_user_key" ON "charter_amendment_votes"  ("amendment_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "charter_clause_translations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "document_id" uuid NOT NULL, "clause_id" text NOT NULL, "lang" text NOT NULL, "source_revision" integer NOT NULL, "source_heading" text NOT NULL, "source_body" text NOT NULL, "heading" text NOT NULL, "body" text NOT NULL, "translator_id" uuid, "translator_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6dbd373c9a0441640da238a2a90" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "charter_clause_translations_key" ON "charter_clause_translations"  ("document_id", "clause_id", "lang", "source_revision") `);
    await queryRunner.query(`ALTER TABLE "charter_amendment_votes" ADD CONSTRAINT "FK_c565c341d6f218fc108ded9fc6f" FOREIGN KEY ("amendment_id") REFERENCES "charter_amendments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "charter_clause_translations" ADD CONSTRAINT "FK_b5dee95c09810aa1016706202a7" FOREIGN KEY ("document_id") REFERENCES "charter_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "charter_clause_translations" DROP CONSTRAINT "FK_b5dee95c09810aa1016706202a7"`);
    await queryRunner.query(`ALTER TABLE "charter_amendment_votes" DROP CONSTRAINT "FK_c565c341d6f218fc108ded9fc6f"`);
    await queryRunner.query(`DROP INDEX "public"."charter_clause_translations_key"`);
    await queryRunner.query(`DROP TABLE "charter_clause_translations"`);
    await queryRunner.query(`DROP INDEX "public"."charter_amendment_votes_amendment_user_key"`);
    await queryRunner.query(`DROP TABLE "charter_amendment_votes"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CharterDocuments1795243816529 implements MigrationInterface {
  name = 'CharterDocuments1795243816529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "charter_documents" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "slug" text NOT NULL, "title" text NOT NULL, "head_number" integer NOT NULL, "chair_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_50616d723ab52fd72b07d340626" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "charter_documents_slug_key" ON "charter_documents"  ("slug") `);
    await queryRunner.query(`CREATE TABLE "charter_amendments" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "document_id" uuid NOT NULL, "number" integer NOT NULL, "status" text NOT NULL, "base_revision" integer NOT NULL, "clause_id" text NOT NULL, "is_new_clause" boolean NOT NULL, "after_clause_id" text, "heading" text NOT NULL, "body" text NOT NULL, "rationale" text NOT NULL, "author_id" uuid, "author_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by_id" uuid, "decided_by_name" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "resulting_revision" integer, CONSTRAINT "PK_eb313ffcb9c748cbffbd553ba6f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "charter_amendments_document_number_key" ON "charter_amendments"  ("document_id", "number") `);
    await queryRunner.query(`CREATE TABLE "charter_comments" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "document_id" uuid NOT NULL, "clause_id" text, "amendment_id" uuid, "revision_number" integer NOT NULL, "quote" text, "body" text NOT NULL, "parent_id" uuid, "author_id" uuid, "author_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, CONSTRAINT "PK_e789110194b4ccad04953ace5bf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "charter_comments_document_idx" ON "charter_comments"  ("document_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "charter_evidence" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "document_id" uuid NOT NULL, "revision_number" integer, "amendment_id" uuid, "clause_id" text, "campaign_id" uuid, "survey_id" uuid, "question" text NOT NULL, "group_by" text, "filters" jsonb NOT NULL DEFAULT '{}', "snapshot" jsonb, "note" text, "created_by_id" uuid, "created_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5b43943d210b247a408d3d9097" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "charter_evidence_document_idx" ON "charter_evidence"  ("document_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "charter_revisions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "document_id" uuid NOT NULL, "number" integer NOT NULL, "parent_number" integer, "author_id" uuid, "author_name" text NOT NULL, "message" text NOT NULL, "clauses" jsonb NOT NULL, "content_hash" text NOT NULL, "merged" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_55bcff9553947f58e12fa5884dc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "charter_revisions_document_number_key" ON "charter_revisions"  ("document_id", "number") `);
    await queryRunner.query(`ALTER TABLE "charter_amendments" ADD CONSTRAINT "FK_56ae9c61232df21cd49ef9d9839" FOREIGN KEY ("document_id") REFERENCES "charter_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "charter_comments" ADD CONSTRAINT "FK_bef03ceb1e0993c56ead2aee903" FOREIGN KEY ("document_id") REFERENCES "charter_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" ADD CONSTRAINT "FK_7fef7d8c6bebf60ae8635119dcb" FOREIGN KEY ("document_id") REFERENCES "charter_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "charter_revisions" ADD CONSTRAINT "FK_c4d90e3f3162b225e96c256fd05" FOREIGN KEY ("document_id") REFERENCES "charter_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "charter_revisions" DROP CONSTRAINT "FK_c4d90e3f3162b225e96c256fd05"`);
    await queryRunner.query(`ALTER TABLE "charter_evidence" DROP CONSTRAINT "FK_7fef7d8c6bebf60ae8635119dcb"`);
    await queryRunner.query(`ALTER TABLE "charter_comments" DROP CONSTRAINT "FK_bef03ceb1e0993c56ead2aee903"`);
    await queryRunner.query(`ALTER TABLE "charter_amendments" DROP CONSTRAINT "FK_56ae9c61232df21cd49ef9d9839"`);
    await queryRunner.query(`DROP INDEX "public"."charter_revisions_document_number_key"`);
    await queryRunner.query(`DROP TABLE "charter_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."charter_evidence_document_idx"`);
    await queryRunner.query(`DROP TABLE "charter_evidence"`);
    await queryRunner.query(`DROP INDEX "public"."charter_comments_document_idx"`);
    await queryRunner.query(`DROP TABLE "charter_comments"`);
    await queryRunner.query(`DROP INDEX "public"."charter_amendments_document_number_key"`);
    await queryRunner.query(`DROP TABLE "charter_amendments"`);
    await queryRunner.query(`DROP INDEX "public"."charter_documents_slug_key"`);
    await queryRunner.query(`DROP TABLE "charter_documents"`);
  }
}

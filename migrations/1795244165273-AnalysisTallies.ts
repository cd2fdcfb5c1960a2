import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalysisTallies1795244165273 implements MigrationInterface {
  name = 'AnalysisTallies1795244165273';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "analysis_settings" ("campaign_id" uuid NOT NULL, "min_cell_size" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d6b5bb199c0141d329caf4ae989" PRIMARY KEY ("campaign_id"))`);
    await queryRunner.query(`CREATE TABLE "analysis_pending_changes" ("seq" BIGSERIAL NOT NULL, "campaign_id" uuid NOT NULL, "survey_version_id" uuid NOT NULL, "network_id" uuid NOT NULL, "country" text NOT NULL, "role" text NOT NULL, "language" text NOT NULL, "data" jsonb NOT NULL, "sign" smallint NOT NULL, CONSTRAINT "PK_75714a4d9b7fa816c93b17531fe" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE TABLE "analysis_tally_rollup" ("campaign_id" uuid NOT NULL, "survey_version_id" uuid NOT NULL, "network_id" uuid NOT NULL, "country" text NOT NULL, "role" text NOT NULL, "language" text NOT NULL, "measure" text NOT NULL, "question" text NOT NULL, "row_key" text NOT NULL, "col_key" text NOT NULL, "value" text NOT NULL, "rank" integer NOT NULL, "count" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_3510869fea59a50d9258967f6d7" PRIMARY KEY ("campaign_id", "survey_version_id", "network_id", "country", "role", "language", "measure", "question", "row_key", "col_key", "value", "rank"))`);
    await queryRunner.query(`CREATE INDEX "analysis_tally_rollup_version_idx" ON "analysis_tally_rollup"  ("survey_version_id") `);
    await queryRunner.query(`ALTER TABLE "analysis_settings" ADD CONSTRAINT "FK_d6b5bb199c0141d329caf4ae989" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_tally_rollup" ADD CONSTRAINT "FK_83fce8519ba9771ec660ae5688d" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Every change to a completed response is queued, in the same transaction, for the tally rollup:
    // +1 with the new answers, -1 with the old ones. Completions only append, so they never contend.
    await queryRunner.query(`CREATE FUNCTION analysis_queue_response_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'complete' AND NEW.status = 'complete'
     AND NEW.data IS NOT DISTINCT FROM OLD.data
     AND (NEW.campaign_id, NEW.survey_version_id, NEW.network_id, NEW.country, NEW.role, NEW.language)
         IS NOT DISTINCT FROM (OLD.campaign_id, OLD.survey_version_id, OLD.network_id, OLD.country, OLD.role, OLD.language) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'complete' THEN
    INSERT INTO analysis_pending_changes (campaign_id, survey_version_id, network_id, country, role, language, data, sign)
    VALUES (OLD.campaign_id, OLD.survey_version_id, OLD.network_id, coalesce(OLD.country, ''), coalesce(OLD.role, ''),
            coalesce(OLD.language, ''), OLD.data, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'complete' THEN
    INSERT INTO analysis_pending_changes (campaign_id, survey_version_id, network_id, country, role, language, data, sign)
    VALUES (NEW.campaign_id, NEW.survey_version_id, NEW.network_id, coalesce(NEW.country, ''), coalesce(NEW.role, ''),
            coalesce(NEW.language, ''), NEW.data, 1);
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER analysis_queue_response_change AFTER INSERT OR UPDATE OR DELETE ON responses
      FOR EACH ROW EXECUTE FUNCTION analysis_queue_response_change()`);
    // Responses completed before this migration are queued once, so the rollup starts complete.
    await queryRunner.query(`INSERT INTO analysis_pending_changes (campaign_id, survey_version_id, network_id, country, role, language, data, sign)
      SELECT campaign_id, survey_version_id, network_id, coalesce(country, ''), coalesce(role, ''), coalesce(language, ''), data, 1
        FROM responses WHERE status = 'complete'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER analysis_queue_response_change ON responses`);
    await queryRunner.query(`DROP FUNCTION analysis_queue_response_change()`);
    await queryRunner.query(`ALTER TABLE "analysis_tally_rollup" DROP CONSTRAINT "FK_83fce8519ba9771ec660ae5688d"`);
    await queryRunner.query(`ALTER TABLE "analysis_settings" DROP CONSTRAINT "FK_d6b5bb199c0141d329caf4ae989"`);
    await queryRunner.query(`DROP INDEX "public"."analysis_tally_rollup_version_idx"`);
    await queryRunner.query(`DROP TABLE "analysis_tally_rollup"`);
    await queryRunner.query(`DROP TABLE "analysis_pending_changes"`);
    await queryRunner.query(`DROP TABLE "analysis_settings"`);
  }
}

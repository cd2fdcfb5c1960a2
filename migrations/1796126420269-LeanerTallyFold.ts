import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trigger function that queues every change of a completed response (as AnalysisTallies made
 * it), with `cast` applied to the answers it queues.
 */
function queueChangeFunction(cast: '::text' | ''): string {
  return `CREATE OR REPLACE FUNCTION analysis_queue_response_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
            coalesce(OLD.language, ''), OLD.data${cast}, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'complete' THEN
    INSERT INTO analysis_pending_changes (campaign_id, survey_version_id, network_id, country, role, language, data, sign)
    VALUES (NEW.campaign_id, NEW.survey_version_id, NEW.network_id, coalesce(NEW.country, ''), coalesce(NEW.role, ''),
            coalesce(NEW.language, ''), NEW.data${cast}, 1);
  END IF;
  RETURN NULL;
END $$`;
}

/**
 * Makes folding cheaper per change (see docs/BENCHMARKS.md): the queue keeps answers as the text
 * PostgreSQL prints for their jsonb, printed once when a change is queued instead of every time the
 * fold reads it; the rollup leaves free space in its pages, so adding to a count is a heap-only
 * update, and it no longer checks its campaign with a foreign key per row written (only the fold
 * writes it, under the lock that deleting campaigns takes, and deleting campaigns deletes their rows).
 */
export class LeanerTallyFold1796126420269 implements MigrationInterface {
  name = 'LeanerTallyFold1796126420269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_pending_changes" ALTER COLUMN "data" TYPE text USING "data"::text`);
    await queryRunner.query(queueChangeFunction('::text'));
    await queryRunner.query(`ALTER TABLE "analysis_tally_rollup" DROP CONSTRAINT "FK_83fce8519ba9771ec660ae5688d"`);
    // Rows already written keep their packing until they are next rewritten.
    await queryRunner.query(`ALTER TABLE "analysis_tally_rollup" SET (fillfactor = 50)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_tally_rollup" RESET (fillfactor)`);
    await queryRunner.query(`DELETE FROM "analysis_tally_rollup" r WHERE NOT EXISTS (SELECT 1 FROM "campaigns" c WHERE c.id = r.campaign_id)`);
    await queryRunner.query(`ALTER TABLE "analysis_tally_rollup" ADD CONSTRAINT "FK_83fce8519ba9771ec660ae5688d" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(queueChangeFunction(''));
    await queryRunner.query(`ALTER TABLE "analysis_pending_changes" ALTER COLUMN "data" TYPE jsonb USING "data"::jsonb`);
  }
}

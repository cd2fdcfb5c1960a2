import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TallyEngineCatchUp1796044301077 implements MigrationInterface {
  name = 'TallyEngineCatchUp1796044301077';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "analysis_response_tombstones" ("response_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "change_xid" bigint NOT NULL, CONSTRAINT "PK_97b684cb672cb97b57193918e41" PRIMARY KEY ("response_id"))`);
    await queryRunner.query(`CREATE INDEX "analysis_response_tombstones_campaign_xid_idx" ON "analysis_response_tombstones"  ("campaign_id", "change_xid") `);
    await queryRunner.query(`ALTER TABLE "responses" ADD "change_xid" bigint`);
    await queryRunner.query(`CREATE INDEX "responses_campaign_change_xid_idx" ON "responses"  ("campaign_id", "change_xid") `);
    // Every write of a response records its transaction, and every deletion leaves a tombstone: an
    // in-memory tally engine re-reads exactly the rows written by transactions its last snapshot
    // could not see (xid >= that snapshot's xmin), whatever order they committed in.
    await queryRunner.query(`CREATE FUNCTION analysis_stamp_response_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$`);
    await queryRunner.query(`CREATE TRIGGER analysis_stamp_response_change BEFORE INSERT OR UPDATE ON responses
      FOR EACH ROW EXECUTE FUNCTION analysis_stamp_response_change()`);
    await queryRunner.query(`CREATE FUNCTION analysis_tombstone_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_response_tombstones (response_id, campaign_id, change_xid)
  VALUES (OLD.id, OLD.campaign_id, pg_current_xact_id()::text::bigint)
  ON CONFLICT (response_id) DO UPDATE SET campaign_id = EXCLUDED.campaign_id, change_xid = EXCLUDED.change_xid;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER analysis_tombstone_response AFTER DELETE ON responses
      FOR EACH ROW EXECUTE FUNCTION analysis_tombstone_response()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER analysis_tombstone_response ON responses`);
    await queryRunner.query(`DROP FUNCTION analysis_tombstone_response()`);
    await queryRunner.query(`DROP TRIGGER analysis_stamp_response_change ON responses`);
    await queryRunner.query(`DROP FUNCTION analysis_stamp_response_change()`);
    await queryRunner.query(`DROP INDEX "public"."responses_campaign_change_xid_idx"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "change_xid"`);
    await queryRunner.query(`DROP INDEX "public"."analysis_response_tombstones_campaign_xid_idx"`);
    await queryRunner.query(`DROP TABLE "analysis_response_tombstones"`);
  }
}

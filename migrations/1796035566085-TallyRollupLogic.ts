import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TallyRollupLogic1796035566085 implements MigrationInterface {
  name = 'TallyRollupLogic1796035566085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "analysis_rollup_logic" ("campaign_id" uuid NOT NULL, "logic_version" integer NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e9d17a5375e93f45e3d73c74e82" PRIMARY KEY ("campaign_id"))`);
    await queryRunner.query(`ALTER TABLE "analysis_rollup_logic" ADD CONSTRAINT "FK_e9d17a5375e93f45e3d73c74e82" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_rollup_logic" DROP CONSTRAINT "FK_e9d17a5375e93f45e3d73c74e82"`);
    await queryRunner.query(`DROP TABLE "analysis_rollup_logic"`);
  }
}

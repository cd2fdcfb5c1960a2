import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignMailWording1796055355766 implements MigrationInterface {
  name = 'CampaignMailWording1796055355766';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign_mail_wordings" ("campaign_id" uuid NOT NULL, "kind" text NOT NULL, "language" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_16885539fa0d886d3367b152fc4" PRIMARY KEY ("campaign_id", "kind", "language"))`);
    await queryRunner.query(`ALTER TABLE "campaign_mail_wordings" ADD CONSTRAINT "FK_58e9ccd42e0b3e62ca8d8b36bbe" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_mail_wordings" DROP CONSTRAINT "FK_58e9ccd42e0b3e62ca8d8b36bbe"`);
    await queryRunner.query(`DROP TABLE "campaign_mail_wordings"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RespondentResumePosition1796019959293 implements MigrationInterface {
  name = 'RespondentResumePosition1796019959293';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" ADD "current_page" smallint`);
    await queryRunner.query(`ALTER TABLE "responses" ADD "locale" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "current_page"`);
  }
}

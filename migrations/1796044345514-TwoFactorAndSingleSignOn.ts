import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TwoFactorAndSingleSignOn1796044345514 implements MigrationInterface {
  name = 'TwoFactorAndSingleSignOn1796044345514';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "totp_recovery_codes" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d7156f4a16f70eb55911ad41901" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "totp_recovery_codes_user_id_idx" ON "totp_recovery_codes"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "totp_policy" ("id" integer NOT NULL, "required_roles" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eb1ec423a3ffe7323244221b170" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_pending_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_last_step" bigint`);
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_subject" text`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "totp_enrolment_required" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"  ("oidc_subject") `);
    await queryRunner.query(`ALTER TABLE "totp_recovery_codes" ADD CONSTRAINT "FK_7b5306af9f656dd4651b0f814b8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "totp_recovery_codes" DROP CONSTRAINT "FK_7b5306af9f656dd4651b0f814b8"`);
    await queryRunner.query(`DROP INDEX "public"."users_oidc_subject_key"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "totp_enrolment_required"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
    await queryRunner.query(`DROP TABLE "totp_policy"`);
    await queryRunner.query(`DROP INDEX "public"."totp_recovery_codes_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "totp_recovery_codes"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit event of a completed response is written by the database, in the completing
 * statement's transaction: the completion then stays a single statement (no explicit transaction,
 * one round trip), which is what lets the respondent API take a thousand completions a second.
 * The event has the same shape as those AuditService.record() writes, unsealed; the sealer chains it.
 * Anonymous and open-link responses have no invitation_id, so their events name no invitation.
 */
export class ResponseCompletionAudit1795247026517 implements MigrationInterface {
  name = 'ResponseCompletionAudit1795247026517';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_response_completion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_events (at, actor_id, actor_email, action, subject, payload)
        VALUES (
          date_trunc('milliseconds', clock_timestamp()), NULL, NULL, 'response.completed', 'campaign:' || NEW.campaign_id,
          jsonb_build_object('responseId', NEW.id, 'networkId', NEW.network_id)
            || CASE WHEN NEW.invitation_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('invitationId', NEW.invitation_id) END
        );
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER responses_audit_completion_insert
      AFTER INSERT ON responses
      FOR EACH ROW WHEN (NEW.status = 'complete')
      EXECUTE FUNCTION audit_response_completion()`);
    await queryRunner.query(`
      CREATE TRIGGER responses_audit_completion_update
      AFTER UPDATE OF status ON responses
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM 'complete' AND NEW.status = 'complete')
      EXECUTE FUNCTION audit_response_completion()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER responses_audit_completion_update ON responses');
    await queryRunner.query('DROP TRIGGER responses_audit_completion_insert ON responses');
    await queryRunner.query('DROP FUNCTION audit_response_completion()');
  }
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** A response given in full, as a seed writes it (not through the respondent's path). */
export interface HistoricResponse {
  invitationId: string;
  networkId: string;
  country: string;
  role: string;
  language: string;
  data: Record<string, unknown>;
  status: 'complete' | 'partial';
  /** The receipt a complete response was given; null for a partial one. */
  receipt: string | null;
  startedAt: Date;
  completedAt: Date | null;
}

/**
 * Adds the responses of one campaign and survey version in one statement; each was last updated
 * when it was completed, or else when it was started.
 */
export async function insertHistoricResponses(
  manager: EntityManager,
  campaignId: string,
  surveyVersionId: string,
  responses: readonly HistoricResponse[],
): Promise<void> {
  if (responses.length === 0) return;
  await manager.query(
    `INSERT INTO responses (id, campaign_id, survey_version_id, invitation_id, network_id, country, role, language,
       data, status, receipt, started_at, completed_at, updated_at)
     SELECT r.id, $1, $2, r.invitation_id, r.network_id, r.country, r.role, r.language, r.data, r.status, r.receipt,
       r.started_at, r.completed_at, COALESCE(r.completed_at, r.started_at)
     FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[],
       $11::text[], $12::timestamptz[], $13::timestamptz[])
       AS r(id, invitation_id, network_id, country, role, language, data, status, receipt, started_at, completed_at)`,
    [
      campaignId,
      surveyVersionId,
      responses.map(() => randomUUID()),
      responses.map((response) => response.invitationId),
      responses.map((response) => response.networkId),
      responses.map((response) => response.country),
      responses.map((response) => response.role),
      responses.map((response) => response.language),
      responses.map((response) => JSON.stringify(response.data)),
      responses.map((response) => response.status),
      responses.map((response) => response.receipt),
      responses.map((response) => response.startedAt.toISOString()),
      responses.map((response) => response.completedAt?.toISOString() ?? null),
    ],
  );
}

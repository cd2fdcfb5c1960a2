import type { RunningServer } from './browser';
import { queryDatabase } from './respondent-fixtures';

/** A response as the database behind a running server holds it. */
export interface StoredResponse {
  status: 'partial' | 'complete';
  data: Record<string, unknown>;
  receipt: string | null;
}

/** The given columns of every response of a campaign, read straight from the server's database. */
export function storedResponses<Column extends keyof StoredResponse>(
  server: RunningServer,
  campaignId: string,
  columns: Column[],
): Promise<Array<Pick<StoredResponse, Column>>> {
  return queryDatabase(server.database.url, `SELECT ${columns.join(', ')} FROM responses WHERE campaign_id = $1`, [
    campaignId,
  ]);
}

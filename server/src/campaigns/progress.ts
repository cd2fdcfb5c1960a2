import type { CampaignProgressDto } from '@concord/shared';

export interface ProgressRow {
  network_id: string;
  invited: number;
  opened: number;
  started: number;
  completed: number;
}

/** Shapes the per-network counts (already aggregated in SQL) and adds the totals and rates. */
export function progressFromRows(rows: readonly ProgressRow[]): CampaignProgressDto {
  const total = { invited: 0, opened: 0, started: 0, completed: 0 };
  const networks = rows.map((row) => {
    total.invited += row.invited;
    total.opened += row.opened;
    total.started += row.started;
    total.completed += row.completed;
    return {
      networkId: row.network_id,
      invited: row.invited,
      opened: row.opened,
      started: row.started,
      completed: row.completed,
      rate: row.invited === 0 ? null : Math.round((row.completed / row.invited) * 10_000) / 10_000,
    };
  });
  return { total, networks };
}

import type { TallyGroupBy } from '@concord/shared';
import type { SqlParams } from '../common/sql-params';
import type { ResponseFilter } from '../responses';
import type { ParsedFilters } from './tally-query';

/**
 * How analysis turns a view (its scope and filters) into queries: conditions and groups over its
 * own rollup here, and the typed filter the responses feature selects a view's responses with.
 * Tallies that scan, free text, response exports and coded-theme tallies all select their
 * responses through `responseFilter`, so they always agree.
 */

/** What a tally covers, resolved to ids: campaigns and versions, and networks when filtered. */
export interface TallyScope {
  campaignIds: string[];
  versionIds: string[];
  networkIds?: string[];
}

/** WHERE conditions over the rollup (and the queued changes, which carry the same dimensions). */
export function rollupConditions(scope: TallyScope, filters: ParsedFilters, params: SqlParams): string[] {
  const conditions = [
    `campaign_id = ANY(${params.add(scope.campaignIds)}::uuid[])`,
    `survey_version_id = ANY(${params.add(scope.versionIds)}::uuid[])`,
  ];
  if (scope.networkIds !== undefined) conditions.push(`network_id = ANY(${params.add(scope.networkIds)}::uuid[])`);
  for (const name of ['country', 'role', 'language'] as const) {
    const values = filters[name];
    if (values !== undefined) conditions.push(`${name} = ANY(${params.add(values)}::text[])`);
  }
  return conditions;
}

/** The group a rollup (or fact) row counts in. */
export function rollupGroupExpression(groupBy: TallyGroupBy | null): string {
  switch (groupBy) {
    case null:
      return `''`;
    case 'network':
      return `network_id::text`;
    case 'country':
    case 'role':
      return groupBy;
  }
}

/**
 * Every filter of a view as the responses feature's filter: campaign, version, network, country,
 * role, language, status (partial or not), dates and answers.
 */
export function responseFilter(scope: TallyScope, filters: ParsedFilters): ResponseFilter {
  const filter: ResponseFilter = {
    campaignIds: scope.campaignIds,
    versionIds: scope.versionIds,
    includePartial: filters.includePartial,
    answers: filters.answers,
  };
  if (scope.networkIds !== undefined) filter.networkIds = scope.networkIds;
  if (filters.country !== undefined) filter.country = filters.country;
  if (filters.role !== undefined) filter.role = filters.role;
  if (filters.language !== undefined) filter.language = filters.language;
  if (filters.from !== undefined) filter.from = filters.from;
  if (filters.to !== undefined) filter.to = filters.to;
  return filter;
}

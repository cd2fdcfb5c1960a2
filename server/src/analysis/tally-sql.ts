import type { TallyGroupBy } from '@concord/shared';
import type { ParsedFilters } from './tally-query';

/** Positional parameters collected while a query is written. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** What a tally covers, resolved to ids: campaigns and versions, and networks when filtered. */
export interface TallyScope {
  campaignIds: string[];
  versionIds: string[];
  networkIds?: string[];
}

type Source = 'rollup' | 'responses';

function column(source: Source, name: 'country' | 'role' | 'language'): string {
  return source === 'rollup' ? name : `coalesce(r.${name}, '')`;
}

/** WHERE conditions on the dimensions both the rollup and the responses carry. */
export function dimensionConditions(
  source: Source,
  scope: TallyScope,
  filters: ParsedFilters,
  params: SqlParams,
): string[] {
  const prefix = source === 'rollup' ? '' : 'r.';
  const conditions = [
    `${prefix}campaign_id = ANY(${params.add(scope.campaignIds)}::uuid[])`,
    `${prefix}survey_version_id = ANY(${params.add(scope.versionIds)}::uuid[])`,
  ];
  if (scope.networkIds !== undefined)
    conditions.push(`${prefix}network_id = ANY(${params.add(scope.networkIds)}::uuid[])`);
  for (const name of ['country', 'role', 'language'] as const) {
    const values = filters[name];
    if (values !== undefined) conditions.push(`${column(source, name)} = ANY(${params.add(values)}::text[])`);
  }
  return conditions;
}

/** Conditions only a scan of the responses can apply: status, dates and other answers. */
export function scanConditions(filters: ParsedFilters, params: SqlParams): string[] {
  const conditions = [filters.includePartial ? `r.status IN ('complete', 'partial')` : `r.status = 'complete'`];
  const when = filters.includePartial ? 'coalesce(r.completed_at, r.updated_at)' : 'r.completed_at';
  if (filters.from !== undefined) conditions.push(`${when} >= ${params.add(filters.from.toISOString())}::timestamptz`);
  if (filters.to !== undefined) conditions.push(`${when} <= ${params.add(filters.to.toISOString())}::timestamptz`);
  for (const [question, values] of Object.entries(filters.answers)) {
    const key = params.add(question);
    const accepted = params.add(values);
    conditions.push(
      `(r.data ->> ${key} = ANY(${accepted}::text[]) OR (jsonb_typeof(r.data -> ${key}) = 'array' AND EXISTS (
         SELECT 1 FROM jsonb_array_elements_text(r.data -> ${key}) AS chosen(value) WHERE chosen.value = ANY(${accepted}::text[]))))`,
    );
  }
  return conditions;
}

/**
 * Every filter of a view as WHERE conditions over `responses r`: campaign, version, network,
 * country, role, language, status (partial or not), dates and answers. Tallies that scan, free
 * text and response exports all select their responses with it, so they always agree.
 */
export function responseConditions(scope: TallyScope, filters: ParsedFilters, params: SqlParams): string[] {
  return [...dimensionConditions('responses', scope, filters, params), ...scanConditions(filters, params)];
}

export function groupExpression(source: Source, groupBy: TallyGroupBy | null): string {
  const prefix = source === 'rollup' ? '' : 'r.';
  switch (groupBy) {
    case null:
      return `''`;
    case 'network':
      return `${prefix}network_id::text`;
    case 'country':
    case 'role':
      return column(source, groupBy);
  }
}

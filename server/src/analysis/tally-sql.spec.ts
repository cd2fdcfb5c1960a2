import type { TallyGroupBy } from '@concord/shared';
import { SqlParams } from '../common/sql-params';
import { parseTallyQuery } from './tally-query';
import { responseFilter, rollupConditions, rollupGroupExpression } from './tally-sql';

const SCOPE = { campaignIds: ['c1'], versionIds: ['v1', 'v2'] };

describe('tally SQL', () => {
  it('hands every filter of a view to the responses feature, and only those given', () => {
    const { filters } = parseTallyQuery({
      country: 'Morocco',
      role: 'nfp,team',
      language: 'fr',
      'answer[q1]': 'a,b',
      from: '2025-01-01',
      to: '2025-01-31',
      includePartial: 'true',
    });
    expect(responseFilter({ ...SCOPE, networkIds: ['n1'] }, filters)).toEqual({
      campaignIds: ['c1'],
      versionIds: ['v1', 'v2'],
      networkIds: ['n1'],
      country: ['Morocco'],
      role: ['nfp', 'team'],
      language: ['fr'],
      includePartial: true,
      from: new Date('2025-01-01T00:00:00.000Z'),
      to: new Date('2025-01-31T23:59:59.999Z'),
      answers: { q1: ['a', 'b'] },
    });
    expect(Object.keys(responseFilter(SCOPE, parseTallyQuery({}).filters)).sort()).toEqual([
      'answers',
      'campaignIds',
      'includePartial',
      'versionIds',
    ]);
  });

  it('filters and groups the rollup by its own columns', () => {
    const params = new SqlParams();
    const { filters } = parseTallyQuery({ country: 'Morocco', language: 'fr' });
    expect(rollupConditions({ ...SCOPE, networkIds: ['n1'] }, filters, params)).toEqual([
      'campaign_id = ANY($1::uuid[])',
      'survey_version_id = ANY($2::uuid[])',
      'network_id = ANY($3::uuid[])',
      'country = ANY($4::text[])',
      'language = ANY($5::text[])',
    ]);
    expect(params.values).toEqual([['c1'], ['v1', 'v2'], ['n1'], ['Morocco'], ['fr']]);
    const groupings: Array<TallyGroupBy | null> = [null, 'network', 'country', 'role'];
    expect(groupings.map(rollupGroupExpression)).toEqual([`''`, 'network_id::text', 'country', 'role']);
  });
});

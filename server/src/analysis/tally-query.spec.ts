import { needsScan, parseTallyQuery } from './tally-query';

describe('tally query', () => {
  it('reads lists, dates and answer filters in both query-string shapes', () => {
    const parsed = parseTallyQuery({
      groupBy: 'role',
      network: 'CA,ME',
      'answer[q3]': 'yes',
      answer: { q4: ['a', 'b'] },
      from: '2025-01-01',
      to: '2025-01-31',
      includePartial: 'false',
    });
    expect(parsed.groupBy).toBe('role');
    expect(parsed.weighting).toBe('pooled');
    expect(parsed.filters.network).toEqual(['CA', 'ME']);
    expect(parsed.filters.answers).toEqual({ q3: ['yes'], q4: ['a', 'b'] });
    expect(parsed.filters.to?.toISOString()).toBe('2025-01-31T23:59:59.999Z');
    expect(needsScan(parsed.filters)).toBe(true);
    expect(needsScan(parseTallyQuery({ network: 'CA' }).filters)).toBe(false);
  });

  it('names the parameter in every refusal', () => {
    expect(() => parseTallyQuery({ groupBy: 'x' })).toThrow('groupBy must be one of: network, country, role');
    expect(() => parseTallyQuery({ version: '1,x' })).toThrow('version must be a list of positive integers');
    expect(() => parseTallyQuery({ minCellSize: '0' })).toThrow('minCellSize must be a positive integer');
    expect(() => parseTallyQuery({ other: '1' })).toThrow('Unknown query parameter: other');
  });
});

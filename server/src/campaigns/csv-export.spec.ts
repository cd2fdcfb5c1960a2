import { csvField, toCsv } from './csv-export';
import { progressFromRows } from './progress';

describe('csv export', () => {
  it('quotes separators and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});

describe('progressFromRows', () => {
  it('totals the networks and computes rates, null when nobody was invited', () => {
    expect(
      progressFromRows([
        { network_id: 'n1', invited: 3, opened: 2, started: 2, completed: 1 },
        { network_id: 'n2', invited: 0, opened: 0, started: 1, completed: 1 },
      ]),
    ).toEqual({
      total: { invited: 3, opened: 2, started: 3, completed: 2 },
      networks: [
        { networkId: 'n1', invited: 3, opened: 2, started: 2, completed: 1, rate: 0.3333 },
        { networkId: 'n2', invited: 0, opened: 0, started: 1, completed: 1, rate: null },
      ],
    });
  });
});

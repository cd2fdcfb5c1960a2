import { parsePgJson } from './pg-json';
import { buildQuestionPlan } from './question-plan';
import { type EngineResponse, TallyEngine } from './tally-engine';

const plan = buildQuestionPlan({
  pages: [{ name: 'p', elements: [{ type: 'checkbox', name: 'multi', choices: ['a', 'b'] }] }],
});

function response(id: string, data: string, network = 'n1', country = 'X'): EngineResponse {
  return {
    id,
    versionId: 'v1',
    networkId: network,
    country,
    role: '',
    language: '',
    status: 'complete',
    completedAt: 1_000,
    updatedAt: 1_000,
    data: parsePgJson(data),
  };
}

function valueCounts(engine: TallyEngine, groupBy: 'country' | null = null): Record<string, number> {
  const rows = engine.count({ versionIds: ['v1'], includePartial: false, answers: {}, groupBy });
  // Rows come per network too (for weighting): sum them.
  const sums: Record<string, number> = {};
  for (const row of rows.filter((row) => row.measure !== 'a')) {
    const key = `${row.grp}:${row.measure}:${row.value}`;
    sums[key] = (sums[key] ?? 0) + row.n;
  }
  return sums;
}

describe('the tally engine', () => {
  it('counts an answer held several times by one response, and forgets it on edit and deletion', () => {
    const engine = new TallyEngine(new Map([['v1', plan.sources]]), new Set(['multi']));
    engine.upsert(response('r1', '{"multi": ["a", "a", "a"]}'));
    engine.upsert(response('r2', '{"multi": ["a", "b"]}', 'n2', 'Y'));
    expect(valueCounts(engine)).toEqual({ ':r:': 2, ':v:a': 4, ':v:b': 1 });
    expect(valueCounts(engine, 'country')).toEqual({ 'X:r:': 1, 'X:v:a': 3, 'Y:r:': 1, 'Y:v:a': 1, 'Y:v:b': 1 });
    engine.upsert(response('r1', '{"multi": ["b"]}'));
    expect(valueCounts(engine)).toEqual({ ':r:': 2, ':v:a': 1, ':v:b': 2 });
    engine.remove('r2');
    expect(valueCounts(engine)).toEqual({ ':r:': 1, ':v:b': 1 });
  });

  it('grows past many responses and filters by answer and time', () => {
    const engine = new TallyEngine(new Map([['v1', plan.sources]]), new Set(['multi']));
    for (let i = 0; i < 5_000; i++)
      engine.upsert({ ...response(`r${i}`, i % 3 === 0 ? '{"multi": ["a"]}' : '{"multi": ["b"]}'), completedAt: i });
    const rows = engine.count({
      versionIds: ['v1'],
      includePartial: false,
      answers: { multi: ['a'] },
      from: 1_000,
      to: 1_999,
      groupBy: null,
    });
    expect(rows.find((row) => row.measure === 'r')?.n).toBe(333);
    expect(rows.find((row) => row.measure === 'v' && row.value === 'b')).toBeUndefined();
  });
});

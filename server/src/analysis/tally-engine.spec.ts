import fc from 'fast-check';
import { parsePgJson } from './pg-json';
import { buildQuestionPlan } from './question-plan';
import { factOfKey, filterTexts, responseFacts, sourcesByTop } from './response-facts';
import { type EngineQuery, type EngineResponse, TallyEngine } from './tally-engine';

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

  it('counts every grouping alike whatever order the responses were placed in', () => {
    const richPlan = buildQuestionPlan({
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'checkbox', name: 'multi', choices: ['a', 'b', 'c'] },
            { type: 'radiogroup', name: 'single', choices: ['x', 'y'] },
          ],
        },
      ],
    });
    const byTop = sourcesByTop(richPlan.sources);
    const answers = fc.record(
      { multi: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 }), single: fc.constantFrom('x', 'y') },
      { requiredKeys: [] },
    );
    const stored = fc.record({
      network: fc.constantFrom('n1', 'n2', 'n3'),
      country: fc.constantFrom('', 'FR', 'KZ'),
      role: fc.constantFrom('focal', 'team'),
      status: fc.constantFrom('complete', 'complete', 'partial'),
      completedAt: fc.integer({ min: 0, max: 9 }),
      data: answers.map((data) => JSON.stringify(data)),
    });
    const scenario = fc.record({
      responses: fc.array(stored, { minLength: 1, maxLength: 120 }),
      // Which responses are placed before the load adds them, and in which order; the rest arrive later.
      placed: fc.array(fc.nat(), { maxLength: 120 }),
      edits: fc.array(fc.record({ index: fc.nat(), to: stored, remove: fc.boolean() }), { maxLength: 20 }),
      groupBy: fc.constantFrom('network', 'country', 'role', null),
      includePartial: fc.boolean(),
      single: fc.option(fc.subarray(['x', 'y'], { minLength: 1 }), { nil: undefined }),
      from: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const engine = new TallyEngine(new Map([['v1', richPlan.sources]]), new Set(['multi', 'single']));
        const live = new Map(s.responses.map((each, i) => [`r${i}`, each]));
        engine.place([...new Set(s.placed.map((n) => `r${n % s.responses.length}`))]);
        const asEngine = (id: string, each: (typeof s.responses)[number]): EngineResponse => ({
          id,
          versionId: 'v1',
          networkId: each.network,
          country: each.country,
          role: each.role,
          language: '',
          status: each.status,
          completedAt: each.status === 'complete' ? each.completedAt : NaN,
          updatedAt: each.completedAt,
          data: parsePgJson(each.data),
        });
        for (const [id, each] of live) engine.upsert(asEngine(id, each));
        for (const edit of s.edits) {
          const id = `r${edit.index % s.responses.length}`;
          if (edit.remove) {
            engine.remove(id);
            live.delete(id);
          } else {
            engine.upsert(asEngine(id, edit.to));
            live.set(id, edit.to);
          }
        }
        const query: EngineQuery = {
          versionIds: ['v1'],
          includePartial: s.includePartial,
          answers: s.single === undefined ? {} : { single: s.single },
          groupBy: s.groupBy,
          ...(s.from === undefined ? {} : { from: s.from, to: 9 }),
        };
        const expected: Record<string, number> = {};
        for (const each of live.values()) {
          if (each.status === 'partial' && !s.includePartial) continue;
          // A partial response's last save (updatedAt) is given the same time.
          if (s.from !== undefined && !(each.completedAt >= s.from && each.completedAt <= 9)) continue;
          const data = parsePgJson(each.data) as Record<string, never>;
          if (s.single !== undefined && !filterTexts(data.single ?? null).some((text) => s.single?.includes(text)))
            continue;
          const grp =
            s.groupBy === 'network'
              ? each.network
              : s.groupBy === 'country'
                ? each.country
                : s.groupBy === 'role'
                  ? each.role
                  : '';
          for (const [key, n] of responseFacts(data, byTop)) {
            const fact = factOfKey(key);
            const full = [
              each.network,
              grp,
              fact.measure,
              fact.question,
              fact.row,
              fact.col,
              fact.value,
              fact.rank,
            ].join('|');
            expected[full] = (expected[full] ?? 0) + n;
          }
        }
        const counted: Record<string, number> = {};
        for (const row of engine.count(query)) {
          const full = [
            row.network,
            row.grp,
            row.measure,
            row.question,
            row.row_key,
            row.col_key,
            row.value,
            row.rank,
          ].join('|');
          expect(counted[full]).toBeUndefined();
          counted[full] = row.n;
        }
        expect(counted).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { FactAccumulator, type QueuedChange, type RollupRows } from './fact-fold';
import { parsePgJson, pgJsonText } from './pg-json';
import { buildQuestionPlan } from './question-plan';
import { factOfKey, responseFacts, sourcesByTop } from './response-facts';

const plan = buildQuestionPlan({
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'single', choices: ['a', 'b', '1'] },
        { type: 'checkbox', name: 'multi', choices: ['a', 'b'] },
        { type: 'ranking', name: 'rank', choices: ['a', 'b'] },
        { type: 'comment', name: 'remark' },
        {
          type: 'paneldynamic',
          name: 'panel',
          templateElements: [{ type: 'radiogroup', name: 'pick', choices: ['x'] }],
        },
        { type: 'matrix', name: 'mx', rows: ['r1', 'r2'], columns: ['y', '1'] },
        {
          type: 'matrixdropdown',
          name: 'md',
          rows: ['r1', 'r2'],
          columns: [{ name: 'c', cellType: 'dropdown', choices: ['y'] }],
        },
      ],
    },
  ],
});
const V1 = '00000000-0000-0000-0000-0000000000a1';
const V2 = '00000000-0000-0000-0000-0000000000a2';

/** The rollup rows as `dims|fact` → count, for comparing. */
function table(rows: RollupRows): Record<string, number> {
  const out: Record<string, number> = {};
  const { groups, facts } = rows;
  rows.count.forEach((n, i) => {
    const g = (rows.group[i] ?? 0) - 1;
    const f = (rows.fact[i] ?? 0) - 1;
    const key = [
      groups.campaignId[g],
      groups.versionId[g],
      groups.networkId[g],
      groups.country[g],
      groups.role[g],
      groups.language[g],
      facts.measure[f],
      facts.question[f],
      facts.row[f],
      facts.col[f],
      facts.value[f] ?? 'NULL',
      facts.rank[f],
    ].join('|');
    expect(out[key]).toBeUndefined();
    out[key] = n;
  });
  return out;
}

/** The reference: every change's facts one by one (responseFacts, which the SQL tests hold to fact-sql.ts). */
function reference(changes: readonly QueuedChange[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const change of changes) {
    const byTop = change.survey_version_id === V1 ? sourcesByTop(plan.sources) : new Map();
    for (const [key, n] of responseFacts(parsePgJson(change.data), byTop)) {
      const fact = factOfKey(key);
      const full = [
        change.campaign_id,
        change.survey_version_id,
        change.network_id,
        change.country,
        change.role,
        change.language,
        fact.measure,
        fact.question,
        fact.row,
        fact.col,
        fact.value ?? 'NULL',
        fact.rank,
      ].join('|');
      sums.set(full, (sums.get(full) ?? 0) + n * change.sign);
    }
  }
  return Object.fromEntries([...sums].filter(([, n]) => n !== 0));
}

const answer = fc.oneof(
  fc.constantFrom('a', 'b', '1', '', 'x', 'y', 'a"}, "b": [', '\\', 'é ü'),
  fc.constantFrom(1, 1.5, 0, true, false, null),
  fc.array(fc.constantFrom('a', 'b', '1', null, 1), { maxLength: 3 }),
  fc.array(fc.record({ pick: fc.constantFrom('x', '', null) }, { requiredKeys: [] }), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('r1', 'r2', 'r3'),
    fc.oneof(fc.record({ c: fc.constantFrom('y', '') }), fc.constant('y')),
  ),
);
const change = fc
  .record({
    campaign_id: fc.constantFrom('c1', 'c2'),
    survey_version_id: fc.constantFrom(V1, V1, V2),
    network_id: fc.constantFrom('n1', 'n2'),
    country: fc.constantFrom('', 'FR'),
    role: fc.constant(''),
    language: fc.constantFrom('en', 'fr'),
    data: fc
      .dictionary(fc.constantFrom('single', 'multi', 'rank', 'remark', 'panel', 'md', 'mx', 'other', 'sing"le'), answer)
      .map((data) => JSON.stringify(data).replace(/1\.5/g, '1.50')),
    sign: fc.constantFrom(1, 1, -1),
    // As JSON.stringify prints it, or as PostgreSQL prints jsonb (spaces after , and :, keys sorted).
    pgPrinted: fc.boolean(),
  })
  .map(({ pgPrinted, ...each }) => (pgPrinted ? { ...each, data: pgJsonText(parsePgJson(each.data)) } : each));

describe('folding queued changes in memory', () => {
  it('sums per rollup key exactly what the facts of each change sum to', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const accumulator = new FactAccumulator();
        // V2 has no plan (a deleted version): only its responses count.
        accumulator.addPlans([V1, V2], [{ versionId: V1, plan }]);
        for (const each of changes) accumulator.add(each);
        expect(table(accumulator.rows())).toEqual(reference(changes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a change of a version whose plan it was not given', () => {
    const accumulator = new FactAccumulator();
    expect(() =>
      accumulator.add({
        campaign_id: 'c',
        survey_version_id: V1,
        network_id: 'n',
        country: '',
        role: '',
        language: '',
        data: '{}',
        sign: 1,
      }),
    ).toThrow(`No plan was given for version ${V1}`);
  });
});

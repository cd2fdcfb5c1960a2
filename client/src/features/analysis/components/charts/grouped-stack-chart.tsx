import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { ChoiceCount, QuestionTally } from '@concord/shared';

import {
  AXIS_LABEL,
  AXIS_TICK,
  BAND_HEIGHT,
  CHART_WIDTH,
  choiceColours,
  percent,
  textColourOn,
  wholePercent,
} from './chart-theme';

/** Widths of the columns beside the bars; the bars take the rest of the chart's width. */
const LABEL_WIDTH = 190;
const COUNT_WIDTH = 64;
const AXIS_HEIGHT = 40;

interface StackRow {
  key: string;
  label: string;
  /** Percent per choice index (`c0`, `c1`…), absent for a suppressed group. */
  [choice: `c${number}`]: number | undefined;
}

interface StackLine {
  key: string;
  label: string;
  /** A total (all responses, weighted) rather than a group: labelled in a plain cell, not a row header. */
  total: boolean;
  suppressed: boolean;
  responses: number;
  n: number | null;
  shares: Array<number | null>;
  counts: Array<number | null>;
}

/**
 * Single choices split the bar by share of answers. A respondent may tick several choices of a multiple
 * choice, so there the bar is split by share of all choices ticked, and the table gives the shares of respondents.
 */
function splitOf(choices: ChoiceCount[] | undefined, values: string[], multi: boolean): Array<number | null> {
  const byValue = new Map((choices ?? []).map((choice) => [choice.value, choice]));
  if (!multi) return values.map((value) => byValue.get(value)?.share ?? null);
  const ticks = values.reduce((sum, value) => sum + (byValue.get(value)?.count ?? 0), 0);
  return values.map((value) => (ticks === 0 ? null : (byValue.get(value)?.count ?? 0) / ticks));
}

/**
 * One horizontal bar per group (e.g. per network), stacked by choice. The group names and sizes are a table
 * whose rows line up with the bars, so the figures stay readable as text and suppressed groups say so in
 * their bar's place.
 */
export function GroupedStackChart({ question, labels }: { question: QuestionTally; labels: Record<string, string> }) {
  const multi = question.kind === 'multi';
  const choices = question.choices ?? [];
  const values = choices.map((choice) => choice.value);
  const colours = choiceColours(choices.length, question.kind === 'numeric');
  const labelOf = (key: string) => labels[key] ?? (key === '' ? 'Not given' : key);
  // By name: the server keys network groups by id, an order that means nothing to a reader.
  const groups = Object.entries(question.groups ?? {}).sort(([a], [b]) => labelOf(a).localeCompare(labelOf(b)));

  const lines: StackLine[] = [
    {
      key: '#all',
      label: 'All responses',
      total: true,
      suppressed: false,
      responses: question.answered,
      n: question.answered,
      shares: splitOf(choices, values, multi),
      counts: choices.map((choice) => choice.count),
    },
  ];
  if (question.weighted?.choices) {
    const weighted: ChoiceCount[] = question.weighted.choices.map((share) => ({
      value: share.value,
      label: share.value,
      count: 0,
      share: share.share,
    }));
    lines.push({
      key: '#weighted',
      label: 'Weighted by network',
      total: true,
      suppressed: false,
      responses: question.answered,
      n: null,
      shares: multi
        ? // Weighted shares of respondents, rescaled to the shares of all ticks like the other bars.
          (() => {
            const total = weighted.reduce((sum, share) => sum + (share.share ?? 0), 0);
            return values.map((value) =>
              total === 0 ? null : (weighted.find((share) => share.value === value)?.share ?? 0) / total,
            );
          })()
        : splitOf(weighted, values, false),
      counts: values.map(() => null),
    });
  }
  for (const [key, figures] of groups) {
    lines.push({
      key,
      label: labelOf(key),
      total: false,
      suppressed: figures.suppressed,
      responses: figures.responses,
      // A suppressed group carries no figures at all, not even its size.
      n: figures.suppressed ? null : (figures.answered ?? figures.responses),
      shares: figures.suppressed ? [] : splitOf(figures.choices, values, multi),
      counts: values.map((value) => figures.choices?.find((choice) => choice.value === value)?.count ?? null),
    });
  }

  const rows: StackRow[] = lines.map((line) => {
    const row: StackRow = { key: line.key, label: line.label };
    line.shares.forEach((share, index) => {
      if (share !== null && share > 0) row[`c${index}`] = share * 100;
    });
    return row;
  });
  const lineOf = new Map(lines.map((line) => [line.key, line]));
  const summary =
    `Stacked bar chart: share of ${multi ? 'choices ticked' : 'answers'} per choice, for all responses and per group. ` +
    lines
      .map((line) =>
        line.suppressed
          ? `${line.label}: fewer than the minimum responses, not shown`
          : `${line.label}${line.n === null ? '' : ` (n = ${line.n})`}: ` +
            choices.map((choice, index) => `${choice.label} ${percent(line.shares[index])}`).join(', '),
      )
      .join('; ') +
    '.';

  return (
    <div className="analysis-stack" style={{ width: CHART_WIDTH }}>
      <ul className="analysis-legend-list" aria-label="Legend">
        {choices.map((choice, index) => (
          <li key={choice.value} className="analysis-legend">
            <span className="analysis-legend__swatch" style={{ background: colours[index] }} aria-hidden="true" />
            {choice.label}
          </li>
        ))}
      </ul>
      <div className="analysis-stack__body" style={{ paddingBottom: AXIS_HEIGHT }}>
        <table className="analysis-stack__table">
          <colgroup>
            <col style={{ width: LABEL_WIDTH }} />
            <col />
            <col style={{ width: COUNT_WIDTH }} />
          </colgroup>
          <tbody>
            {lines.map((line) => (
              <tr
                key={line.key}
                className={line.total ? 'analysis-stack__total' : undefined}
                style={{ height: BAND_HEIGHT }}
              >
                {line.total ? (
                  <td className="analysis-stack__label">{line.label}</td>
                ) : (
                  <th scope="row" className="analysis-stack__label">
                    {line.label}
                  </th>
                )}
                <td className="analysis-stack__bar">
                  {line.suppressed && (
                    <span className="analysis-suppressed">Fewer than the minimum responses: not shown</span>
                  )}
                </td>
                <td className="analysis-stack__n">{line.n === null ? '' : `n = ${line.n}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div
          className="analysis-stack__chart"
          role="img"
          aria-label={summary}
          style={{ left: LABEL_WIDTH, right: COUNT_WIDTH, height: lines.length * BAND_HEIGHT + AXIS_HEIGHT }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 0, right: 14, bottom: 0, left: 14 }}
              barCategoryGap={7}
              accessibilityLayer={false}
            >
              <XAxis
                type="number"
                domain={[0, 100]}
                ticks={[0, 25, 50, 75, 100]}
                tickFormatter={(value: number) => `${value} %`}
                tick={AXIS_TICK}
                height={AXIS_HEIGHT}
                label={{
                  value: multi ? 'Share of choices ticked' : 'Share of answers',
                  position: 'insideBottom',
                  offset: 2,
                  ...AXIS_LABEL,
                }}
              />
              <YAxis type="category" dataKey="key" hide />
              <Tooltip
                cursor={{ fill: 'rgba(31, 90, 166, 0.06)' }}
                labelFormatter={(key) => (typeof key === 'string' ? (lineOf.get(key)?.label ?? key) : '')}
                formatter={(value, name, item) => {
                  const line = lineOf.get((item.payload as StackRow).key);
                  const index = Number(String(item.dataKey).slice(1));
                  const count = line?.counts[index];
                  const share = percent(typeof value === 'number' ? value / 100 : null);
                  return [count === null || count === undefined ? share : `${count} · ${share}`, name];
                }}
              />
              {choices.map((choice, index) => (
                <Bar
                  key={choice.value}
                  dataKey={`c${index}`}
                  name={choice.label}
                  stackId="shares"
                  fill={colours[index]}
                  stroke="#ffffff"
                  strokeWidth={1}
                  isAnimationActive={false}
                >
                  <LabelList
                    dataKey={`c${index}`}
                    position="center"
                    style={{ fontSize: 11, fill: textColourOn(colours[index] ?? '#000000') }}
                    formatter={(value) => (typeof value === 'number' && value >= 8 ? wholePercent(value) : '')}
                  />
                </Bar>
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
}

import { Bar, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

import type { QuestionTally } from '@concord/shared';

import {
  AXIS_LABEL,
  AXIS_TICK,
  BAND_HEIGHT,
  CHART_WIDTH,
  choiceColours,
  percent,
  percentTick,
  textColourOn,
  TOOLTIP_CURSOR,
  wholePercent,
} from './chart-theme';
import { BarChartBox } from './bar-chart-box';
import { type StackRow, stackLines, stackRows, stackSummary } from './chart-data';

/** Widths of the columns beside the bars; the bars take the rest of the chart's width. */
const LABEL_WIDTH = 190;
const COUNT_WIDTH = 64;
const AXIS_HEIGHT = 40;

/**
 * One horizontal bar per group (e.g. per network), stacked by choice. The group names and sizes are a table
 * whose rows line up with the bars, so the figures stay readable as text and suppressed groups say so in
 * their bar's place.
 */
export function GroupedStackChart({ question, labels }: { question: QuestionTally; labels: Record<string, string> }) {
  const multi = question.kind === 'multi';
  const choices = question.choices ?? [];
  const colours = choiceColours(choices.length, question.kind === 'numeric');
  const lines = stackLines(question, labels);
  const rows = stackRows(lines);
  const lineOf = new Map(lines.map((line) => [line.key, line]));
  const summary = stackSummary(lines, question);

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
          <BarChartBox
            data={rows}
            layout="vertical"
            margin={{ top: 0, right: 14, bottom: 0, left: 14 }}
            barCategoryGap={7}
          >
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={percentTick}
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
              cursor={TOOLTIP_CURSOR}
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
          </BarChartBox>
        </div>
      </div>
    </div>
  );
}

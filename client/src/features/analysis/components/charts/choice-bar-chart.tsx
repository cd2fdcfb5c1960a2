import { Bar, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import type { QuestionTally } from '@concord/shared';

import {
  AXIS_LABEL,
  AXIS_TICK,
  BAND_HEIGHT,
  CHART_WIDTH,
  percent,
  percentAxis,
  percentTick,
  LEGEND_STYLE,
  POOLED_COLOUR,
  TOOLTIP_CURSOR,
  VALUE_LABEL,
  WEIGHTED_SHARE_BAR,
} from './chart-theme';
import { BarChartBox } from './bar-chart-box';
import { type ShareRow, shareRows, shareRowsText } from './chart-data';

const AXIS_HEIGHT = 44;
const LEGEND_HEIGHT = 28;

/** What the share is a share of: answers for single choice, respondents for multiple choice. */
export function shareBase(question: QuestionTally): string {
  // Theme tallies count coded answers: an answer may hold several themes.
  if (question.type === 'themes') return 'coded answers';
  return question.kind === 'multi' ? 'respondents who answered' : 'answers';
}

/** Horizontal bars, one per choice: pooled shares, and the network-weighted shares beside them when asked for. */
export function ChoiceBarChart({ question }: { question: QuestionTally }) {
  const weighted = question.weighted?.choices;
  const rows = shareRows(question);
  const bands = weighted ? BAND_HEIGHT + 12 : BAND_HEIGHT;
  const height = rows.length * bands + AXIS_HEIGHT + (weighted ? LEGEND_HEIGHT : 0);
  const summary =
    `Bar chart: share of ${shareBase(question)} per choice${weighted ? ', pooled and weighted by network' : ''}. ` +
    shareRowsText(rows, weighted !== undefined) +
    '.';
  const axis = percentAxis(rows.flatMap((row) => [row.pooled, row.weighted]));

  return (
    <div className="analysis-chart" role="img" aria-label={summary} style={{ width: CHART_WIDTH, height }}>
      <BarChartBox
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 96, bottom: 4, left: 8 }}
        barGap={2}
        barCategoryGap={weighted ? 6 : 7}
      >
        <CartesianGrid horizontal={false} stroke="#e5e7eb" />
        <XAxis
          type="number"
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={percentTick}
          tick={AXIS_TICK}
          height={AXIS_HEIGHT}
          label={{ value: `Share of ${shareBase(question)}`, position: 'insideBottom', offset: 4, ...AXIS_LABEL }}
        />
        <YAxis type="category" dataKey="label" width={200} tick={AXIS_TICK} interval={0} />
        <Tooltip
          cursor={TOOLTIP_CURSOR}
          formatter={(value, name) => [percent(typeof value === 'number' ? value / 100 : null), name]}
        />
        {weighted && (
          <Legend verticalAlign="top" height={LEGEND_HEIGHT} iconType="square" wrapperStyle={LEGEND_STYLE} />
        )}
        <Bar dataKey="pooled" name="Pooled" fill={POOLED_COLOUR} isAnimationActive={false} radius={[0, 3, 3, 0]}>
          <LabelList
            position="right"
            style={VALUE_LABEL}
            valueAccessor={(entry: { payload?: ShareRow }) =>
              entry.payload ? `${entry.payload.count} · ${percent((entry.payload.pooled ?? 0) / 100)}` : ''
            }
          />
        </Bar>
        {weighted && (
          <Bar {...WEIGHTED_SHARE_BAR} radius={[0, 3, 3, 0]}>
            <LabelList
              position="right"
              style={VALUE_LABEL}
              valueAccessor={(entry: { payload?: ShareRow }) =>
                entry.payload ? percent((entry.payload.weighted ?? 0) / 100) : ''
              }
            />
          </Bar>
        )}
      </BarChartBox>
    </div>
  );
}

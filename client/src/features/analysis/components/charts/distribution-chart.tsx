import { Bar, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import type { QuestionTally } from '@concord/shared';

import {
  AXIS_LABEL,
  AXIS_TICK,
  CHART_WIDTH,
  percent,
  decimal,
  percentAxis,
  percentTick,
  LEGEND_STYLE,
  POOLED_COLOUR,
  TOOLTIP_CURSOR,
  VALUE_LABEL,
  WEIGHTED_SHARE_BAR,
  wholePercentLabel,
} from './chart-theme';
import { BarChartBox } from './bar-chart-box';
import { type ShareRow, shareRows, shareRowsText } from './chart-data';

/** Past this many distinct values, labels on every column would overlap: the axis and tooltip carry them. */
const MAX_LABELLED_COLUMNS = 12;

/** Columns over the answer scale (ratings, numbers): how answers spread, pooled and weighted by network. */
export function DistributionChart({ question }: { question: QuestionTally }) {
  const weighted = question.weighted?.choices;
  const rows = shareRows(question);
  const labelled = rows.length <= MAX_LABELLED_COLUMNS;
  const axis = percentAxis(rows.flatMap((row) => [row.pooled, row.weighted]));
  const scale = question.type === 'rating' ? 'Rating' : 'Answer';
  const summary =
    `Column chart: distribution of ${question.answered} answers` +
    (question.mean === undefined ? '' : `, mean ${decimal(question.mean)}, median ${decimal(question.median)}`) +
    (question.weighted?.mean === undefined ? '' : `, weighted mean ${decimal(question.weighted.mean)}`) +
    '. ' +
    shareRowsText(rows, weighted !== undefined, `${scale} `) +
    '.';

  return (
    <div className="analysis-chart" role="img" aria-label={summary} style={{ width: CHART_WIDTH, height: 260 }}>
      <BarChartBox
        data={rows}
        margin={{ top: 20, right: 8, bottom: 4, left: 4 }}
        barGap={1}
        barCategoryGap={rows.length > 20 ? 1 : '18%'}
      >
        <CartesianGrid vertical={false} stroke="#e5e7eb" />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          interval="preserveStartEnd"
          height={40}
          label={{ value: scale, position: 'insideBottom', offset: 2, ...AXIS_LABEL }}
        />
        <YAxis
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={percentTick}
          tick={AXIS_TICK}
          width={64}
          label={{ value: 'Share of answers', angle: -90, position: 'insideLeft', offset: 4, ...AXIS_LABEL }}
        />
        <Tooltip
          cursor={TOOLTIP_CURSOR}
          labelFormatter={(label) => (typeof label === 'string' ? `${scale} ${label}` : scale)}
          formatter={(value, name, item) => {
            const share = percent(typeof value === 'number' ? value / 100 : null);
            return [item.dataKey === 'pooled' ? `${(item.payload as ShareRow).count} · ${share}` : share, name];
          }}
        />
        {weighted && <Legend verticalAlign="top" height={28} iconType="square" wrapperStyle={LEGEND_STYLE} />}
        <Bar dataKey="pooled" name="Pooled" fill={POOLED_COLOUR} isAnimationActive={false} radius={[3, 3, 0, 0]}>
          {labelled && <LabelList position="top" style={VALUE_LABEL} formatter={wholePercentLabel} />}
        </Bar>
        {weighted && (
          <Bar {...WEIGHTED_SHARE_BAR} radius={[3, 3, 0, 0]}>
            {labelled && <LabelList position="top" style={VALUE_LABEL} formatter={wholePercentLabel} />}
          </Bar>
        )}
      </BarChartBox>
    </div>
  );
}

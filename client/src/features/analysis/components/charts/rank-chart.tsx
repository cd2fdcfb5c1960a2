import { Bar, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import type { QuestionTally } from '@concord/shared';

import {
  AXIS_LABEL,
  AXIS_TICK,
  BAND_HEIGHT,
  decimal,
  CHART_WIDTH,
  LEGEND_STYLE,
  POOLED_COLOUR,
  TOOLTIP_CURSOR,
  VALUE_LABEL,
  WEIGHTED_COLOUR,
} from './chart-theme';
import { BarChartBox } from './bar-chart-box';
import { rankRows } from './chart-data';

/** Two decimals are enough to tell items apart on the chart; the table gives the exact figure. */
const rankLabel = (value: unknown) => (typeof value === 'number' ? value.toFixed(2) : '');

const AXIS_HEIGHT = 44;
const LEGEND_HEIGHT = 28;
const ITEM_LABEL_WIDTH = 190;
/** The first-place panel's share of the chart's width; the mean-rank panel, with the item names, takes the rest. */
const FIRST_PLACE_WIDTH = 170;

/**
 * Two aligned panels over the items, best mean rank first: the mean rank (1 = always ranked first; shorter is
 * better), pooled and weighted by network, and how many respondents put each item first.
 */
export function RankChart({ question }: { question: QuestionTally }) {
  const weighted = question.weighted?.items;
  const items = question.items ?? [];
  const rows = rankRows(question);
  const bands = weighted ? BAND_HEIGHT + 12 : BAND_HEIGHT;
  const height = rows.length * bands + AXIS_HEIGHT + LEGEND_HEIGHT;
  const summary =
    `Rank chart of ${items.length} items, best mean rank first (1 = ranked first). ` +
    rows
      .map(
        (row) =>
          `${row.label}: mean rank ${decimal(row.meanRank)}` +
          `${weighted ? `, weighted ${row.weightedRank ?? '–'}` : ''}, ranked first by ${row.firstPlace} of ${row.n}`,
      )
      .join('; ') +
    '.';
  const common = {
    data: rows,
    layout: 'vertical' as const,
    barGap: 2,
    barCategoryGap: weighted ? 6 : 7,
  };
  const tooltip = <Tooltip cursor={TOOLTIP_CURSOR} />;

  return (
    <div
      className="analysis-chart analysis-rank"
      role="img"
      aria-label={summary}
      style={{ width: CHART_WIDTH, height }}
    >
      <div className="analysis-rank__panel" style={{ width: CHART_WIDTH - FIRST_PLACE_WIDTH }}>
        <BarChartBox {...common} margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis
            type="number"
            domain={[0, Math.max(1, items.length)]}
            allowDecimals={false}
            tick={AXIS_TICK}
            height={AXIS_HEIGHT}
            label={{ value: 'Mean rank (1 = first)', position: 'insideBottom', offset: 4, ...AXIS_LABEL }}
          />
          <YAxis type="category" dataKey="label" width={ITEM_LABEL_WIDTH} tick={AXIS_TICK} interval={0} />
          {tooltip}
          <Legend verticalAlign="top" height={LEGEND_HEIGHT} iconType="square" wrapperStyle={LEGEND_STYLE} />
          <Bar dataKey="meanRank" name="Mean rank" fill={POOLED_COLOUR} isAnimationActive={false}>
            <LabelList position="right" style={VALUE_LABEL} formatter={rankLabel} />
          </Bar>
          {weighted && (
            <Bar dataKey="weightedRank" name="Weighted by network" fill={WEIGHTED_COLOUR} isAnimationActive={false}>
              <LabelList position="right" style={VALUE_LABEL} formatter={rankLabel} />
            </Bar>
          )}
        </BarChartBox>
      </div>
      <div className="analysis-rank__panel" style={{ width: FIRST_PLACE_WIDTH }}>
        <BarChartBox {...common} margin={{ top: 4, right: 36, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={AXIS_TICK}
            height={AXIS_HEIGHT}
            label={{ value: 'Ranked first', position: 'insideBottom', offset: 4, ...AXIS_LABEL }}
          />
          <YAxis type="category" dataKey="label" hide />
          {tooltip}
          <Legend verticalAlign="top" height={LEGEND_HEIGHT} iconType="square" wrapperStyle={LEGEND_STYLE} />
          <Bar dataKey="firstPlace" name="Ranked first" fill="#059669" isAnimationActive={false}>
            <LabelList position="right" style={VALUE_LABEL} />
          </Bar>
        </BarChartBox>
      </div>
    </div>
  );
}

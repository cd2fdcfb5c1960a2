import type { MatrixCell, QuestionTally } from '@concord/shared';

import { TableHead } from '@/components/table-head';

import { decimal, percent } from './charts/chart-theme';
import { ChoiceBarChart } from './charts/choice-bar-chart';
import { DistributionChart } from './charts/distribution-chart';
import { GroupedStackChart } from './charts/grouped-stack-chart';
import { RankChart } from './charts/rank-chart';

/** Shade of a heat-map cell: the share of the row's answers, from pale to the primary blue. */
function heatColour(share: number): string {
  return `rgba(31, 90, 166, ${(0.06 + share * 0.84).toFixed(3)})`;
}

/** A heat map: rows × columns, shaded by the share of the row's answers (charting libraries offer none). */
function MatrixHeatMap({ rows }: { rows: MatrixCell[] }) {
  const columns = rows[0]?.choices?.map((choice) => ({ value: choice.value, label: choice.label })) ?? [];
  return (
    <figure className="analysis-heat-figure">
      <table className="analysis-heat">
        <caption>Answers per row: count and share of the row; darker cells hold a larger share</caption>
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th key={column.value} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">n</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <th scope="row">{row.rowLabel}</th>
              {columns.map((column) => {
                const choice = row.choices?.find((c) => c.value === column.value);
                const share = choice?.share ?? 0;
                return (
                  <td
                    key={column.value}
                    className="analysis-heat__cell"
                    style={{ backgroundColor: heatColour(share), color: share > 0.45 ? '#fff' : undefined }}
                  >
                    <span className="analysis-heat__count">{choice?.count ?? 0}</span>{' '}
                    <small>{percent(choice?.share)}</small>
                  </td>
                );
              })}
              <td className="analysis-heat__n">{row.answered}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="analysis-heat__scale" aria-hidden="true">
        0 %
        <span
          className="analysis-heat__ramp"
          style={{ background: `linear-gradient(to right, ${heatColour(0)}, ${heatColour(1)})` }}
        />
        100 % of the row
      </figcaption>
    </figure>
  );
}

function CellTable({ rows }: { rows: MatrixCell[] }) {
  return (
    <table className="analysis-table">
      <TableHead columns={['Row', 'Column', 'n', 'Figures']} />
      <tbody>
        {rows.map((cell) => (
          <tr key={`${cell.row}/${cell.column ?? ''}`}>
            <td>{cell.rowLabel || 'all rows'}</td>
            <td>{cell.columnLabel}</td>
            <td>{cell.answered}</td>
            <td>
              {cell.mean !== undefined && (
                <>
                  mean {decimal(cell.mean)} · median {decimal(cell.median)}{' '}
                </>
              )}
              {cell.mean === undefined && cell.choices?.map((choice) => `${choice.label}: ${choice.count}`).join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The chart that suits the question's kind, with its key figures as text beside it. */
export function QuestionChart({
  question,
  groupLabels,
}: {
  question: QuestionTally;
  groupLabels: Record<string, string>;
}) {
  if (question.suppressed) return <p className="analysis-suppressed">Too few responses match: nothing is shown.</p>;
  switch (question.kind) {
    case 'choice':
    case 'multi':
    case 'numeric':
      return (
        <>
          {question.mean !== undefined && (
            <p className="analysis-stats">
              mean {decimal(question.mean)} · median {decimal(question.median)} · min {decimal(question.min)} · max{' '}
              {decimal(question.max)}
              {question.weighted?.mean !== undefined && <> · weighted mean {decimal(question.weighted.mean)}</>}
            </p>
          )}
          {question.groups ? (
            <GroupedStackChart question={question} labels={groupLabels} />
          ) : question.kind === 'numeric' ? (
            <DistributionChart question={question} />
          ) : (
            <ChoiceBarChart question={question} />
          )}
        </>
      );
    case 'ranking':
      return <RankChart question={question} />;
    case 'matrix':
      return <MatrixHeatMap rows={question.rows ?? []} />;
    case 'matrixcells':
      return <CellTable rows={question.rows ?? []} />;
    case 'text':
      return null;
  }
}

import type { ChoiceCount, GroupFigures, MatrixCell, QuestionTally, RankItem } from '@concord/shared';

function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)} %`;
}

/** Horizontal bars, one per choice; `weighted` draws the network-weighted share as a marker. */
function ChoiceBars({ choices, weighted }: { choices: ChoiceCount[]; weighted?: Map<string, number | null> }) {
  return (
    <ul className="analysis-bars">
      {choices.map((choice) => (
        <li key={choice.value} className="analysis-bars__row">
          <span className="analysis-bars__label">{choice.label}</span>
          <span className="analysis-bars__track" aria-hidden="true">
            <span className="analysis-bars__fill" style={{ width: `${(choice.share ?? 0) * 100}%` }} />
            {weighted?.has(choice.value) && (
              <span className="analysis-bars__marker" style={{ left: `${(weighted.get(choice.value) ?? 0) * 100}%` }} />
            )}
          </span>
          <span className="analysis-bars__figure">
            {choice.count} · {percent(choice.share)}
            {weighted?.has(choice.value) && <> · weighted {percent(weighted.get(choice.value))}</>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One stacked bar per group (e.g. per network): each segment is a choice's share in that group. */
function GroupedBars({ question, labels }: { question: QuestionTally; labels: Record<string, string> }) {
  const labelOf = (key: string) => labels[key] ?? (key === '' ? 'Not given' : key);
  // By name: the server keys network groups by id, an order that means nothing to a reader.
  const groups = Object.entries(question.groups ?? {}).sort(([a], [b]) => labelOf(a).localeCompare(labelOf(b)));
  const values = question.choices?.map((choice) => choice.value) ?? [];
  return (
    <table className="analysis-stack">
      <tbody>
        {groups.map(([key, figures]: [string, GroupFigures]) => (
          <tr key={key}>
            <th scope="row">{labelOf(key)}</th>
            <td>
              {figures.suppressed ? (
                <span className="analysis-suppressed">
                  Fewer than the minimum responses ({figures.responses}): not shown
                </span>
              ) : (
                <span className="analysis-stack__bar">
                  {values.map((value, index) => {
                    const choice = figures.choices?.find((c) => c.value === value);
                    const share = choice?.share ?? 0;
                    return share > 0 ? (
                      <span
                        key={value}
                        className={`analysis-stack__segment analysis-colour-${index % 8}`}
                        style={{ width: `${share * 100}%` }}
                        title={`${choice?.label ?? value}: ${choice?.count ?? 0} (${percent(share)})`}
                      />
                    ) : null;
                  })}
                </span>
              )}
            </td>
            <td className="analysis-stack__n">n = {figures.answered ?? figures.responses}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>
            {question.choices?.map((choice, index) => (
              <span key={choice.value} className="analysis-legend">
                <span className={`analysis-legend__swatch analysis-colour-${index % 8}`} aria-hidden="true" />{' '}
                {choice.label}
              </span>
            ))}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function RankChart({ items, weighted }: { items: RankItem[]; weighted?: Map<string, number | null> }) {
  const max = Math.max(1, items.length);
  const sorted = [...items].sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity));
  return (
    <ul className="analysis-bars">
      {sorted.map((item) => (
        <li key={item.value} className="analysis-bars__row">
          <span className="analysis-bars__label">{item.label}</span>
          <span className="analysis-bars__track" aria-hidden="true">
            <span
              className="analysis-bars__fill"
              style={{ width: `${item.meanRank === null ? 0 : ((max - item.meanRank + 1) / max) * 100}%` }}
            />
          </span>
          <span className="analysis-bars__figure">
            mean rank {item.meanRank ?? '–'} · first {item.firstPlace} · n {item.n}
            {weighted?.has(item.value) && <> · weighted {weighted.get(item.value) ?? '–'}</>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A heat map: rows × columns, shaded by the share of the row's answers. */
function MatrixHeatMap({ rows }: { rows: MatrixCell[] }) {
  const columns = rows[0]?.choices?.map((choice) => ({ value: choice.value, label: choice.label })) ?? [];
  return (
    <table className="analysis-heat">
      <thead>
        <tr>
          <th />
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
                  style={{
                    backgroundColor: `rgba(31, 90, 166, ${0.08 + share * 0.8})`,
                    color: share > 0.5 ? '#fff' : undefined,
                  }}
                >
                  {choice?.count ?? 0} <small>{percent(choice?.share)}</small>
                </td>
              );
            })}
            <td>{row.answered}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CellTable({ rows }: { rows: MatrixCell[] }) {
  return (
    <table className="analysis-table">
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">n</th>
          <th scope="col">Figures</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((cell) => (
          <tr key={`${cell.row}/${cell.column ?? ''}`}>
            <td>{cell.rowLabel || 'all rows'}</td>
            <td>{cell.columnLabel}</td>
            <td>{cell.answered}</td>
            <td>
              {cell.mean !== undefined && (
                <>
                  mean {cell.mean ?? '–'} · median {cell.median ?? '–'}{' '}
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

/** The chart that suits the question's kind, and its numbers. */
export function QuestionChart({
  question,
  groupLabels,
}: {
  question: QuestionTally;
  groupLabels: Record<string, string>;
}) {
  const weightedChoices = question.weighted?.choices
    ? new Map(question.weighted.choices.map((c) => [c.value, c.share]))
    : undefined;
  const weightedItems = question.weighted?.items
    ? new Map(question.weighted.items.map((i) => [i.value, i.meanRank]))
    : undefined;
  if (question.suppressed) return <p className="analysis-suppressed">Too few responses match: nothing is shown.</p>;
  switch (question.kind) {
    case 'choice':
    case 'multi':
    case 'numeric':
      return (
        <>
          {question.mean !== undefined && (
            <p className="analysis-stats">
              mean {question.mean ?? '–'} · median {question.median ?? '–'} · min {question.min ?? '–'} · max{' '}
              {question.max ?? '–'}
              {question.weighted?.mean !== undefined && <> · weighted mean {question.weighted.mean ?? '–'}</>}
            </p>
          )}
          {question.groups ? (
            <GroupedBars question={question} labels={groupLabels} />
          ) : (
            <ChoiceBars choices={question.choices ?? []} weighted={weightedChoices} />
          )}
        </>
      );
    case 'ranking':
      return <RankChart items={question.items ?? []} weighted={weightedItems} />;
    case 'matrix':
      return <MatrixHeatMap rows={question.rows ?? []} />;
    case 'matrixcells':
      return <CellTable rows={question.rows ?? []} />;
    case 'text':
      return null;
  }
}

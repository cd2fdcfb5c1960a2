import type { QuestionTally } from '@concord/shared';

import { TableHead } from '@/components/table-head';

import { decimal, percent } from './charts/chart-theme';

/** Whether the question has figures that the table view can list. */
export function hasTableView(question: QuestionTally): boolean {
  return (question.choices?.length ?? 0) > 0 || (question.items?.length ?? 0) > 0;
}

/** The chart's numbers as a table: exact counts and shares, for reading, copying and screen readers. */
export function QuestionTable({ question }: { question: QuestionTally }) {
  const weightedChoices = question.weighted?.choices;
  const weightedItems = question.weighted?.items;
  if (question.items !== undefined && question.items.length > 0) {
    return (
      <table className="analysis-table">
        <TableHead
          columns={['Item', 'Mean rank', weightedItems !== undefined && 'Weighted mean rank', 'Ranked first', 'n']}
        />
        <tbody>
          {question.items.map((item) => (
            <tr key={item.value}>
              <td>{item.label}</td>
              <td>{decimal(item.meanRank)}</td>
              {weightedItems && <td>{decimal(weightedItems.find((w) => w.value === item.value)?.meanRank)}</td>}
              <td>{item.firstPlace}</td>
              <td>{item.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table className="analysis-table">
      <TableHead columns={['Choice', 'Count', 'Share', weightedChoices !== undefined && 'Weighted share']} />
      <tbody>
        {(question.choices ?? []).map((choice) => (
          <tr key={choice.value}>
            <td>{choice.label}</td>
            <td>{choice.count}</td>
            <td>{percent(choice.share)}</td>
            {weightedChoices && <td>{percent(weightedChoices.find((c) => c.value === choice.value)?.share)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

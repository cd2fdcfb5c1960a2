import type { CharterClause, ClauseDiffDto, DiffOp } from '@concord/shared';

import { DiffOpsView } from './diff-ops-view';
import { MarkdownView } from './markdown-view';

type Side = 'old' | 'new';

/** One side of word-level ops: the old side keeps deletions, the new side insertions. */
function sideOps(ops: readonly DiffOp[], side: Side): DiffOp[] {
  return ops.filter((op) => op.op !== (side === 'old' ? 'insert' : 'delete'));
}

function Cell({
  entry,
  side,
  clause,
  position,
  moved,
}: {
  entry: ClauseDiffDto;
  side: Side;
  clause: CharterClause | undefined;
  position: number;
  /** "Moved from §a to §b", on both sides of a clause that changed place. */
  moved: string | null;
}) {
  if (clause === undefined) {
    return <td className="charter-side-by-side__empty">{side === 'old' ? 'Not in this revision' : 'Removed'}</td>;
  }
  const number = (
    <>
      <span className="charter-side-by-side__position">§{position}</span>
      {moved === null ? null : <span className="badge charter-status charter-status--moved">{moved}</span>}
    </>
  );
  if (entry.status === 'modified') {
    return (
      <td>
        <h3>
          {number}{' '}
          {entry.headingOps === undefined ? clause.heading : <DiffOpsView ops={sideOps(entry.headingOps, side)} />}
        </h3>
        <p className="charter-ops">
          <DiffOpsView ops={sideOps(entry.ops ?? [], side)} />
        </p>
      </td>
    );
  }
  const Mark = entry.status === 'added' ? 'ins' : entry.status === 'removed' ? 'del' : null;
  return (
    <td>
      <h3>
        {number} {Mark === null ? clause.heading : <Mark>{clause.heading}</Mark>}
      </h3>
      {Mark === null ? (
        <MarkdownView body={clause.body} />
      ) : (
        <p className="charter-ops">
          <Mark>{clause.body}</Mark>
        </p>
      )}
    </td>
  );
}

/** Two columns, one row per clause: the older revision on the left, the newer on the right. */
export function SideBySideDiff({
  from,
  to,
  older,
  newer,
  clauses,
}: {
  from: number;
  to: number;
  older: readonly CharterClause[];
  newer: readonly CharterClause[];
  clauses: readonly ClauseDiffDto[];
}) {
  const find = (list: readonly CharterClause[], id: string) => {
    const index = list.findIndex((clause) => clause.id === id);
    return { clause: list[index], position: index + 1 };
  };
  return (
    <table
      className="charter-side-by-side"
      aria-label={`Revision ${String(from)} and revision ${String(to)} side by side`}
    >
      <thead>
        <tr>
          <th scope="col">Revision {from}</th>
          <th scope="col">Revision {to}</th>
        </tr>
      </thead>
      <tbody>
        {clauses.map((entry) => {
          const before = find(older, entry.id);
          const after = find(newer, entry.id);
          const moved =
            entry.status === 'moved' || entry.moved === true
              ? `Moved from §${String(before.position)} to §${String(after.position)}`
              : null;
          return (
            <tr
              key={`${entry.id}-${entry.status}`}
              className={`charter-side-by-side__row charter-side-by-side__row--${entry.status}`}
              data-clause={entry.id}
            >
              <Cell entry={entry} side="old" clause={before.clause} position={before.position} moved={moved} />
              <Cell entry={entry} side="new" clause={after.clause} position={after.position} moved={moved} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

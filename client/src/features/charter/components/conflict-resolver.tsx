import { useState } from 'react';

import type { CharterClause, CharterMergeConflict } from '@concord/shared';

import { asClause, type Choice, type Resolution, resolutionsFor } from '../utils/conflict-resolution';

function ClauseBox({ title, clause }: { title: string; clause: CharterClause | null }) {
  return (
    <div className="charter-conflict__side">
      <h4>{title}</h4>
      {clause === null ? (
        <p className="muted">(no clause)</p>
      ) : (
        <>
          <p>
            <strong>{clause.heading}</strong>
          </p>
          <pre className="charter-source">{clause.body}</pre>
        </>
      )}
    </div>
  );
}

interface ConflictResolverProps {
  conflicts: readonly CharterMergeConflict[];
  onResolve: (resolutions: Resolution[]) => void;
  onCancel: () => void;
  saving: boolean;
}

/** Shows base, theirs and yours for each conflicting clause and lets the author pick or rewrite. */
export function ConflictResolver({ conflicts, onResolve, onCancel, saving }: ConflictResolverProps) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [custom, setCustom] = useState<Record<string, string>>({});
  const clauseConflicts = conflicts.filter((conflict) => conflict.clauseId !== null);
  const orderConflict = conflicts.some((conflict) => conflict.clauseId === null);

  function resolve() {
    onResolve(resolutionsFor(conflicts, choices, custom));
  }

  return (
    <div className="alert alert--warning stack" role="region" aria-label="Conflicts">
      <p className="alert__message">
        <strong>Someone changed the same text since you started.</strong> Nothing was saved. Choose, for each clause,
        which text to keep; your other changes are kept as they are.
      </p>
      {orderConflict ? (
        <p>The clause order was also changed by both; the order of the latest revision is kept.</p>
      ) : null}
      {clauseConflicts.map((conflict) => {
        const clauseId = conflict.clauseId ?? '';
        const choice = choices[clauseId] ?? 'theirs';
        const yours = asClause(conflict.yours);
        return (
          <fieldset key={clauseId} className="charter-conflict">
            <legend>Clause {clauseId}</legend>
            <div className="charter-conflict__sides">
              <ClauseBox title="Before" clause={asClause(conflict.base)} />
              <ClauseBox title="Theirs (saved since)" clause={asClause(conflict.theirs)} />
              <ClauseBox title="Yours" clause={yours} />
            </div>
            {(['theirs', 'yours', 'custom'] as const).map((option) => (
              <label key={option} className="charter-conflict__choice">
                <input
                  type="radio"
                  name={`choice-${clauseId}`}
                  checked={choice === option}
                  onChange={() => setChoices({ ...choices, [clauseId]: option })}
                />{' '}
                {option === 'theirs' ? 'Keep theirs' : option === 'yours' ? 'Keep mine' : 'Write the text now'}
              </label>
            ))}
            {choice === 'custom' ? (
              <textarea
                className="charter-textarea"
                aria-label={`Text for clause ${clauseId}`}
                value={custom[clauseId] ?? yours?.body ?? ''}
                onChange={(event) => setCustom({ ...custom, [clauseId]: event.target.value })}
              />
            ) : null}
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="button button--primary" onClick={resolve} disabled={saving}>
          Save with these choices
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
          Back to editing
        </button>
      </p>
    </div>
  );
}

import { useState } from 'react';

import type { CharterMergeConflict, CharterRevisionDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { InputField } from '@/components/input-field';
import { SmallButton } from '@/components/small-button';

import { getRevision } from '../api/get-revision';
import { type ClauseDraft, useSaveRevision } from '../api/save-revision';
import { applyResolutions, conflictsOf, draftAcceptingTheirs, type Resolution } from '../utils/conflict-resolution';

import { ConflictResolver } from './conflict-resolver';
import { EvidencePicker } from './evidence-picker';
import { MarkdownView } from './markdown-view';

type DraftRow = ClauseDraft & { key: string };

let nextKey = 0;
const keyed = (clause: ClauseDraft): DraftRow => ({ ...clause, key: `row-${String(nextKey++)}` });
const plain = (rows: readonly DraftRow[]): ClauseDraft[] =>
  rows.map(({ id, heading, body }) => (id === undefined ? { heading, body } : { id, heading, body }));

interface CharterEditorProps {
  charterId: string;
  base: CharterRevisionDto;
  onSaved: (number: number) => void;
}

/** Edits a whole revision: clause Markdown, headings, order, additions and deletions, then one save. */
export function CharterEditor({ charterId, base, onSaved }: CharterEditorProps) {
  const [rows, setRows] = useState<DraftRow[]>(() => base.clauses.map(keyed));
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const [citing, setCiting] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<CharterMergeConflict[] | null>(null);
  const save = useSaveRevision(charterId);

  const update = (key: string, change: Partial<ClauseDraft>) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row === undefined) return;
    next.splice(index + by, 0, row);
    setRows(next);
  };

  async function submit() {
    try {
      const saved = await save.mutateAsync({ baseRevision: base.number, clauses: plain(rows), message });
      onSaved(saved.number);
    } catch (error) {
      setConflicts(conflictsOf(error));
    }
  }

  /** Saves the merge keeping theirs where they conflicted, then applies the author's choices on top. */
  async function resolve(resolutions: Resolution[]) {
    const draft = plain(rows);
    try {
      const merged = await save.mutateAsync({
        baseRevision: base.number,
        clauses: draftAcceptingTheirs(draft, conflicts ?? []),
        message,
      });
      const head = await getRevision(charterId, merged.number);
      const resolved = applyResolutions(head.clauses, resolutions, draft);
      const final =
        resolved === null
          ? merged
          : await save.mutateAsync({
              baseRevision: merged.number,
              clauses: resolved,
              message: `${message} (conflicts resolved)`,
            });
      onSaved(final.number);
    } catch (error) {
      setConflicts(conflictsOf(error));
    }
  }

  if (conflicts !== null) {
    return (
      <ConflictResolver
        conflicts={conflicts}
        saving={save.isPending}
        onCancel={() => setConflicts(null)}
        onResolve={(value) => void resolve(value)}
      />
    );
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="muted">
        Editing from revision {base.number}. Changes others save meanwhile are merged when you save.
      </p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="charter-edit-clause">
          <legend>{row.id ?? 'New clause'}</legend>
          <Field id={`${row.key}-heading`} label="Heading">
            <input
              id={`${row.key}-heading`}
              value={row.heading}
              required
              onChange={(event) => update(row.key, { heading: event.target.value })}
            />
          </Field>
          <Field id={`${row.key}-body`} label="Text (Markdown)">
            <textarea
              id={`${row.key}-body`}
              className="charter-textarea"
              value={row.body}
              onChange={(event) => update(row.key, { body: event.target.value })}
            />
          </Field>
          {preview === row.key ? <MarkdownView body={row.body} /> : null}
          {citing === row.key && row.id !== undefined ? (
            <EvidencePicker charterId={charterId} target={{ clauseId: row.id }} onDone={() => setCiting(null)} />
          ) : null}
          <p>
            <SmallButton onClick={() => setPreview(preview === row.key ? null : row.key)}>
              {preview === row.key ? 'Hide preview' : 'Preview'}
            </SmallButton>{' '}
            {row.id === undefined ? null : (
              <>
                <SmallButton
                  aria-expanded={citing === row.key}
                  onClick={() => setCiting(citing === row.key ? null : row.key)}
                >
                  Cite evidence
                </SmallButton>{' '}
              </>
            )}
            <SmallButton disabled={index === 0} onClick={() => move(index, -1)}>
              Move up
            </SmallButton>{' '}
            <SmallButton disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
              Move down
            </SmallButton>{' '}
            <SmallButton variant="danger" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
              Delete clause
            </SmallButton>
          </p>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows([...rows, keyed({ heading: 'New article', body: '' })])}
        >
          Add a clause
        </button>
      </p>
      <InputField
        id="charter-message"
        label="What changed and why"
        value={message}
        required
        maxLength={2000}
        onValue={setMessage}
      />
      <ErrorAlert error={conflictsOf(save.error) === null ? save.error : null} title="Could not save" />
      <p>
        <button type="submit" className="button button--primary" disabled={save.isPending || message.trim() === ''}>
          Save revision
        </button>
      </p>
    </form>
  );
}

import { type FormEvent, useState } from 'react';

import type { ThemeDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';
import { TableHead } from '@/components/table-head';

import { useThemes } from '../api/get-themes';
import { useCreateTheme, useDeleteTheme, useMergeTheme, useUpdateTheme } from '../api/theme-mutations';
import { orderThemes } from '../utils/theme-order';

import { ThemePickForm } from './theme-pick-form';

/** The name, description and parent of a theme, as the add and the edit forms both ask for them. */
function ThemeFields({
  nameLabel,
  requireName,
  name,
  description,
  parentId,
  parents,
  onName,
  onDescription,
  onParentId,
}: {
  nameLabel: string;
  requireName: boolean;
  name: string;
  description: string;
  parentId: string;
  parents: ReadonlyArray<{ id: string; name: string }>;
  onName: (value: string) => void;
  onDescription: (value: string) => void;
  onParentId: (value: string) => void;
}) {
  return (
    <>
      <label>
        {nameLabel}{' '}
        <input value={name} maxLength={120} required={requireName} onChange={(event) => onName(event.target.value)} />
      </label>
      <label>
        Description{' '}
        <input value={description} maxLength={2000} onChange={(event) => onDescription(event.target.value)} />
      </label>
      <label>
        Part of
        <select value={parentId} onChange={(event) => onParentId(event.target.value)}>
          <option value="">(top level)</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {parent.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function ThemeRow({
  theme,
  depth,
  others,
  surveyId,
  question,
  canEdit,
}: {
  theme: ThemeDto;
  depth: number;
  others: ThemeDto[];
  surveyId: string;
  question: string;
  canEdit: boolean;
}) {
  const update = useUpdateTheme(surveyId, question);
  const merge = useMergeTheme(surveyId, question);
  const remove = useDeleteTheme(surveyId, question);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(theme.name);
  const [description, setDescription] = useState(theme.description ?? '');
  const [parentId, setParentId] = useState(theme.parentId ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        themeId: theme.id,
        changes: {
          name: name.trim(),
          description: description.trim() === '' ? null : description.trim(),
          parentId: parentId === '' ? null : parentId,
        },
      },
      { onSuccess: () => setEditing(false) },
    );
  };

  return (
    <tr>
      <td style={{ paddingInlineStart: `${0.5 + depth * 1.25}rem` }}>
        {editing ? (
          <form className="coding-theme-edit" onSubmit={submit} aria-label={`Edit ${theme.name}`}>
            <ThemeFields
              nameLabel="Name"
              requireName={false}
              name={name}
              description={description}
              parentId={parentId}
              parents={others}
              onName={setName}
              onDescription={setDescription}
              onParentId={setParentId}
            />
            <button type="submit" className="button button--primary button--small" disabled={update.isPending}>
              Save
            </button>
            <SmallButton onClick={() => setEditing(false)}>Cancel</SmallButton>
            <ErrorAlert error={update.error} />
          </form>
        ) : (
          <>
            <strong>{theme.name}</strong>
            {theme.description && <div className="muted">{theme.description}</div>}
          </>
        )}
      </td>
      <td className="numeric">{theme.codedAnswers}</td>
      {canEdit && (
        <td>
          <div className="coding-theme-actions">
            {!editing && <SmallButton onClick={() => setEditing(true)}>Rename or move</SmallButton>}
            <ThemePickForm
              themes={others}
              wording={{ choice: `Merge ${theme.name} into`, empty: 'Merge into…', action: 'Merge' }}
              formLabel={`Merge ${theme.name}`}
              pending={merge.isPending}
              onPick={(intoId) => merge.mutate({ themeId: theme.id, intoId })}
            />
            {theme.codedAnswers === 0 && (
              <SmallButton variant="danger" onClick={() => remove.mutate(theme.id)} disabled={remove.isPending}>
                Delete
              </SmallButton>
            )}
          </div>
          <ErrorAlert error={merge.error ?? remove.error} />
        </td>
      )}
    </tr>
  );
}

/** The question's themes as a tree: add, rename, nest, merge (codings move) and delete unused ones. */
export function ThemeManager({
  surveyId,
  question,
  canEdit,
}: {
  surveyId: string;
  question: string;
  canEdit: boolean;
}) {
  const themes = useThemes(surveyId, question);
  const create = useCreateTheme(surveyId, question);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [parentId, setParentId] = useState('');
  const ordered = orderThemes(themes.data ?? []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        ...(description.trim() === '' ? {} : { description: description.trim() }),
        ...(parentId === '' ? {} : { parentId }),
      },
      {
        onSuccess: () => {
          setName('');
          setDescription('');
        },
      },
    );
  };

  return (
    <section className="coding-theme-manager" aria-label="Themes">
      {canEdit && (
        <form className="coding-theme-add" onSubmit={submit} aria-label="Add a theme">
          <ThemeFields
            nameLabel="Theme"
            requireName
            name={name}
            description={description}
            parentId={parentId}
            parents={ordered.map(({ theme }) => theme)}
            onName={setName}
            onDescription={setDescription}
            onParentId={setParentId}
          />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Add theme
          </button>
          <ErrorAlert error={create.error} />
        </form>
      )}
      <ErrorAlert error={themes.error} />
      {themes.isPending ? (
        <Loading label="Loading themes…" />
      ) : ordered.length === 0 ? (
        <p className="muted">This question has no themes yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <TableHead columns={['Theme', { label: 'Answers coded', numeric: true }, canEdit && 'Actions']} />
            <tbody>
              {ordered.map(({ theme, depth }) => (
                <ThemeRow
                  key={`${theme.id}-${theme.updatedAt}`}
                  theme={theme}
                  depth={depth}
                  others={ordered.map((entry) => entry.theme).filter((other) => other.id !== theme.id)}
                  surveyId={surveyId}
                  question={question}
                  canEdit={canEdit}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { type KeyboardEvent, lazy, Suspense, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';

import { analyzeTranslations, canonicalJson, type SurveyDefinition, type SurveyVersionDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';

import { usePublishSurveyVersion } from '../api/publish-survey-version';
import { useSaveSurveyVersion } from '../api/save-survey-version';
import { SurveyBuilder } from '../builder/survey-builder';
import { useBuilder } from '../builder/use-builder';
import { TranslationsTable } from '../translations/translations-table';
import { JsonTab } from './json-tab';
import { PublishConfirmation } from './publish-confirmation';

const SurveyPreview = lazy(async () => ({ default: (await import('./survey-preview')).SurveyPreview }));

const TABS = [
  ['build', 'Build'],
  ['json', 'JSON'],
  ['translations', 'Translations'],
] as const;
type Tab = (typeof TABS)[number][0];

interface VersionWorkspaceProps {
  surveyId: string;
  /** The version being edited; null for a new draft not saved yet. */
  version: SurveyVersionDto | null;
  initial: SurveyDefinition;
  previous: SurveyDefinition | undefined;
  canWrite: boolean;
  onReload: () => void;
}

/** Builder, JSON and translations of one version, with its live preview beside them. */
export function VersionWorkspace({ surveyId, version, initial, previous, canWrite, onReload }: VersionWorkspaceProps) {
  const id = useId();
  const navigate = useNavigate();
  const builder = useBuilder(initial);
  const save = useSaveSurveyVersion();
  const publish = usePublishSurveyVersion();
  const [tab, setTab] = useState<Tab>('build');
  const [changelog, setChangelog] = useState(version?.changelog ?? '');
  const [confirming, setConfirming] = useState(false);
  const editable = canWrite && (version === null || version.status === 'draft');
  const { definition, problems } = builder;
  const report = useMemo(() => analyzeTranslations(definition, previous), [definition, previous]);
  const [locale, setLocale] = useState(report.defaultLocale);
  const saved = version === null ? null : canonicalJson(version.definition);
  const dirty = saved === null || saved !== canonicalJson(definition) || changelog !== (version?.changelog ?? '');

  /** Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) undo and redo builder steps; text fields keep their own undo. */
  function onKeyDown(event: KeyboardEvent) {
    if (!editable || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]') !== null) return;
    event.preventDefault();
    if (event.shiftKey) builder.redo();
    else builder.undo();
  }

  function handleSave() {
    save.mutate(
      { surveyId, version: version?.version, definition: definition, changelog },
      {
        onSuccess: (result) => {
          if (version === null) void navigate(`/surveys/${surveyId}/versions/${String(result.version)}`);
        },
      },
    );
  }

  return (
    // The shortcuts listen where focus is inside the workspace; the buttons do the same for pointers.
    <div className="stack" onKeyDown={onKeyDown}>
      <div className="workspace__bar">
        <div className="inline-form" role="group" aria-label="History">
          {[
            { label: 'Undo', shortcut: 'Control+Z', possible: builder.canUndo, step: builder.undo },
            { label: 'Redo', shortcut: 'Control+Shift+Z', possible: builder.canRedo, step: builder.redo },
          ].map(({ label, shortcut, possible, step }) => (
            <SmallButton key={label} aria-keyshortcuts={shortcut} disabled={!editable || !possible} onClick={step}>
              {label}
            </SmallButton>
          ))}
        </div>
        <div className="workspace__tabs" role="tablist" aria-label="Views">
          {TABS.map(([key, label]) => (
            <button
              key={key}
              id={`${id}-tab-${key}`}
              type="button"
              role="tab"
              aria-selected={tab === key}
              aria-controls={`${id}-panel`}
              className={`workspace__tab${tab === key ? ' workspace__tab--current' : ''}`}
              onClick={() => setTab(key)}
            >
              {label}
            </button>
          ))}
        </div>
        <span className={problems.length === 0 ? 'badge badge--success' : 'badge badge--danger'} role="status">
          {problems.length === 0
            ? 'Definition check passed'
            : `${String(problems.length)} ${problems.length === 1 ? 'problem' : 'problems'}`}
        </span>
      </div>

      {editable ? (
        <div className="workspace__save stack">
          <div className="inline-form">
            <label htmlFor={`${id}-changelog`}>What changed</label>
            <input
              id={`${id}-changelog`}
              className="workspace__changelog"
              value={changelog}
              onChange={(event) => setChangelog(event.target.value)}
            />
            <button
              className="button button--primary"
              type="button"
              disabled={save.isPending || problems.length > 0 || !dirty}
              onClick={handleSave}
            >
              {version === null ? 'Create draft' : 'Save draft'}
            </button>
            {version !== null ? (
              <button
                className="button button--danger"
                type="button"
                disabled={publish.isPending || save.isPending || dirty}
                title={dirty ? 'Save the draft first' : undefined}
                onClick={() => setConfirming(true)}
              >
                Publish…
              </button>
            ) : null}
          </div>
          {dirty && version !== null ? <p className="field__hint">Unsaved changes.</p> : null}
          <ErrorAlert error={save.error} title="Could not save" />
          <ErrorAlert error={publish.error} title="Could not publish" />
          {save.isSuccess && !dirty ? <p className="alert alert--success">Saved.</p> : null}
          {confirming && version !== null ? (
            <PublishConfirmation
              version={version.version}
              report={report}
              pending={publish.isPending}
              onCancel={() => setConfirming(false)}
              onConfirm={() =>
                publish.mutate({ surveyId, version: version.version }, { onSuccess: () => setConfirming(false) })
              }
            />
          ) : null}
        </div>
      ) : null}

      <div className={tab === 'translations' ? 'panes survey-version survey-version--wide' : 'panes survey-version'}>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="survey-version__editor">
          {tab === 'build' ? <SurveyBuilder builder={builder} readOnly={!editable} /> : null}
          {tab === 'json' ? (
            <JsonTab definition={definition} problems={problems} readOnly={!editable} change={builder.change} />
          ) : null}
          {tab === 'translations' ? (
            <TranslationsTable
              surveyId={surveyId}
              version={version?.version ?? null}
              definition={definition}
              previous={previous}
              readOnly={!editable}
              dirty={dirty}
              change={builder.change}
              onImported={onReload}
            />
          ) : null}
        </div>
        <section className="stack survey-version__preview" aria-label="Preview">
          <div className="inline-form">
            <label htmlFor={`${id}-locale`}>Preview language</label>
            <select
              id={`${id}-locale`}
              className="select--compact"
              value={locale}
              onChange={(event) => setLocale(event.target.value)}
            >
              {report.locales.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
          <Suspense fallback={<Loading label="Loading the preview…" />}>
            <SurveyPreview definition={definition} locale={locale === report.defaultLocale ? '' : locale} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}

import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import type { DefinitionProblem, SurveyVersionDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { useSurvey } from '../api/get-survey';
import { useSurveyVersion } from '../api/get-survey-version';
import { usePublishSurveyVersion } from '../api/publish-survey-version';
import { useSaveSurveyVersion } from '../api/save-survey-version';
import { formatWithPaths } from '../utils/json-lines';
import { DefinitionEditor } from './definition-editor';
import './surveys.css';

const SurveyPreview = lazy(async () => ({ default: (await import('./survey-preview')).SurveyPreview }));

const STARTER = {
  pages: [{ name: 'page1', elements: [{ type: 'text', name: 'question1', title: 'First question' }] }],
};

function problemsOf(error: unknown): DefinitionProblem[] {
  if (!isApiError(error, 422) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter(
    (item): item is DefinitionProblem =>
      typeof item === 'object' && item !== null && 'path' in item && 'message' in item,
  );
}

function parse(text: string): { value: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { error: 'The definition must be a JSON object' };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'Not valid JSON' };
  }
}

function TranslationSummary({ version }: { version: SurveyVersionDto }) {
  const { translations } = version;
  const others = translations.locales.slice(1);
  if (others.length === 0) return <p className="muted">Only the default locale ({translations.defaultLocale}).</p>;
  return (
    <ul>
      {others.map((locale) => {
        const missing = translations.missing[locale] ?? [];
        const stale = translations.stale[locale] ?? [];
        return (
          <li key={locale}>
            <strong>{locale}</strong>: {missing.length === 0 ? 'complete' : `${String(missing.length)} strings missing`}
            {stale.length > 0 ? <span className="badge badge--danger">stale: {stale.join(', ')}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

interface EditorProps {
  surveyId: string;
  version: SurveyVersionDto | null;
  initial: Record<string, unknown>;
  canWrite: boolean;
  locales: string[];
}

function VersionEditor({ surveyId, version, initial, canWrite, locales }: EditorProps) {
  const navigate = useNavigate();
  const save = useSaveSurveyVersion();
  const publish = usePublishSurveyVersion();
  const id = useId();
  const [text, setText] = useState(() => formatWithPaths(initial).text);
  const [changelog, setChangelog] = useState(version?.changelog ?? '');
  const [locale, setLocale] = useState(locales[0] ?? 'en');
  const parsed = useMemo(() => parse(text), [text]);
  const [preview, setPreview] = useState<Record<string, unknown>>(initial);
  useEffect(() => {
    if ('value' in parsed) setPreview(parsed.value);
  }, [parsed]);
  const formatted = useMemo(() => ('value' in parsed ? formatWithPaths(parsed.value) : null), [parsed]);
  const lines = formatted !== null && formatted.text === text ? formatted.lines : null;
  const editable = canWrite && (version === null || version.status === 'draft');

  function handleSave() {
    if (!('value' in parsed)) return;
    save.mutate(
      { surveyId, version: version?.version, definition: parsed.value, changelog },
      {
        onSuccess: (result) => {
          if (version === null) void navigate(`/surveys/${surveyId}/versions/${String(result.version)}`);
        },
      },
    );
  }

  return (
    <div className="survey-version">
      <section className="stack survey-version__editor" aria-label="Definition">
        <label htmlFor={`${id}-json`}>SurveyJS definition (JSON)</label>
        <DefinitionEditor
          id={`${id}-json`}
          value={text}
          onChange={setText}
          readOnly={!editable}
          problems={problemsOf(save.error)}
          lines={lines}
        />
        {'error' in parsed ? <p className="alert alert--warning">Not valid JSON: {parsed.error}</p> : null}
        {editable ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-changelog`}>What changed</label>
              <input id={`${id}-changelog`} value={changelog} onChange={(event) => setChangelog(event.target.value)} />
            </div>
            {save.error && problemsOf(save.error).length === 0 ? <ErrorAlert error={save.error} /> : null}
            <div className="inline-form">
              {formatted !== null && lines === null ? (
                <button className="button button--secondary" type="button" onClick={() => setText(formatted.text)}>
                  Format
                </button>
              ) : null}
              <button
                className="button button--primary"
                type="button"
                disabled={save.isPending || 'error' in parsed}
                onClick={handleSave}
              >
                {version === null ? 'Create draft' : 'Save draft'}
              </button>
              {version !== null ? (
                <button
                  className="button button--danger"
                  type="button"
                  disabled={publish.isPending || save.isPending}
                  onClick={() => {
                    if (
                      window.confirm(
                        `Publish version ${String(version.version)}? It can no longer be changed afterwards.`,
                      )
                    ) {
                      publish.mutate({ surveyId, version: version.version });
                    }
                  }}
                >
                  Publish
                </button>
              ) : null}
            </div>
            <ErrorAlert error={publish.error} />
            {save.isSuccess && version !== null ? <p className="alert alert--success">Saved.</p> : null}
          </>
        ) : null}
      </section>
      <section className="stack survey-version__preview" aria-label="Preview">
        <div className="inline-form">
          <label htmlFor={`${id}-locale`}>Preview language</label>
          <select
            id={`${id}-locale`}
            className="select--compact"
            value={locale}
            onChange={(event) => setLocale(event.target.value)}
          >
            {locales.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <Suspense fallback={<Loading label="Loading the preview…" />}>
          <SurveyPreview definition={preview} locale={locale} />
        </Suspense>
      </section>
    </div>
  );
}

/** `/surveys/:surveyId/versions/:version` — one version (editable while draft), or `new` for a new draft. */
export function SurveyVersionPage() {
  const { surveyId = '', version: versionParam = '' } = useParams();
  const isNew = versionParam === 'new';
  const survey = useSurvey(surveyId);
  const latest = survey.data?.latestVersion ?? null;
  const number = isNew ? (latest ?? 0) : Number(versionParam);
  const version = useSurveyVersion(surveyId, number);
  const user = useCurrentUser();
  useDocumentTitle(
    survey.data ? `${survey.data.title} · ${isNew ? 'new version' : `version ${versionParam}`}` : 'Survey version',
  );

  if (survey.isPending || (number > 0 && version.isPending)) return <Loading />;
  if (survey.error) return <ErrorAlert error={survey.error} />;
  if (number > 0 && version.error) return <ErrorAlert error={version.error} />;
  const current = number > 0 ? (version.data ?? null) : null;
  const initial = current?.definition ?? STARTER;
  const locales = current?.translations.locales ?? ['en'];
  const canWrite = hasRole(user, ['admin', 'secretariat']);
  return (
    <>
      <p>
        <Link to={`/surveys/${surveyId}`}>← {survey.data.title}</Link>
      </p>
      <h1>
        {isNew ? 'New version' : `Version ${versionParam}`}{' '}
        {current && !isNew ? (
          <span className={current.status === 'published' ? 'badge badge--success' : 'badge badge--muted'}>
            {current.status}
          </span>
        ) : null}
      </h1>
      {isNew && current ? <p className="muted">Starting from version {current.version}.</p> : null}
      {current && !isNew ? (
        <details>
          <summary>Translations</summary>
          <TranslationSummary version={current} />
        </details>
      ) : null}
      <VersionEditor
        key={`${surveyId}/${versionParam}`}
        surveyId={surveyId}
        version={isNew ? null : current}
        initial={initial}
        canWrite={canWrite}
        locales={locales}
      />
    </>
  );
}

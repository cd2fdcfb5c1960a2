import { useState } from 'react';
import { Link, useParams } from 'react-router';

import type { SurveyDefinition } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { useSurvey } from '../api/get-survey';
import { useSurveyVersion } from '../api/get-survey-version';
import { VersionWorkspace } from './version-workspace';
import './surveys.css';

const STARTER: SurveyDefinition = {
  pages: [{ name: 'page1', elements: [{ type: 'text', name: 'question1', title: 'First question' }] }],
};

/** `/surveys/:surveyId/versions/:version` — one version (editable while draft), or `new` for a new draft. */
export function SurveyVersionPage() {
  const { surveyId = '', version: versionParam = '' } = useParams();
  const isNew = versionParam === 'new';
  const survey = useSurvey(surveyId);
  const latest = survey.data?.latestVersion ?? null;
  const number = isNew ? (latest ?? 0) : Number(versionParam);
  const version = useSurveyVersion(surveyId, number);
  // New drafts compare with the version they start from; others with the one before them.
  const previousNumber = isNew ? number : number - 1;
  const previous = useSurveyVersion(surveyId, previousNumber);
  const user = useCurrentUser();
  // Bumped after a file import changed the saved version, so the workspace starts again from it.
  const [revision, setRevision] = useState(0);
  useDocumentTitle(
    survey.data ? `${survey.data.title} · ${isNew ? 'new version' : `version ${versionParam}`}` : 'Survey version',
  );

  if (survey.isPending || (number > 0 && version.isPending) || (previousNumber > 0 && previous.isPending))
    return <Loading />;
  if (survey.error) return <ErrorAlert error={survey.error} />;
  if (number > 0 && version.error) return <ErrorAlert error={version.error} />;
  const current = number > 0 ? (version.data ?? null) : null;
  const initial = current?.definition ?? STARTER;
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
      <VersionWorkspace
        key={`${surveyId}/${versionParam}/${String(revision)}/${current?.status ?? ''}`}
        surveyId={surveyId}
        version={isNew ? null : current}
        initial={initial}
        previous={previousNumber > 0 ? previous.data?.definition : undefined}
        canWrite={canWrite}
        onReload={() => void version.refetch().then(() => setRevision((value) => value + 1))}
      />
    </>
  );
}

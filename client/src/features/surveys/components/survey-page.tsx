import { Link, useParams } from 'react-router';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { useSurvey } from '../api/get-survey';

/** One questionnaire: its version history, with links to edit, preview and compare. */
export function SurveyPage() {
  const { surveyId = '' } = useParams();
  const survey = useSurvey(surveyId);
  const user = useCurrentUser();
  useDocumentTitle(survey.data?.title ?? 'Survey');
  if (survey.isPending) return <Loading />;
  if (survey.error) return <ErrorAlert error={survey.error} />;
  const { data } = survey;
  return (
    <>
      <p>
        <Link to="/surveys">← Surveys</Link>
      </p>
      <h1>{data.title}</h1>
      <p className="muted">
        <code>{data.slug}</code> · <Link to={`/analysis/surveys/${data.id}`}>Analysis across versions</Link>
      </p>
      {hasRole(user, ['admin', 'secretariat']) ? (
        <p>
          <Link className="button button--primary" to={`/surveys/${data.id}/versions/new`}>
            New version
          </Link>
        </p>
      ) : null}
      <h2>Version history</h2>
      {data.versions.length === 0 ? <p className="muted">No versions yet.</p> : null}
      <DataTable
        label="Versions of this questionnaire"
        columns={['Version', 'Status', 'Changes', 'Published', 'Compare']}
      >
        {[...data.versions].reverse().map((version) => (
          <tr key={version.version}>
            <td className="numeric">
              <Link to={`/surveys/${data.id}/versions/${String(version.version)}`}>{version.version}</Link>
            </td>
            <td>
              <span className={version.status === 'published' ? 'badge badge--success' : 'badge badge--muted'}>
                {version.status}
              </span>
            </td>
            <td>{version.changelog || '—'}</td>
            <td className="nowrap">{version.publishedAt ? new Date(version.publishedAt).toLocaleString() : '—'}</td>
            <td>
              {version.version > 1 ? (
                <Link to={`/surveys/${data.id}/diff/${String(version.version - 1)}/${String(version.version)}`}>
                  with {version.version - 1}
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

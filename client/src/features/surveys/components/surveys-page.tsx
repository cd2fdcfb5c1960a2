import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { useCreateSurvey } from '../api/create-survey';
import { useSurveys } from '../api/get-surveys';

function CreateSurveyForm() {
  const createSurvey = useCreateSurvey();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const id = useId();

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    createSurvey.mutate(
      { slug: slug.trim(), title: title.trim() },
      {
        onSuccess: () => {
          setSlug('');
          setTitle('');
        },
      },
    );
  }

  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New questionnaire</h2>
      <form className="stack" onSubmit={handleSubmit}>
        <div className="form-grid">
          <Field id={`${id}-title`} label="Title">
            <input id={`${id}-title`} required value={title} onChange={(event) => setTitle(event.target.value)} />
          </Field>
          <Field id={`${id}-slug`} label="Slug">
            <input
              id={`${id}-slug`}
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              value={slug}
              onChange={(event) => setSlug(event.target.value)}
            />
            <span className="field__hint">Lower-case letters, digits and hyphens; it never changes.</span>
          </Field>
        </div>
        <ErrorAlert error={createSurvey.error} />
        <button className="button button--primary" type="submit" disabled={createSurvey.isPending}>
          Create
        </button>
      </form>
    </section>
  );
}

export function SurveysPage() {
  useDocumentTitle('Surveys');
  const user = useCurrentUser();
  const surveys = useSurveys();
  return (
    <>
      <h1>Surveys</h1>
      <p className="muted">
        Questionnaires and their versions. A published version is frozen; change it by adding a new one.
      </p>
      {surveys.isPending ? <Loading /> : null}
      <ErrorAlert error={surveys.error} />
      {surveys.data ? (
        <DataTable label="Questionnaires" columns={['Title', 'Slug', 'Latest version', 'Published versions']}>
          {surveys.data.map((survey) => (
            <tr key={survey.id}>
              <td>
                <Link to={`/surveys/${survey.id}`}>{survey.title}</Link>
              </td>
              <td>
                <code>{survey.slug}</code>
              </td>
              <td className="numeric">{survey.latestVersion ?? '—'}</td>
              <td>{survey.publishedVersions.length > 0 ? survey.publishedVersions.join(', ') : '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {hasRole(user, ['admin', 'secretariat']) ? <CreateSurveyForm /> : null}
    </>
  );
}

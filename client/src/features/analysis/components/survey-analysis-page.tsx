import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import type { QuestionTally } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableHead } from '@/components/table-head';

import { useSurveyTallies } from '../api/get-survey-tallies';
import { percent } from './charts/chart-theme';
import { QuestionChart } from './question-chart';
import './analysis.css';

function versionList(versions: readonly number[] | undefined): string {
  return versions === undefined || versions.length === 0 ? '–' : versions.map((v) => `v${v}`).join(', ');
}

/** One question across versions: where it was asked, how it was worded, and which version offered each choice. */
function CrossVersionQuestion({ question, allVersions }: { question: QuestionTally; allVersions: number[] }) {
  const headingId = useId();
  const missing = allVersions.filter((version) => !(question.versions ?? []).includes(version));
  return (
    <section className="analysis-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {question.title} <small className="analysis-question__name">{question.name}</small>
        {question.reworded && <span className="analysis-badge"> reworded</span>}
      </h3>
      <p className="analysis-question__counts">
        Asked in {versionList(question.versions)}
        {missing.length > 0 && <> · not in {versionList(missing)}</>} · {question.answered} answered ·{' '}
        {question.skipped} skipped
      </p>
      {question.reworded && question.titles && (
        <ul className="analysis-wordings" aria-label="Wording per version">
          {question.titles.map((entry) => (
            <li key={entry.version}>
              v{entry.version}: {entry.title}
            </li>
          ))}
        </ul>
      )}
      <QuestionChart question={question} groupLabels={{}} />
      {question.choices !== undefined && question.choices.length > 0 && !question.suppressed && (
        <table className="analysis-table">
          <caption>Choices per version</caption>
          <TableHead columns={['Choice', 'Offered in', 'Count', 'Share']} />
          <tbody>
            {question.choices.map((choice) => (
              <tr key={choice.value}>
                <th scope="row">{choice.label}</th>
                <td>{versionList(choice.versions)}</td>
                <td>{choice.count}</td>
                <td>{percent(choice.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A survey's tallies across its versions (every campaign), merged by question name. */
export function SurveyAnalysisPage() {
  const { surveyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const versions = params.get('versions') ?? '';
  const tallies = useSurveyTallies(surveyId, versions);
  const shown = tallies.data?.versions ?? [];
  return (
    <div className="analysis-page">
      <p className="no-print">
        <Link to="/analysis">← Analysis</Link> · <Link to={`/surveys/${surveyId}`}>Survey</Link>
      </p>
      <header className="analysis-page__header">
        <h1>Analysis across versions</h1>
        <label className="no-print">
          Versions{' '}
          <input
            value={versions}
            placeholder="all published"
            size={10}
            onChange={(event) =>
              setParams(event.target.value === '' ? {} : { versions: event.target.value }, { replace: true })
            }
          />
        </label>
      </header>
      <ErrorAlert error={tallies.error} />
      {tallies.isPending && <Loading label="Counting…" />}
      {tallies.data && (
        <>
          <p className="analysis-summary">
            {tallies.data.responses === null ? (
              <strong>
                Fewer than {tallies.data.minCellSize} responses across {versionList(shown)}: nothing is shown
              </strong>
            ) : (
              <>
                {tallies.data.responses} responses across {versionList(shown)} · groups under {tallies.data.minCellSize}{' '}
                responses are not shown
              </>
            )}
          </p>
          <table className="analysis-table analysis-versions">
            <caption>Questions and the versions that asked them</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                {shown.map((version) => (
                  <th scope="col" key={version}>
                    v{version}
                  </th>
                ))}
                <th scope="col">Reworded</th>
              </tr>
            </thead>
            <tbody>
              {tallies.data.questions.map((question) => (
                <tr key={question.name}>
                  <th scope="row">{question.name}</th>
                  {shown.map((version) => (
                    <td key={version}>{question.versions?.includes(version) ? 'asked' : '–'}</td>
                  ))}
                  <td>{question.reworded ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {tallies.data.questions.map((question) => (
            <CrossVersionQuestion key={question.name} question={question} allVersions={shown} />
          ))}
        </>
      )}
    </div>
  );
}

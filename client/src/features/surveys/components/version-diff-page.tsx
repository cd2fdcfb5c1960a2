import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import type { DetailedQuestionChange } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableHead } from '@/components/table-head';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { useSurvey } from '../api/get-survey';
import { useVersionDiff } from '../api/get-version-diff';
import { choiceRows, conditionRows, localesOf, wordingRows } from '../utils/diff-presentation';
import './surveys.css';

const KIND_BADGES = { added: 'badge badge--success', removed: 'badge badge--danger', changed: 'badge' } as const;
const CHANGE_LABELS = { added: 'added', removed: 'removed', relabelled: 'relabelled', unchanged: '' } as const;

function localeLabel(locale: string): string {
  return locale === 'default' ? 'source' : locale;
}

function ChoiceTable({ title, change, locale }: { title: string; change: DetailedQuestionChange; locale: string }) {
  const list = title === 'Choices' ? 'choices' : title === 'Rows' ? 'rows' : 'columns';
  const rows = choiceRows(change.before?.[list] ?? [], change.after?.[list] ?? [], locale).filter(
    (row) => change.kind !== 'changed' || row.change !== 'unchanged',
  );
  if (rows.length === 0) return null;
  return (
    <table className="data-table diff__table">
      <caption>{title}</caption>
      <TableHead columns={['Value', 'Before', 'After', 'Change']} />
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.change}:${row.value}`} className={`diff__row--${row.change}`}>
            <td>
              <code>{row.value}</code>
            </td>
            <td dir="auto">{row.before === '' ? '—' : row.before}</td>
            <td dir="auto">{row.after === '' ? '—' : row.after}</td>
            <td>{CHANGE_LABELS[row.change]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuestionChangeView({ change }: { change: DetailedQuestionChange }) {
  const id = useId();
  const locales = localesOf(change.before?.title, change.after?.title);
  const [locale, setLocale] = useState('default');
  const wording = wordingRows(change.before, change.after).filter(
    (row) => change.kind !== 'changed' || row.changed || row.locale === 'default',
  );
  const conditions = conditionRows(change.before, change.after);
  const hasItems = (['choices', 'rows', 'columns'] as const).some((list) =>
    choiceRows(change.before?.[list] ?? [], change.after?.[list] ?? [], 'default').some(
      (row) => change.kind !== 'changed' || row.change !== 'unchanged',
    ),
  );
  const where = (location: { page: string; panel?: string }) =>
    location.panel === undefined ? location.page : `${location.page} / ${location.panel}`;
  return (
    <article className="panel stack diff__question" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="diff__heading">
        <code>{change.question}</code> <span className={KIND_BADGES[change.kind]}>{change.kind}</span>
      </h2>
      {change.movedFrom !== undefined && change.movedTo !== undefined ? (
        <p>
          Moved from <strong>{where(change.movedFrom)}</strong> to <strong>{where(change.movedTo)}</strong>.
        </p>
      ) : null}
      {change.before !== undefined && change.after !== undefined && change.before.type !== change.after.type ? (
        <p>
          Type changed from <code>{change.before.type}</code> to <code>{change.after.type}</code>.
        </p>
      ) : null}
      <table className="data-table diff__table">
        <caption>Wording</caption>
        <TableHead columns={['Language', 'Before', 'After']} />
        <tbody>
          {wording.map((row) => (
            <tr key={`${row.field}:${row.locale}`} className={row.changed ? 'diff__row--relabelled' : undefined}>
              <th scope="row">
                {localeLabel(row.locale)}
                {row.field === 'description' ? ' (description)' : ''}
              </th>
              <td dir="auto" lang={row.locale === 'default' ? undefined : row.locale}>
                {row.before === '' ? '—' : row.before}
              </td>
              <td dir="auto" lang={row.locale === 'default' ? undefined : row.locale}>
                {row.after === '' ? '—' : row.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {change.staleTranslations !== undefined ? (
        <p className="alert alert--warning">
          Translations left as they were although the source changed: {change.staleTranslations.join(', ')}
        </p>
      ) : null}
      {locales.length > 1 && hasItems ? (
        <div className="inline-form">
          <label htmlFor={`${id}-locale`}>Choice labels in</label>
          <select
            id={`${id}-locale`}
            className="select--compact"
            value={locale}
            onChange={(event) => setLocale(event.target.value)}
          >
            {locales.map((code) => (
              <option key={code} value={code}>
                {localeLabel(code)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ChoiceTable title="Choices" change={change} locale={locale} />
      <ChoiceTable title="Rows" change={change} locale={locale} />
      <ChoiceTable title="Columns" change={change} locale={locale} />
      {conditions.length > 0 ? (
        <table className="data-table diff__table">
          <caption>Conditions</caption>
          <TableHead columns={['Property', 'Before', 'After']} />
          <tbody>
            {conditions.map((row) => (
              <tr key={row.property}>
                <th scope="row">{row.property}</th>
                <td>{row.before === '' ? '—' : <code>{row.before}</code>}</td>
                <td>{row.after === '' ? '—' : <code>{row.after}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {change.fields !== undefined && change.fields.length > 0 ? (
        <p className="muted">Changed properties: {change.fields.join(', ')}</p>
      ) : null}
    </article>
  );
}

/** `/surveys/:surveyId/diff/:from/:to` — what changed between any two versions, question by question. */
export function VersionDiffPage() {
  const { surveyId = '', from = '', to = '' } = useParams();
  const navigate = useNavigate();
  const id = useId();
  const survey = useSurvey(surveyId);
  const diff = useVersionDiff(surveyId, Number(from), Number(to));
  useDocumentTitle(`Versions ${from} → ${to}`);
  const versions = (survey.data?.versions ?? []).map((version) => version.version);
  const choose = (nextFrom: string, nextTo: string) => void navigate(`/surveys/${surveyId}/diff/${nextFrom}/${nextTo}`);
  return (
    <div className="stack">
      <p>
        <Link to={`/surveys/${surveyId}`}>← Version history</Link>
      </p>
      <h1>
        Version {from} → {to}
      </h1>
      {versions.length > 0 ? (
        <div className="inline-form" role="group" aria-label="Versions to compare">
          <label htmlFor={`${id}-from`}>Compare version</label>
          <select
            id={`${id}-from`}
            className="select--compact"
            value={from}
            onChange={(event) => choose(event.target.value, to)}
          >
            {versions.map((version) => (
              <option key={version} value={String(version)}>
                {version}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-to`}>with version</label>
          <select
            id={`${id}-to`}
            className="select--compact"
            value={to}
            onChange={(event) => choose(from, event.target.value)}
          >
            {versions.map((version) => (
              <option key={version} value={String(version)}>
                {version}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {diff.isPending ? <Loading /> : null}
      <ErrorAlert error={diff.error} />
      {diff.data && diff.data.changes.length === 0 ? <p>No question changed.</p> : null}
      {diff.data && diff.data.changes.length > 0 ? (
        <section className="stack" aria-label="Changed questions">
          <p className="muted">
            {diff.data.changes.length} {diff.data.changes.length === 1 ? 'question' : 'questions'} changed.
          </p>
          {diff.data.changes.map((change) => (
            <QuestionChangeView key={`${change.kind}:${change.question}`} change={change} />
          ))}
        </section>
      ) : null}
    </div>
  );
}

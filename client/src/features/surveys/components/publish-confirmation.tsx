import type { TranslationReport } from '@concord/shared';

import { TableHead } from '@/components/table-head';

interface PublishConfirmationProps {
  version: number;
  report: TranslationReport;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Before a version is frozen: what is still missing or stale in each language, and a last chance to stop. */
export function PublishConfirmation({ version, report, pending, onConfirm, onCancel }: PublishConfirmationProps) {
  const locales = report.locales.slice(1);
  const incomplete = locales.some(
    (locale) => (report.missing[locale] ?? []).length > 0 || (report.stale[locale] ?? []).length > 0,
  );
  return (
    <section
      className={`panel stack publish-confirmation${incomplete ? ' publish-confirmation--warning' : ''}`}
      role="alertdialog"
      aria-labelledby="publish-confirmation-title"
      aria-describedby="publish-confirmation-text"
    >
      <h2 id="publish-confirmation-title">Publish version {version}?</h2>
      <p id="publish-confirmation-text">
        A published version can no longer be changed.{' '}
        {incomplete
          ? 'Some translations are not finished: respondents in those languages will see the source text instead.'
          : 'Every language is fully translated.'}
      </p>
      {locales.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Translations by language</caption>
          <TableHead columns={['Language', { label: 'Missing', numeric: true }, { label: 'Stale', numeric: true }]} />
          <tbody>
            {locales.map((locale) => (
              <tr key={locale}>
                <th scope="row">{locale}</th>
                <td className="numeric">{(report.missing[locale] ?? []).length}</td>
                <td className="numeric">{(report.stale[locale] ?? []).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">The questionnaire has no translations.</p>
      )}
      <div className="inline-form">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {incomplete ? 'Publish anyway' : 'Publish'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

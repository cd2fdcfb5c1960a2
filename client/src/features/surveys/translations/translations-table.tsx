import { useId, useState } from 'react';

import {
  analyzeTranslations,
  MEMBER_LANGUAGES,
  setTranslation,
  sortForTranslators,
  type SurveyDefinition,
  translationRows,
} from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { DataTable } from '@/components/data-table';

import { translationFileUrl, useImportTranslations } from '../api/translation-files';

interface TranslationsTableProps {
  surveyId: string;
  /** The saved version, for file export and import; null before the first save. */
  version: number | null;
  definition: SurveyDefinition;
  previous: SurveyDefinition | undefined;
  readOnly: boolean;
  /** Whether the working copy differs from the saved version (files come from and go to the saved one). */
  dirty: boolean;
  change: (next: SurveyDefinition, coalesce?: string) => void;
  /** After an import changed the saved version. */
  onImported: () => void;
}

const STATUS_LABELS = { missing: 'missing', stale: 'stale', done: 'translated' } as const;

/** One locale at a time: the source beside its translation, missing and stale strings first, edited in place. */
export function TranslationsTable({
  surveyId,
  version,
  definition,
  previous,
  readOnly,
  dirty,
  change,
  onImported,
}: TranslationsTableProps) {
  const id = useId();
  const report = analyzeTranslations(definition, previous);
  const targets = [...new Set([...report.locales.slice(1), ...MEMBER_LANGUAGES])].filter(
    (locale) => locale !== report.defaultLocale,
  );
  const [locale, setLocale] = useState(targets[0] ?? 'fr');
  const [order, setOrder] = useState<string[] | null>(null);
  const importer = useImportTranslations();
  const rows = translationRows(definition, locale, previous);
  // Rows keep their place while being edited; the order is worked out again when the locale changes.
  const sorted = sortForTranslators(rows);
  const keys = order ?? sorted.map((row) => row.key);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const shown = [...keys.flatMap((key) => byKey.get(key) ?? []), ...rows.filter((row) => !keys.includes(row.key))];
  const missing = rows.filter((row) => row.status === 'missing').length;
  const stale = rows.filter((row) => row.status === 'stale').length;

  return (
    <section className="translations stack" aria-label="Translations">
      <div className="inline-form">
        <label htmlFor={`${id}-locale`}>Translate into</label>
        <select
          id={`${id}-locale`}
          className="select--compact"
          value={locale}
          onChange={(event) => {
            setLocale(event.target.value);
            setOrder(null);
          }}
        >
          {targets.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        <span role="status">
          {rows.length} strings: {missing} missing, {stale} stale
        </span>
      </div>
      {version === null ? null : (
        <div className="inline-form">
          <a
            className="button button--secondary button--small"
            href={translationFileUrl(surveyId, version, locale, 'xlsx')}
            download
          >
            Export XLSX
          </a>
          <a
            className="button button--secondary button--small"
            href={translationFileUrl(surveyId, version, locale, 'xliff')}
            download
          >
            Export XLIFF
          </a>
          {readOnly ? null : (
            <>
              <label htmlFor={`${id}-file`} className="visually-hidden">
                Translated file to import
              </label>
              <input
                id={`${id}-file`}
                type="file"
                accept=".xlsx,.xliff,.xlf"
                disabled={dirty || importer.isPending}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file === undefined) return;
                  importer.mutate({ surveyId, version, locale, file }, { onSuccess: onImported });
                }}
              />
              {dirty ? <span className="field__hint">Save the draft before importing a file.</span> : null}
            </>
          )}
        </div>
      )}
      <ErrorAlert error={importer.error} title="Could not import the file" />
      {importer.data !== undefined ? (
        <div className="alert alert--success" role="status">
          <p>
            {importer.data.updated} {importer.data.updated === 1 ? 'translation' : 'translations'} imported.
          </p>
          {importer.data.unknownKeys.length > 0 ? (
            <p>
              Not in this version, left out: <code>{importer.data.unknownKeys.join(', ')}</code>
            </p>
          ) : null}
          {importer.data.staleSources.length > 0 ? (
            <div>
              Source changed since the export, translation not taken:
              <ul>
                {importer.data.staleSources.map((entry) => (
                  <li key={entry.key}>
                    <code>{entry.key}</code>: “{entry.exported}” is now “{entry.current}”
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <DataTable
        label={`Strings in ${locale}`}
        columns={['Key', `Source (${report.defaultLocale})`, `Translation (${locale})`, 'Status']}
        className="translations__table"
      >
        {shown.map((row) => (
          <tr key={row.key} className={`translations__row--${row.status}`}>
            <td>
              <code>{row.key}</code>
            </td>
            <td dir="auto">{row.source}</td>
            <td>
              <textarea
                aria-label={`${row.key} in ${locale}`}
                dir="auto"
                lang={locale}
                rows={Math.min(4, Math.max(1, Math.ceil(row.source.length / 60)))}
                readOnly={readOnly}
                value={row.translation}
                onChange={(event) => {
                  setOrder(keys);
                  const next = setTranslation(definition, row.key, locale, event.target.value);
                  if (next !== null) change(next, `translation:${locale}:${row.key}`);
                }}
              />
            </td>
            <td>
              <span
                className={
                  row.status === 'done'
                    ? 'badge badge--success'
                    : row.status === 'stale'
                      ? 'badge badge--warning'
                      : 'badge badge--danger'
                }
              >
                {STATUS_LABELS[row.status]}
              </span>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

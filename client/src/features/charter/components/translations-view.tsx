import { useState } from 'react';

import {
  type CharterLanguage,
  type ClauseTranslationEntryDto,
  type ClauseTranslationStatus,
  isRightToLeft,
} from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { Loading } from '@/components/loading';

import { useTranslations } from '../api/get-translations';
import { useSaveTranslation } from '../api/save-translation';

import { DiffOpsView } from './diff-ops-view';
import { MarkdownView } from './markdown-view';

export const LANGUAGE_NAMES: Record<CharterLanguage, string> = {
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  ar: 'العربية',
};

const STATUS_ORDER: Record<ClauseTranslationStatus, number> = { stale: 0, missing: 1, current: 2 };
const STATUS_LABEL: Record<ClauseTranslationStatus, string> = {
  stale: 'Stale: the source changed',
  missing: 'Not translated',
  current: 'Up to date',
};

function TranslationRow({
  charterId,
  revision,
  lang,
  entry,
}: {
  charterId: string;
  revision: number;
  lang: CharterLanguage;
  entry: ClauseTranslationEntryDto;
}) {
  const save = useSaveTranslation(charterId);
  const [heading, setHeading] = useState(entry.translation?.heading ?? '');
  const [body, setBody] = useState(entry.translation?.body ?? '');
  const dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
  return (
    <article className="panel charter-translation" aria-label={`Translation of ${entry.source.heading}`}>
      <div className="charter-translation__source" lang="en" dir="ltr">
        <p>
          <span className={`badge charter-translation--${entry.status}`}>{STATUS_LABEL[entry.status]}</span>
          {entry.translation === null ? null : (
            <span className="muted">
              {' '}
              translated from revision {entry.translation.sourceRevision} by {entry.translation.translator.name}
            </span>
          )}
        </p>
        <h3>{entry.source.heading}</h3>
        {entry.sourceChanges === null ? (
          <MarkdownView body={entry.source.body} />
        ) : (
          <p className="charter-ops" aria-label="Changes to the source since it was translated">
            <DiffOpsView ops={entry.sourceChanges.ops} />
          </p>
        )}
      </div>
      <form
        className="stack charter-translation__target"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ lang, clauseId: entry.clauseId, revision, heading, body });
        }}
      >
        <div className="field">
          <label htmlFor={`translation-heading-${entry.clauseId}`}>Heading ({LANGUAGE_NAMES[lang]})</label>
          <input
            id={`translation-heading-${entry.clauseId}`}
            lang={lang}
            dir={dir}
            value={heading}
            required
            onChange={(event) => setHeading(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`translation-body-${entry.clauseId}`}>Text ({LANGUAGE_NAMES[lang]}, Markdown)</label>
          <textarea
            id={`translation-body-${entry.clauseId}`}
            className="charter-textarea"
            lang={lang}
            dir={dir}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <ErrorAlert error={save.error} title="Could not save the translation" />
        <p>
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={save.isPending || heading.trim() === ''}
          >
            Save translation
          </button>
          {save.isSuccess ? <span className="muted"> Saved.</span> : null}
        </p>
      </form>
    </article>
  );
}

/** Source and translation side by side, clause by clause: stale ones first, then missing ones. */
export function TranslationsView({
  charterId,
  revision,
  lang,
  onLanguage,
}: {
  charterId: string;
  revision: number;
  lang: CharterLanguage;
  onLanguage: (lang: CharterLanguage) => void;
}) {
  const target = lang === 'en' ? 'fr' : lang;
  const translations = useTranslations(charterId, target, revision);
  const entries = [...(translations.data?.clauses ?? [])].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  );
  return (
    <div className="stack">
      <Field id="translation-language" label="Translate into">
        <select
          id="translation-language"
          className="select--compact"
          value={target}
          onChange={(event) => onLanguage(event.target.value as CharterLanguage)}
        >
          {(['fr', 'ru', 'ar'] as const).map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </Field>
      {translations.isPending ? <Loading /> : null}
      <ErrorAlert error={translations.error} />
      {entries.map((entry) => (
        <TranslationRow
          key={`${target}-${entry.clauseId}-${entry.translation?.updatedAt ?? ''}`}
          charterId={charterId}
          revision={revision}
          lang={target}
          entry={entry}
        />
      ))}
    </div>
  );
}

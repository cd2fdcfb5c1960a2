import { useState } from 'react';
import { useSearchParams } from 'react-router';

import { CHARTER_LANGUAGES, type CharterDocumentDto, type CharterLanguage } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { exportUrl } from '../api/export-url';
import { useEvidence } from '../api/evidence';
import { useAmendments } from '../api/get-amendments';
import { useCharter } from '../api/get-charter';
import { useCharters } from '../api/get-charters';
import { useComments } from '../api/get-comments';
import { useTranslations } from '../api/get-translations';

import { AmendmentsPanel } from './amendments-panel';
import { BlameView } from './blame-view';
import { CharterEditor } from './charter-editor';
import { ClauseHistoryView } from './clause-history-view';
import { CompareView } from './compare-view';
import { CommentsPanel } from './comments-panel';
import { DocumentView } from './document-view';
import { HistoryView } from './history-view';
import { LANGUAGE_NAMES, TranslationsView } from './translations-view';

import './charter.css';

const VIEWS = ['read', 'edit', 'history', 'compare', 'blame', 'comments', 'amendments', 'translate'] as const;
type View = (typeof VIEWS)[number];

const VIEW_LABELS: Record<View, string> = {
  read: 'Read',
  edit: 'Edit',
  history: 'History',
  compare: 'Compare',
  blame: 'Blame',
  comments: 'Comments',
  amendments: 'Amendments',
  translate: 'Translate',
};

function CharterWorkspace({ charter }: { charter: CharterDocumentDto }) {
  const user = useCurrentUser();
  const canWrite = hasRole(user, ['admin', 'committee']);
  const canDecide = user.role === 'admin' || (user.role === 'committee' && charter.chairIds.includes(user.id));
  // The view and the compared revisions live in the URL, so a comparison can be shared as a link.
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'read';
  const head = charter.head.number;
  const to = Number(params.get('to') ?? head) || head;
  const from = Number(params.get('from') ?? Math.max(1, to - 1)) || 1;
  const blameAt = Number(params.get('at') ?? head) || head;
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const lang: CharterLanguage = CHARTER_LANGUAGES.find((code) => code === params.get('lang')) ?? 'en';
  const translation = useTranslations(charter.id, view === 'read' && lang !== 'en' ? lang : null, head);
  const comments = useComments(charter.id);
  const amendments = useAmendments(charter.id);
  const evidence = useEvidence(charter.id);

  const go = (changes: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) next.set(key, value);
      return next;
    });

  return (
    <>
      <nav className="charter-tabs" aria-label="Charter views">
        {VIEWS.filter((name) => (name !== 'edit' && name !== 'translate') || canWrite).map((name) => (
          <button
            key={name}
            type="button"
            className={`button button--small ${view === name ? 'button--primary' : 'button--secondary'}`}
            aria-current={view === name ? 'page' : undefined}
            onClick={() => go({ view: name })}
          >
            {VIEW_LABELS[name]}
          </button>
        ))}
        <a className="button button--small button--secondary" href={exportUrl(charter.id, 'md', head, undefined, lang)}>
          Markdown
        </a>
        <a
          className="button button--small button--secondary"
          href={exportUrl(charter.id, 'html', head, undefined, lang)}
        >
          HTML
        </a>
        <a
          className="button button--small button--secondary"
          href={exportUrl(charter.id, 'docx', head, undefined, lang)}
        >
          Word
        </a>
      </nav>
      {view === 'read' ? (
        <Field id="reading-language" label="Language">
          <select
            id="reading-language"
            className="select--compact"
            value={lang}
            onChange={(event) => go({ lang: event.target.value })}
          >
            {CHARTER_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <ErrorAlert error={comments.error ?? amendments.error ?? evidence.error ?? translation.error} />
      {historyOf === null ? null : (
        <ClauseHistoryView charterId={charter.id} clauseId={historyOf} onClose={() => setHistoryOf(null)} />
      )}
      {view === 'read' ? (
        <DocumentView
          charterId={charter.id}
          revision={charter.head}
          comments={comments.data ?? []}
          evidence={evidence.data ?? []}
          onShowHistory={setHistoryOf}
          canWrite={canWrite}
          lang={lang === 'en' || translation.data !== undefined ? lang : 'en'}
          translation={lang === 'en' ? undefined : translation.data}
        />
      ) : null}
      {view === 'edit' && canWrite ? (
        <CharterEditor
          key={charter.head.number}
          charterId={charter.id}
          base={charter.head}
          onSaved={() => go({ view: 'read' })}
        />
      ) : null}
      {view === 'translate' && canWrite ? (
        <TranslationsView
          charterId={charter.id}
          revision={head}
          lang={lang}
          onLanguage={(code) => go({ lang: code })}
        />
      ) : null}
      {view === 'history' ? (
        <HistoryView
          charterId={charter.id}
          onCompare={(a, b) => go({ view: 'compare', from: String(a), to: String(b) })}
        />
      ) : null}
      {view === 'compare' ? (
        <CompareView
          charterId={charter.id}
          head={head}
          from={from}
          to={to}
          onChange={(a, b) => go({ from: String(a), to: String(b) })}
          layout={params.get('layout') === 'side' ? 'side' : 'inline'}
          onLayout={(layout) => go({ layout })}
        />
      ) : null}
      {view === 'blame' ? (
        <BlameView
          charterId={charter.id}
          head={head}
          revision={blameAt}
          onChange={(value) => go({ at: String(value) })}
        />
      ) : null}
      {view === 'comments' ? (
        <CommentsPanel charterId={charter.id} head={charter.head} comments={comments.data ?? []} canWrite={canWrite} />
      ) : null}
      {view === 'amendments' ? (
        <AmendmentsPanel
          charter={charter}
          amendments={amendments.data ?? []}
          comments={comments.data ?? []}
          rights={{ canWrite, canDecide, isAdmin: user.role === 'admin' }}
        />
      ) : null}
    </>
  );
}

function SelectedCharter({ id }: { id: string }) {
  const charter = useCharter(id);
  if (charter.isPending) return <Loading />;
  if (charter.error) return <ErrorAlert error={charter.error} />;
  return (
    <>
      <h2>{charter.data.title}</h2>
      <CharterWorkspace charter={charter.data} />
    </>
  );
}

export function CharterPage() {
  useDocumentTitle('Charter');
  const charters = useCharters();
  const [params, setParams] = useSearchParams();
  const selected = params.get('charter') ?? charters.data?.[0]?.id ?? null;

  return (
    <>
      <h1>Charter</h1>
      <p className="muted">
        Draft the Charter revision by revision, compare revisions, see who changed what and why, and decide amendments.
      </p>
      {charters.isPending ? <Loading /> : null}
      <ErrorAlert error={charters.error} />
      {charters.data !== undefined && charters.data.length > 1 ? (
        <Field id="charter-select" label="Document">
          <select
            id="charter-select"
            value={selected ?? ''}
            onChange={(event) => setParams({ charter: event.target.value })}
          >
            {charters.data.map((charter) => (
              <option key={charter.id} value={charter.id}>
                {charter.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {charters.data?.length === 0 ? <p>No charter yet.</p> : null}
      {selected === null ? null : <SelectedCharter key={selected} id={selected} />}
    </>
  );
}

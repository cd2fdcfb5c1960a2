import { useRef, useState } from 'react';

import {
  type CharterCommentDto,
  type CharterLanguage,
  type CharterRevisionDto,
  type CharterTranslationDto,
  type ClauseTranslationStatus,
  type EvidenceWithCurrentDto,
} from '@concord/shared';

import { SmallButton } from '@/components/small-button';

import { ClauseComments } from './clause-comments';
import { ClauseEvidence } from './clause-evidence';
import { MarkdownView } from './markdown-view';
import { SelectionComment } from './selection-comment';

interface DocumentViewProps {
  charterId: string;
  revision: CharterRevisionDto;
  comments: readonly CharterCommentDto[];
  evidence: readonly EvidenceWithCurrentDto[];
  onShowHistory: (clauseId: string) => void;
  canWrite: boolean;
  lang: CharterLanguage;
  /** The revision in `lang`, when that is not the source language. */
  translation?: CharterTranslationDto;
}

interface Selected {
  clauseId: string;
  quote: string;
}

const TRANSLATION_NOTE: Record<ClauseTranslationStatus, string | null> = {
  current: null,
  stale: 'Translation out of date: the clause changed since it was translated',
  missing: 'Not translated yet: shown in English',
};

/**
 * The text selected inside `container`, or null. A selection that runs past the clause (a triple
 * click selects up to the start of the next block) is cut at the clause's end.
 */
function selectionIn(container: HTMLElement): string | null {
  const selection = window.getSelection();
  if (selection === null || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  if (!container.contains(range.startContainer)) return null;
  if (!container.contains(range.endContainer)) range.setEnd(container, container.childNodes.length);
  const text = range.toString().replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The charter as read: a table of contents, then every clause rendered from its Markdown. */
export function DocumentView({
  charterId,
  revision,
  comments,
  evidence,
  onShowHistory,
  canWrite,
  lang,
  translation,
}: DocumentViewProps) {
  const [selected, setSelected] = useState<Selected | null>(null);
  const sections = useRef(new Map<string, HTMLElement>());
  const entries = new Map(translation?.clauses.map((entry) => [entry.clauseId, entry]));
  const clauses = revision.clauses.map((clause) => {
    const translated = entries.get(clause.id)?.translation;
    return translated === undefined || translated === null
      ? clause
      : { id: clause.id, heading: translated.heading, body: translated.body };
  });
  const dir = translation?.dir ?? 'ltr';
  // Comments quote the source text: selecting for a comment is offered when reading it.
  const canComment = canWrite && translation === undefined;

  const pick = (clauseId: string) => {
    if (!canComment) return;
    const section = sections.current.get(clauseId);
    const quote = section === undefined ? null : selectionIn(section);
    if (quote !== null) setSelected({ clauseId, quote });
  };

  return (
    <div className="charter-document" lang={lang} dir={dir}>
      <nav className="charter-toc panel" aria-label="Contents">
        <h2>Contents</h2>
        <ol>
          {clauses.map((clause) => (
            <li key={clause.id}>
              <a href={`#clause-${clause.id}`}>{clause.heading}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="charter-clauses">
        <p className="muted" dir="ltr" lang="en">
          Revision {revision.number} by {revision.author.name}, {new Date(revision.createdAt).toLocaleString()}:{' '}
          {revision.message}
          {canComment ? ' · Select a passage of a clause to comment on it.' : ''}
        </p>
        {clauses.map((clause) => {
          const status = entries.get(clause.id)?.status;
          const note = status === undefined ? null : TRANSLATION_NOTE[status];
          return (
            <section
              key={clause.id}
              id={`clause-${clause.id}`}
              className="charter-clause"
              lang={status === 'missing' ? 'en' : undefined}
              dir={status === 'missing' ? 'ltr' : undefined}
            >
              <div
                className="charter-clause__text"
                ref={(element) => {
                  if (element === null) sections.current.delete(clause.id);
                  else sections.current.set(clause.id, element);
                }}
                onMouseUp={() => pick(clause.id)}
                onKeyUp={() => pick(clause.id)}
              >
                <h2>{clause.heading}</h2>
                <MarkdownView body={clause.body} />
              </div>
              <ClauseEvidence evidence={evidence.filter((citation) => citation.clauseId === clause.id)} />
              {note === null ? null : (
                <p className="badge badge--muted" lang="en" dir="ltr">
                  {note}
                </p>
              )}
              {selected?.clauseId === clause.id ? (
                <SelectionComment
                  charterId={charterId}
                  revision={revision.number}
                  clauseId={clause.id}
                  quote={selected.quote}
                  onDone={() => setSelected(null)}
                />
              ) : null}
              {translation === undefined ? (
                <ClauseComments clauseId={clause.id} clauses={revision.clauses} comments={comments} />
              ) : null}
              <p className="charter-clause__meta" lang="en" dir="ltr">
                <SmallButton onClick={() => onShowHistory(clause.id)}>History</SmallButton>
              </p>
            </section>
          );
        })}
      </div>
    </div>
  );
}

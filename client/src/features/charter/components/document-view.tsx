import type { CharterCommentDto, CharterRevisionDto, EvidenceWithCurrentDto } from '@concord/shared';

import { ClauseEvidence } from './clause-evidence';

import { MarkdownView } from './markdown-view';

interface DocumentViewProps {
  revision: CharterRevisionDto;
  comments: readonly CharterCommentDto[];
  evidence: readonly EvidenceWithCurrentDto[];
  onShowHistory: (clauseId: string) => void;
}

/** The charter as read: a table of contents, then every clause rendered from its Markdown. */
export function DocumentView({ revision, comments, evidence, onShowHistory }: DocumentViewProps) {
  const openComments = (clauseId: string) =>
    comments.filter((comment) => comment.clauseId === clauseId && !comment.resolved && comment.parentId === null)
      .length;
  return (
    <div className="charter-document">
      <nav className="charter-toc panel" aria-label="Contents">
        <h2>Contents</h2>
        <ol>
          {revision.clauses.map((clause) => (
            <li key={clause.id}>
              <a href={`#clause-${clause.id}`}>{clause.heading}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="charter-clauses">
        <p className="muted">
          Revision {revision.number} by {revision.author.name}, {new Date(revision.createdAt).toLocaleString()}:{' '}
          {revision.message}
        </p>
        {revision.clauses.map((clause) => (
          <section key={clause.id} id={`clause-${clause.id}`} className="charter-clause">
            <h2>{clause.heading}</h2>
            <MarkdownView body={clause.body} />
            <ClauseEvidence evidence={evidence.filter((citation) => citation.clauseId === clause.id)} />
            <p className="charter-clause__meta">
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onShowHistory(clause.id)}
              >
                History
              </button>{' '}
              {openComments(clause.id) > 0 ? (
                <span className="badge">{openComments(clause.id)} open comments</span>
              ) : null}
            </p>
          </section>
        ))}
      </div>
    </div>
  );
}

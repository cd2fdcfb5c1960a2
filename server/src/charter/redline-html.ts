import { type CharterClause, type CharterLanguage, isRightToLeft } from '@concord/shared';
import { clauseIdComment } from './markdown-import';
import { escapeHtml, renderMarkdown } from './markdown-render';
import { renderSegments } from './markdown-segments';
import type { AttributedClause, AttributedOp } from './redline-attribution';

export interface ExportMeta {
  title: string;
  revision: number;
  author: string;
  createdAt: string;
  /** The language published (default en); Arabic makes the page right to left. */
  lang?: CharterLanguage;
}

const STYLE =
  'body{font-family:Georgia,serif;max-width:48em;margin:2em auto;line-height:1.5}' +
  'ins{background:#d4f7d4;text-decoration:underline}del{background:#f9d6d6;text-decoration:line-through}' +
  '.note{color:#666;font-size:.9em}';

function page(title: string, content: string, lang: CharterLanguage = 'en'): string {
  const dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
  return (
    `<!DOCTYPE html>\n<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body>\n${content}</body></html>\n`
  );
}

/** The Markdown export: re-importable, each clause tagged with its id. */
export function exportMarkdown(meta: ExportMeta, clauses: readonly CharterClause[]): string {
  const parts = [
    `# ${meta.title}`,
    ...clauses.map((clause) => `## ${clause.heading}\n${clauseIdComment(clause.id)}\n\n${clause.body}`),
  ];
  return `${parts.join('\n\n')}\n`;
}

export function exportHtml(meta: ExportMeta, clauses: readonly CharterClause[]): string {
  const sections = clauses
    .map(
      (clause) =>
        `<section id="clause-${escapeHtml(clause.id)}"><h2>${escapeHtml(clause.heading)}</h2>\n${renderMarkdown(clause.body)}</section>\n`,
    )
    .join('');
  const note = `<p class="note">Revision ${meta.revision}, ${escapeHtml(meta.author)}, ${escapeHtml(meta.createdAt)}</p>\n`;
  return page(meta.title, `<h1>${escapeHtml(meta.title)}</h1>\n${note}${sections}`, meta.lang);
}

/** Who made a revision, and when: what each tracked change names. */
export interface TrackedChangeAuthor {
  author: string;
  date: string;
}

export type RevisionAuthors = (revision: number) => TrackedChangeAuthor;

/** Wraps a change in <ins>/<del> naming the revision that made it, its author and time. */
function changeHtml(change: AttributedOp, html: string, authors: RevisionAuthors): string {
  if (change.op === 'equal' || change.revision === null || html === '') return html;
  const who = authors(change.revision);
  const tag = change.op === 'insert' ? 'ins' : 'del';
  const verb = change.op === 'insert' ? 'Inserted' : 'Deleted';
  const title = `${verb} in revision ${change.revision} by ${who.author}, ${who.date}`;
  return (
    `<${tag} title="${escapeHtml(title)}" data-revision="${change.revision}" data-author="${escapeHtml(who.author)}" ` +
    `datetime="${escapeHtml(who.date)}">${html}</${tag}>`
  );
}

function headingHtml(pieces: readonly AttributedOp[], authors: RevisionAuthors): string {
  return pieces.map((piece) => changeHtml(piece, escapeHtml(piece.text), authors)).join('');
}

/** A clause body's Markdown rendered, with every change wrapped where it falls. */
function bodyHtml(pieces: readonly AttributedOp[], authors: RevisionAuthors): string {
  return renderSegments(
    pieces.map((piece) => piece.text),
    (segment, html) => {
      const piece = pieces[segment];
      return piece === undefined ? html : changeHtml(piece, html, authors);
    },
  );
}

function clauseToHtml(clause: AttributedClause, authors: RevisionAuthors): string {
  const { entry } = clause;
  const moved = entry.status === 'moved' || entry.moved === true ? '<p class="note">Moved.</p>\n' : '';
  return (
    `<section id="clause-${escapeHtml(entry.id)}" class="${entry.status}"><h2>${headingHtml(clause.heading, authors)}</h2>\n` +
    `${moved}${bodyHtml(clause.body, authors)}</section>\n`
  );
}

/**
 * A redline: what changed from revision `fromRevision` to `meta.revision`, the Markdown rendered,
 * each <ins>/<del> naming the revision that made it (title, data-revision, data-author, datetime).
 */
export function exportRedlineHtml(
  meta: ExportMeta,
  fromRevision: number,
  clauses: readonly AttributedClause[],
  authors: RevisionAuthors,
): string {
  const note = `<p class="note">Changes from revision ${fromRevision} to revision ${meta.revision} (${escapeHtml(meta.author)}, ${escapeHtml(meta.createdAt)})</p>\n`;
  return page(
    `${meta.title}: redline`,
    `<h1>${escapeHtml(meta.title)}</h1>\n${note}${clauses.map((clause) => clauseToHtml(clause, authors)).join('')}`,
  );
}

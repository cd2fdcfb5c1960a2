import {
  type CharterClause,
  type CharterLanguage,
  type ClauseDiffDto,
  type DiffOp,
  isRightToLeft,
} from '@concord/shared';
import { clauseIdComment } from './markdown-import';
import { escapeHtml, renderMarkdown } from './markdown-render';

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
  '.ops{white-space:pre-wrap}.note{color:#666;font-size:.9em}';

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

/** Ops as inline HTML; the Markdown source of changed text is shown as written. */
export function opsToHtml(ops: readonly DiffOp[]): string {
  return ops
    .map((op) => {
      const text = escapeHtml(op.text);
      switch (op.op) {
        case 'equal':
          return text;
        case 'insert':
          return `<ins>${text}</ins>`;
        case 'delete':
          return `<del>${text}</del>`;
      }
    })
    .join('');
}

function clauseToHtml(entry: ClauseDiffDto): string {
  const id = escapeHtml(entry.id);
  switch (entry.status) {
    case 'added':
      return `<section id="clause-${id}" class="added"><h2><ins>${escapeHtml(entry.heading)}</ins></h2>\n<div class="ops"><ins>${escapeHtml(entry.body ?? '')}</ins></div></section>\n`;
    case 'removed':
      return `<section id="clause-${id}" class="removed"><h2><del>${escapeHtml(entry.heading)}</del></h2>\n<div class="ops"><del>${escapeHtml(entry.body ?? '')}</del></div></section>\n`;
    case 'modified': {
      const heading = entry.headingOps === undefined ? escapeHtml(entry.heading) : opsToHtml(entry.headingOps);
      const moved = entry.moved === true ? '<p class="note">Moved.</p>\n' : '';
      return `<section id="clause-${id}" class="modified"><h2>${heading}</h2>\n${moved}<div class="ops">${opsToHtml(entry.ops ?? [])}</div></section>\n`;
    }
    case 'moved':
    case 'unchanged': {
      const moved = entry.status === 'moved' ? '<p class="note">Moved.</p>\n' : '';
      return `<section id="clause-${id}" class="${entry.status}"><h2>${escapeHtml(entry.heading)}</h2>\n${moved}${renderMarkdown(entry.body ?? '')}</section>\n`;
    }
  }
}

/** A redline: what changed from revision `fromRevision` to `meta.revision`, with <ins> and <del>. */
export function exportRedlineHtml(meta: ExportMeta, fromRevision: number, diff: readonly ClauseDiffDto[]): string {
  const note = `<p class="note">Changes from revision ${fromRevision} to revision ${meta.revision} (${escapeHtml(meta.author)}, ${escapeHtml(meta.createdAt)})</p>\n`;
  return page(
    `${meta.title}: redline`,
    `<h1>${escapeHtml(meta.title)}</h1>\n${note}${diff.map(clauseToHtml).join('')}`,
  );
}

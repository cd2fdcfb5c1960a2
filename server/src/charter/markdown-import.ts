import type { CharterClause } from '@concord/shared';
import { normalizeBody } from './paragraphs';

export interface ImportedClause {
  id?: string;
  heading: string;
  body: string;
}

export interface ImportedDocument {
  title: string | null;
  clauses: ImportedClause[];
}

const CLAUSE_ID_COMMENT = /^\s*<!--\s*clause:([A-Za-z0-9_-]{1,64})\s*-->\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** The comment an exported clause carries so that a re-import recognises it. */
export function clauseIdComment(id: string): string {
  return `<!-- clause:${id} -->`;
}

/**
 * One clause per heading. The clause level is the shallowest heading level, except that a single
 * leading level-1 heading above deeper ones is the document title. Deeper headings stay in bodies.
 */
export function parseMarkdownDocument(markdown: string): ImportedDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const headings: Array<{ line: number; level: number; text: string }> = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : HEADING.exec(line);
    // Both groups of HEADING always take part in a match.
    if (match !== null) headings.push({ line: index, level: (match[1] ?? '').length, text: match[2] ?? '' });
  });
  let title: string | null = null;
  const levelOne = headings.filter((heading) => heading.level === 1);
  let usable = headings;
  const [leading] = headings;
  if (levelOne.length === 1 && leading?.level === 1 && headings.some((heading) => heading.level > 1)) {
    title = leading.text;
    usable = headings.slice(1);
  }
  const level = Math.min(...usable.map((heading) => heading.level));
  const starts = usable.filter((heading) => heading.level === level);
  const clauses = starts.map((start, index) => {
    const end = starts[index + 1]?.line ?? lines.length;
    const bodyLines = lines.slice(start.line + 1, end);
    let id: string | undefined;
    const first = bodyLines.findIndex((line) => line.trim() !== '');
    const firstLine = bodyLines[first];
    const idMatch = firstLine === undefined ? null : CLAUSE_ID_COMMENT.exec(firstLine);
    if (idMatch !== null) {
      id = idMatch[1];
      bodyLines.splice(first, 1);
    }
    const clause: ImportedClause = { heading: start.text, body: normalizeBody(bodyLines.join('\n')) };
    if (id !== undefined) clause.id = id;
    return clause;
  });
  return { title, clauses };
}

function words(clause: { heading: string; body: string }): Set<string> {
  return new Set(`${clause.heading} ${clause.body}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function similarity(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

export const SIMILARITY_THRESHOLD = 0.5;

/**
 * Gives imported clauses the ids of the existing clauses they are: first by id comment, then by
 * identical heading, then by the most similar remaining text (Jaccard over words, at least 0.5).
 * The rest stay without id and become new clauses.
 */
export function matchImportedClauses(
  existing: readonly CharterClause[],
  imported: readonly ImportedClause[],
): ImportedClause[] {
  const known = new Set(existing.map((clause) => clause.id));
  const taken = new Set<string>();
  const result = imported.map((clause) => {
    if (clause.id !== undefined && known.has(clause.id) && !taken.has(clause.id)) {
      taken.add(clause.id);
      return { ...clause };
    }
    const copy: ImportedClause = { heading: clause.heading, body: clause.body };
    return copy;
  });
  for (const clause of result) {
    if (clause.id !== undefined) continue;
    const same = existing.find((candidate) => !taken.has(candidate.id) && candidate.heading === clause.heading);
    if (same !== undefined) {
      clause.id = same.id;
      taken.add(same.id);
    }
  }
  const scored: Array<{ index: number; id: string; score: number }> = [];
  result.forEach((clause, index) => {
    if (clause.id !== undefined) return;
    const mine = words(clause);
    for (const candidate of existing) {
      if (taken.has(candidate.id)) continue;
      const score = similarity(mine, words(candidate));
      if (score >= SIMILARITY_THRESHOLD) scored.push({ index, id: candidate.id, score });
    }
  });
  scored.sort((left, right) => right.score - left.score || left.index - right.index);
  for (const { index, id } of scored) {
    const clause = result[index];
    if (clause === undefined || clause.id !== undefined || taken.has(id)) continue;
    clause.id = id;
    taken.add(id);
  }
  return result;
}

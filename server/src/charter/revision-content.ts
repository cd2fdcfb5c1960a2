import { createHash, randomBytes } from 'node:crypto';
import type { CharterClause } from '@concord/shared';
import { normalizeClause } from './paragraphs';

export interface ClauseInput {
  id?: string;
  heading: string;
  body: string;
}

export interface ClauseProblem {
  index: number;
  field: 'id' | 'heading';
  message: string;
}

/** The content hash of a revision: clause ids, headings and bodies, in order. */
export function contentHash(clauses: readonly CharterClause[]): string {
  const canonical = JSON.stringify(clauses.map((clause) => [clause.id, clause.heading, clause.body]));
  return createHash('sha256').update(canonical).digest('hex');
}

/** A readable, unique-enough id for a new clause: its heading's slug plus a random suffix. */
export function newClauseId(heading: string): string {
  const slug = heading
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${slug === '' ? 'clause' : slug}-${randomBytes(3).toString('hex')}`;
}

/** Problems that make a clause list unusable: duplicate ids, headings that are blank once trimmed. */
export function clauseProblems(clauses: readonly ClauseInput[]): ClauseProblem[] {
  const problems: ClauseProblem[] = [];
  const seen = new Set<string>();
  clauses.forEach((clause, index) => {
    if (clause.id !== undefined) {
      if (seen.has(clause.id))
        problems.push({ index, field: 'id', message: `Clause id ${clause.id} appears more than once` });
      seen.add(clause.id);
    }
    if (clause.heading.trim() === '')
      problems.push({ index, field: 'heading', message: 'A clause heading must not be blank' });
  });
  return problems;
}

/** Normalized clauses, with new ids for those without one (never colliding with `taken`). */
export function completeClauses(
  clauses: readonly ClauseInput[],
  taken: ReadonlySet<string> = new Set(),
): CharterClause[] {
  const used = new Set([...taken, ...clauses.flatMap((clause) => (clause.id === undefined ? [] : [clause.id]))]);
  return clauses.map((clause) => {
    let id = clause.id;
    while (id === undefined || (clause.id === undefined && used.has(id))) id = newClauseId(clause.heading);
    used.add(id);
    return normalizeClause({ id, heading: clause.heading, body: clause.body });
  });
}

export function sameContent(left: readonly CharterClause[], right: readonly CharterClause[]): boolean {
  return contentHash(left) === contentHash(right);
}

import type { CharterClause, CommentAnchorStatus } from '@concord/shared';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * A passage still counts as the one quoted when at most this share of its characters changed:
 * a word or two reworded in a sentence ("once a year" → "twice a year" is 0.73), not a rewrite.
 */
export const LIGHT_CHANGE_SIMILARITY = 0.7;

/** Shorter quotes are too easily "found" by chance in unrelated text: only word for word counts. */
const MIN_APPROXIMATE_LENGTH = 8;

/** Approximate matching costs quote × text steps; beyond this the search is skipped (a rewrite anyway). */
const MAX_FUZZY_STEPS = 20_000_000;

/** Runs of white space become one space: a selection in the browser and the Markdown source differ there. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A clause as a reader sees it: its heading, then the text of its rendered Markdown (no markup,
 * link targets or list numbers), white space collapsed. A selection made in the rendered clause
 * is a passage of this text.
 */
export function clauseReadingText(clause: Pick<CharterClause, 'heading' | 'body'>): string {
  const parts: string[] = [clause.heading];
  for (const token of markdown.parse(clause.body, {})) {
    if (token.type !== 'inline') {
      if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content);
      continue;
    }
    let inline = '';
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') inline += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') inline += ' ';
    }
    parts.push(inline);
  }
  return collapseWhitespace(parts.join(' '));
}

/** Whether a quote (a selection, or a passage of the Markdown source) is in a clause word for word. */
export function clauseHasQuote(clause: Pick<CharterClause, 'heading' | 'body'>, quote: string): boolean {
  const wanted = collapseWhitespace(quote);
  if (wanted === '') return false;
  return (
    `${clause.heading}\n${clause.body}`.includes(quote) ||
    collapseWhitespace(`${clause.heading}\n${clause.body}`).includes(wanted) ||
    clauseReadingText(clause).includes(wanted)
  );
}

export interface ApproximateMatch {
  start: number;
  end: number;
  /** Levenshtein distance between the quote and text.slice(start, end). */
  distance: number;
}

/**
 * The substring of `text` closest to `pattern` in edit distance (Sellers' algorithm: a match may
 * start anywhere in the text at no cost). Ties go to the earliest end, then the latest start.
 */
export function closestSubstring(pattern: string, text: string): ApproximateMatch {
  const m = pattern.length;
  // cost[i]: distance of pattern[0..i) to the best text substring ending at the current position;
  // from[i]: where that substring starts.
  let cost = Array.from({ length: m + 1 }, (_v, i) => i);
  let from = new Array<number>(m + 1).fill(0);
  let best: ApproximateMatch = { start: 0, end: 0, distance: m };
  for (let j = 1; j <= text.length; j++) {
    const nextCost = new Array<number>(m + 1);
    const nextFrom = new Array<number>(m + 1);
    nextCost[0] = 0;
    nextFrom[0] = j;
    const character = text[j - 1];
    for (let i = 1; i <= m; i++) {
      const substitute = (cost[i - 1] ?? 0) + (pattern[i - 1] === character ? 0 : 1);
      const skipText = (cost[i] ?? 0) + 1;
      const skipPattern = (nextCost[i - 1] ?? 0) + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = substitute;
        nextFrom[i] = from[i - 1] ?? 0;
      } else if (skipPattern <= skipText) {
        nextCost[i] = skipPattern;
        nextFrom[i] = nextFrom[i - 1] ?? 0;
      } else {
        nextCost[i] = skipText;
        nextFrom[i] = from[i] ?? 0;
      }
    }
    cost = nextCost;
    from = nextFrom;
    const distance = cost[m] ?? m;
    if (distance < best.distance) best = { start: from[m] ?? 0, end: j, distance };
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A match that cuts a word is widened to whole words: the reader sees "twice a year", not "ice a year". */
function widenToWords(text: string, start: number, end: number): [number, number] {
  const word = /[\p{L}\p{N}]/u;
  let from = start;
  let to = end;
  while (from > 0 && word.test(text[from - 1] ?? '') && word.test(text[from] ?? '')) from--;
  while (to < text.length && word.test(text[to] ?? '') && word.test(text[to - 1] ?? '')) to++;
  return [from, to];
}

export interface ReanchoredQuote {
  status: CommentAnchorStatus;
  clauseId: string | null;
  text: string | null;
  similarity: number;
}

/**
 * Finds a quoted passage again in a later revision. Word for word in its own clause: `exact`; word
 * for word in another clause only: `moved`; otherwise the closest passage, first in its own clause
 * then in any other, if only lightly changed (similarity ≥ LIGHT_CHANGE_SIMILARITY): `changed`; else `gone`.
 */
export function reanchorQuote(quote: string, clauseId: string, clauses: readonly CharterClause[]): ReanchoredQuote {
  const wanted = collapseWhitespace(quote);
  const gone: ReanchoredQuote = { status: 'gone', clauseId: null, text: null, similarity: 0 };
  if (wanted === '') return gone;
  const own = clauses.find((clause) => clause.id === clauseId);
  const others = clauses.filter((clause) => clause.id !== clauseId);
  if (own !== undefined && clauseHasQuote(own, quote)) {
    return { status: 'exact', clauseId, text: wanted, similarity: 1 };
  }
  const elsewhere = others.find((clause) => clauseHasQuote(clause, quote));
  if (elsewhere !== undefined) return { status: 'moved', clauseId: elsewhere.id, text: wanted, similarity: 1 };
  for (const candidates of [own === undefined ? [] : [own], others]) {
    let found: ReanchoredQuote = gone;
    for (const clause of candidates) {
      const text = clauseReadingText(clause);
      if (wanted.length < MIN_APPROXIMATE_LENGTH || wanted.length * text.length > MAX_FUZZY_STEPS) continue;
      const match = closestSubstring(wanted, text);
      const [start, end] = widenToWords(text, match.start, match.end);
      const passage = text.slice(start, end);
      const similarity = 1 - editDistance(wanted, passage) / Math.max(wanted.length, passage.length);
      if (similarity >= LIGHT_CHANGE_SIMILARITY && similarity > found.similarity) {
        found = { status: 'changed', clauseId: clause.id, text: passage, similarity };
      }
    }
    if (found.status === 'changed') return found;
  }
  return gone;
}

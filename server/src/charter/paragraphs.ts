import type { CharterClause } from '@concord/shared';

const PARAGRAPH_BREAK = '\n\n';

/**
 * The canonical form of a clause body: Unix newlines, no trailing spaces, paragraphs separated by
 * exactly one blank line. Merging and blame work on paragraphs, so storing bodies in this form
 * makes `paragraphsOf` and `joinParagraphs` exact inverses.
 */
export function normalizeBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

export function normalizeClause(clause: CharterClause): CharterClause {
  return { id: clause.id, heading: clause.heading.replace(/\s+/g, ' ').trim(), body: normalizeBody(clause.body) };
}

/** Paragraphs of a normalized body. */
export function paragraphsOf(body: string): string[] {
  return body === '' ? [] : body.split(PARAGRAPH_BREAK);
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_BREAK);
}

/**
 * Any text cut into paragraph tokens, each keeping the blank lines that follow it, so the tokens
 * concatenate back to the exact input (the diff needs that; bodies need not be normalized).
 */
export function paragraphTokens(text: string): string[] {
  if (text === '') return [];
  const tokens: string[] = [];
  const pattern = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    tokens.push(text.slice(start, match.index + match[0].length));
    start = match.index + match[0].length;
  }
  if (start < text.length) tokens.push(text.slice(start));
  return tokens;
}

/**
 * Words and single punctuation marks, each with the whitespace that follows it (leading whitespace
 * is a token of its own): together, exactly the input. Keeping whitespace out of the sequence
 * halves its length and stops runs of spaces from passing for common text.
 */
export function wordTokens(text: string): string[] {
  return text.match(/^\s+|[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*\s*|[^\s\p{L}\p{N}_]\s*/gu) ?? [];
}

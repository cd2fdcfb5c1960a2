import MarkdownIt from 'markdown-it';

// Raw HTML in a clause is shown as text, never passed through: bodies are user input.
export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export type MarkdownToken = ReturnType<typeof markdown.parse>[number];
const TokenClass = new markdown.core.State('', markdown, {}).Token;

/**
 * A redline interleaves old and new Markdown text, in pieces (segments) that each carry who
 * changed them. To know which segment each rendered character came from, the source is parsed
 * with a private-use character marking the start of every segment; the markers travel through
 * markdown-it's tokens with the text and are taken out again when the tokens are read.
 */
const FIRST_MARKER = 0xe000;
const MARKER_COUNT = 0x1900;
const MARKERS = /[\uE000-\uF8FF]/g;
// Block syntax at the start of a line (indentation, headings, bullets, numbers, quotes): a marker
// in front of it would turn the line into plain text, so it goes after it.
const BLOCK_PREFIX = /^[ \t]*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]*)*/;

// Emphasis and code delimiters: a marker inside a run of them (between the two stars of **) would
// split the run and change the emphasis.
const DELIMITERS = '*_~`';

function markerAt(source: string, offset: number): number {
  let at = offset;
  for (;;) {
    // Across a line break, the marker goes to the next text: on a blank line it would join paragraphs.
    let next = at;
    while (next < source.length && /\s/.test(source[next] ?? '')) next += 1;
    if (next === source.length || source.slice(at, next).includes('\n')) at = next;
    while (at > 0 && at < source.length && DELIMITERS.includes(source[at] ?? ' ') && source[at - 1] === source[at])
      at += 1;
    const lineStart = source.lastIndexOf('\n', at - 1) + 1;
    const prefix = BLOCK_PREFIX.exec(source.slice(lineStart))?.[0].length ?? 0;
    if (at >= lineStart + prefix || at >= source.length) return at;
    at = lineStart + prefix;
  }
}

/** The Markdown of all segments, with a marker where each segment's text starts. */
export function markedSource(segments: readonly string[]): string {
  const source = segments.join('');
  if (segments.length > MARKER_COUNT) return source;
  const cuts: Array<{ at: number; marker: string }> = [];
  let offset = 0;
  segments.forEach((segment, index) => {
    cuts.push({ at: markerAt(source, offset), marker: String.fromCharCode(FIRST_MARKER + index) });
    offset += segment.length;
  });
  let result = '';
  let from = 0;
  for (const cut of cuts) {
    result += source.slice(from, cut.at) + cut.marker;
    from = cut.at;
  }
  return result + source.slice(from);
}

/** Cuts a token's text at markers: pieces with the segment each belongs to. */
export class SegmentReader {
  current = 0;

  pieces(text: string): Array<{ text: string; segment: number }> {
    const result: Array<{ text: string; segment: number }> = [];
    let from = 0;
    const push = (end: number): void => {
      if (end > from) result.push({ text: text.slice(from, end), segment: this.current });
    };
    for (const match of text.matchAll(MARKERS)) {
      push(match.index);
      this.current = match[0].charCodeAt(0) - FIRST_MARKER;
      from = match.index + 1;
    }
    push(text.length);
    return result;
  }
}

export function withoutMarkers(text: string): string {
  return text.replace(MARKERS, '').replace(/%EE%[89A-F][0-9A-F]%[89AB][0-9A-F]/gi, '');
}

/** The tokens of segmented Markdown: text still holds markers, read with a SegmentReader. */
export function parseSegments(segments: readonly string[]): MarkdownToken[] {
  return markdown.parse(markedSource(segments), {});
}

/** A run of inline text with its emphasis, link and segment. */
export interface MarkdownRun {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link: string | null;
  /** A line break (hard break in Markdown) rather than text. */
  lineBreak: boolean;
  segment: number;
}

/** One paragraph-like block: a heading, a paragraph (maybe in a list or quote), or code. */
export interface MarkdownBlock {
  headingLevel: number | null;
  list: { ordered: boolean; level: number; list: number; first: boolean } | null;
  quote: boolean;
  code: boolean;
  runs: MarkdownRun[];
}

function inlineRuns(children: readonly MarkdownToken[], reader: SegmentReader): MarkdownRun[] {
  const runs: MarkdownRun[] = [];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];
  const add = (text: string, code: boolean): void => {
    for (const piece of reader.pieces(text))
      runs.push({
        text: piece.text,
        bold: bold > 0,
        italic: italic > 0,
        code,
        link: links[links.length - 1] ?? null,
        lineBreak: false,
        segment: piece.segment,
      });
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        add(child.content, false);
        break;
      case 'code_inline':
        add(child.content, true);
        break;
      case 'softbreak':
        add(' ', false);
        break;
      case 'hardbreak':
        runs.push({
          text: '',
          bold: false,
          italic: false,
          code: false,
          link: null,
          lineBreak: true,
          segment: reader.current,
        });
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open':
        links.push(withoutMarkers(String(child.attrGet('href') ?? '')));
        break;
      case 'link_close':
        links.pop();
        break;
      case 'image':
        add(child.content, false);
        break;
      default:
        break;
    }
  }
  return runs;
}

/** The blocks of segmented Markdown, for formats that have paragraphs but not Markdown (DOCX). */
export function markdownBlocks(segments: readonly string[]): MarkdownBlock[] {
  const reader = new SegmentReader();
  const blocks: MarkdownBlock[] = [];
  const lists: Array<{ ordered: boolean; list: number }> = [];
  let listCount = 0;
  let firstInItem = false;
  let quote = 0;
  let headingLevel: number | null = null;
  for (const token of parseSegments(segments)) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listCount += 1;
        lists.push({ ordered: token.type === 'ordered_list_open', list: listCount });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        firstInItem = true;
        break;
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'heading_open':
        headingLevel = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = null;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({
          headingLevel: null,
          list: null,
          quote: quote > 0,
          code: true,
          runs: reader.pieces(token.content.replace(/\n$/, '')).map((piece) => ({
            text: piece.text,
            bold: false,
            italic: false,
            code: true,
            link: null,
            lineBreak: false,
            segment: piece.segment,
          })),
        });
        break;
      case 'inline': {
        const list = lists[lists.length - 1];
        blocks.push({
          headingLevel,
          list:
            list === undefined
              ? null
              : { ordered: list.ordered, level: Math.min(lists.length - 1, 8), list: list.list, first: firstInItem },
          quote: quote > 0,
          code: false,
          runs: inlineRuns(token.children ?? [], reader),
        });
        firstInItem = false;
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Renders segmented Markdown to HTML, each piece of text wrapped by `wrap` (for example in
 * <ins>/<del> naming who made the change). `wrap` receives escaped HTML.
 */
export function renderSegments(segments: readonly string[], wrap: (segment: number, html: string) => string): string {
  const reader = new SegmentReader();
  const tokens = parseSegments(segments);
  const wrapped = (text: string, code: boolean): MarkdownToken[] =>
    reader.pieces(text).map((piece) => {
      const token = new TokenClass('html_inline', '', 0);
      const html = markdown.utils.escapeHtml(piece.text);
      token.content = wrap(piece.segment, code ? `<code>${html}</code>` : html);
      return token;
    });
  for (const token of tokens) {
    if (token.type === 'fence' || token.type === 'code_block') {
      token.content = withoutMarkers(token.content);
      continue;
    }
    if (token.type !== 'inline' || token.children === null) continue;
    token.children = token.children.flatMap((child) => {
      if (child.type === 'text') return wrapped(child.content, false);
      if (child.type === 'code_inline') return wrapped(child.content, true);
      if (child.type === 'link_open') child.attrSet('href', withoutMarkers(String(child.attrGet('href') ?? '')));
      if (child.type === 'image') child.content = withoutMarkers(child.content);
      return [child];
    });
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}

import { type CharterClause, type CharterLanguage, isRightToLeft } from '@concord/shared';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { type MarkdownBlock, type MarkdownRun, markdownBlocks } from './markdown-segments';
import type { AttributedClause, AttributedOp } from './redline-attribution';
import type { ExportMeta, RevisionAuthors } from './redline-html';

const ORDERED_LIST = 'charter-ordered-list';
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const EQUAL: AttributedOp = { op: 'equal', text: '', revision: null };

function document(children: Paragraph[], lang: CharterLanguage = 'en'): Document {
  // Right-to-left scripts: every run right to left (w:rtl) by default; paragraphs carry w:bidi themselves.
  const styles = isRightToLeft(lang) ? { default: { document: { run: { rightToLeft: true } } } } : undefined;
  return new Document({
    creator: 'Concord',
    styles,
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: Array.from({ length: 9 }, (_unused, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  });
}

/** Markdown blocks as Word paragraphs; each run a tracked change when its segment is one. */
class DocxWriter {
  private nextId = 1;

  constructor(
    private readonly authors: RevisionAuthors | null,
    private readonly bidirectional: true | undefined = undefined,
  ) {}

  private run(run: MarkdownRun, change: AttributedOp): ParagraphChild {
    if (run.lineBreak) return new TextRun({ break: 1 });
    const options = {
      text: run.text,
      bold: run.bold ? true : undefined,
      italics: run.italic ? true : undefined,
      font: run.code ? 'Courier New' : undefined,
      style: run.link === null ? undefined : 'Hyperlink',
    };
    let made: ParagraphChild;
    if (change.op === 'equal' || change.revision === null || this.authors === null) made = new TextRun(options);
    else {
      const who = this.authors(change.revision);
      const tracked = { ...options, id: this.nextId++, author: who.author, date: who.date };
      made = change.op === 'insert' ? new InsertedTextRun(tracked) : new DeletedTextRun(tracked);
    }
    return run.link === null ? made : new ExternalHyperlink({ link: run.link, children: [made] });
  }

  /** Paragraphs of Markdown text cut into attributed segments. */
  markdown(segments: readonly AttributedOp[]): Paragraph[] {
    const blocks = markdownBlocks(segments.map((segment) => segment.text));
    return blocks.map((block) => this.paragraph(block, segments));
  }

  private paragraph(block: MarkdownBlock, segments: readonly AttributedOp[]): Paragraph {
    const bidirectional = this.bidirectional;
    const children = block.runs.map((run) => this.run(run, segments[run.segment] ?? EQUAL));
    const indent = block.quote || (block.list !== null && !block.list.first) ? { left: 720 } : undefined;
    if (block.headingLevel !== null) {
      // Headings inside a clause sit below the clause heading (Heading 1).
      return new Paragraph({ children, heading: HEADINGS[Math.min(block.headingLevel, 5)], bidirectional });
    }
    if (block.list !== null && block.list.first) {
      return block.list.ordered
        ? new Paragraph({
            children,
            numbering: { reference: ORDERED_LIST, level: block.list.level, instance: block.list.list },
            bidirectional,
          })
        : new Paragraph({ children, bullet: { level: block.list.level }, bidirectional });
    }
    return new Paragraph({ children, indent, bidirectional });
  }

  /** A clause heading: plain text, its pieces attributed. */
  heading(pieces: readonly AttributedOp[]): Paragraph {
    const children = pieces.map((piece) =>
      this.run(
        { text: piece.text, bold: false, italic: false, code: false, link: null, lineBreak: false, segment: 0 },
        piece,
      ),
    );
    return new Paragraph({ children, heading: HeadingLevel.HEADING_1, bidirectional: this.bidirectional });
  }
}

/** Only right-to-left paragraphs say so: `false` would write an explicit w:bidi into every paragraph. */
function bidirectionalFor(lang: CharterLanguage | undefined): true | undefined {
  return isRightToLeft(lang ?? 'en') ? true : undefined;
}

function titleParagraph(meta: ExportMeta): Paragraph {
  return new Paragraph({ text: meta.title, heading: HeadingLevel.TITLE, bidirectional: bidirectionalFor(meta.lang) });
}

/** The Charter as Word: clause headings, and each body's Markdown as Word structure and emphasis. */
export async function exportDocx(meta: ExportMeta, clauses: readonly CharterClause[]): Promise<Buffer> {
  const writer = new DocxWriter(null, bidirectionalFor(meta.lang));
  const children = [titleParagraph(meta)];
  for (const clause of clauses) {
    children.push(writer.heading([{ ...EQUAL, text: clause.heading }]));
    children.push(...writer.markdown([{ ...EQUAL, text: clause.body }]));
  }
  return Packer.toBuffer(document(children, meta.lang));
}

/**
 * A DOCX whose changes are real Word tracked changes (w:ins / w:del), each attributed to the
 * author and time of the revision that made it.
 */
export async function exportRedlineDocx(
  meta: ExportMeta,
  clauses: readonly AttributedClause[],
  authors: RevisionAuthors,
): Promise<Buffer> {
  const writer = new DocxWriter(authors);
  const children = [titleParagraph(meta)];
  for (const clause of clauses) {
    children.push(writer.heading(clause.heading));
    children.push(...writer.markdown(clause.body));
  }
  return Packer.toBuffer(document(children));
}

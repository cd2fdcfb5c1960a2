import {
  type CharterClause,
  type CharterLanguage,
  type ClauseDiffDto,
  type DiffOp,
  isRightToLeft,
} from '@concord/shared';
import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import { paragraphsOf } from './paragraphs';
import type { ExportMeta } from './redline-html';
import { plainText } from './markdown-render';

type Run = TextRun | InsertedTextRun | DeletedTextRun;

export interface TrackedChangeAuthor {
  author: string;
  date: string;
}

function document(children: Paragraph[], lang: CharterLanguage = 'en'): Document {
  // Right-to-left scripts: every run right to left (w:rtl) by default; paragraphs carry w:bidi themselves.
  const rightToLeft = isRightToLeft(lang) ? { default: { document: { run: { rightToLeft: true } } } } : undefined;
  return new Document({ creator: 'Concord', styles: rightToLeft, sections: [{ children }] });
}

export async function exportDocx(meta: ExportMeta, clauses: readonly CharterClause[]): Promise<Buffer> {
  // Only right-to-left paragraphs say so: `false` would write an explicit w:bidi into every paragraph.
  const bidirectional = isRightToLeft(meta.lang ?? 'en') ? true : undefined;
  const children = [new Paragraph({ text: meta.title, heading: HeadingLevel.TITLE, bidirectional })];
  for (const clause of clauses) {
    children.push(new Paragraph({ text: clause.heading, heading: HeadingLevel.HEADING_1, bidirectional }));
    for (const paragraph of paragraphsOf(clause.body))
      children.push(new Paragraph({ text: plainText(paragraph), bidirectional }));
  }
  return Packer.toBuffer(document(children, meta.lang));
}

/** Turns ops into Word runs, one paragraph per blank-line break, each change a tracked revision. */
class TrackedRuns {
  private nextId = 1;
  constructor(private readonly change: TrackedChangeAuthor) {}

  run(op: DiffOp['op'], text: string): Run {
    const flat = text.replace(/\s*\n\s*/g, ' ');
    if (op === 'equal') return new TextRun(flat);
    const options = { id: this.nextId++, author: this.change.author, date: this.change.date, text: flat };
    return op === 'insert' ? new InsertedTextRun(options) : new DeletedTextRun(options);
  }

  paragraphs(ops: readonly DiffOp[], heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph[] {
    const result: Paragraph[] = [];
    let runs: Run[] = [];
    const close = (): void => {
      result.push(new Paragraph({ children: runs, heading }));
      runs = [];
    };
    for (const op of ops) {
      op.text.split(/\n[ \t]*\n\s*/).forEach((piece, index) => {
        if (index > 0) close();
        if (piece !== '') runs.push(this.run(op.op, piece));
      });
    }
    if (runs.length > 0 || result.length === 0) close();
    return result;
  }
}

/** A DOCX whose changes are real Word tracked changes (w:ins / w:del), attributed to one author. */
export async function exportRedlineDocx(
  meta: ExportMeta,
  diff: readonly ClauseDiffDto[],
  change: TrackedChangeAuthor,
): Promise<Buffer> {
  const tracked = new TrackedRuns(change);
  const children = [new Paragraph({ text: meta.title, heading: HeadingLevel.TITLE })];
  for (const entry of diff) {
    switch (entry.status) {
      case 'added':
      case 'removed': {
        const op = entry.status === 'added' ? 'insert' : 'delete';
        children.push(...tracked.paragraphs([{ op, text: entry.heading }], HeadingLevel.HEADING_1));
        children.push(...tracked.paragraphs([{ op, text: entry.body ?? '' }]));
        break;
      }
      case 'modified':
        children.push(
          ...tracked.paragraphs(entry.headingOps ?? [{ op: 'equal', text: entry.heading }], HeadingLevel.HEADING_1),
        );
        children.push(...tracked.paragraphs(entry.ops ?? []));
        break;
      case 'moved':
      case 'unchanged':
        children.push(new Paragraph({ text: entry.heading, heading: HeadingLevel.HEADING_1 }));
        for (const paragraph of paragraphsOf(entry.body ?? ''))
          children.push(new Paragraph({ text: plainText(paragraph) }));
        break;
    }
  }
  return Packer.toBuffer(document(children));
}

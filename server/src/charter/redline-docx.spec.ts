import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CharterClause } from '@concord/shared';
import JSZip from 'jszip';
import { diffClauses } from './clause-diff';
import { attributeDiff } from './redline-attribution';
import { exportDocx, exportRedlineDocx } from './redline-docx';
import { exportRedlineHtml, type RevisionAuthors } from './redline-html';

const clause = (id: string, heading: string, body: string): CharterClause => ({ id, heading, body });

/** Clauses that several revisions share unchanged. */
const MEMBERS = clause('members', 'Members', '- Partner countries\n- Observers');
const GONE = clause('gone', 'Gone', 'Removed text.');
const PURPOSE_TWICE = clause('purpose', 'Purpose', 'The network meets twice a year.\n\nIt agrees **priorities**.');
const PROJECTS = clause(
  'projects',
  'Projects',
  '## Selection\n\n1. Needs come *first*.\n2. See [the guide](https://example.org/guide).',
);

interface Revision {
  number: number;
  author: string;
  date: string;
  clauses: CharterClause[];
}
const revision = (number: number, author: string, date: string, clauses: CharterClause[]): Revision => ({
  number,
  author,
  date,
  clauses,
});

/** Four revisions: Ana writes, Ben edits the purpose, Chloé adds a clause and removes another. */
const REVISIONS: Revision[] = [
  revision(1, 'Ana Author', '2026-01-01T10:00:00.000Z', [
    clause('purpose', 'Purpose', 'The network meets once a year.\n\nIt agrees **priorities**.'),
    MEMBERS,
    GONE,
  ]),
  revision(2, 'Ben Builder', '2026-01-02T10:00:00.000Z', [PURPOSE_TWICE, MEMBERS, GONE]),
  revision(3, 'Chloé Chair', '2026-01-03T10:00:00.000Z', [PURPOSE_TWICE, MEMBERS, PROJECTS]),
  revision(4, 'Ana Author', '2026-01-04T10:00:00.000Z', [
    clause('purpose', 'Purpose', 'The network meets twice a year.\n\nIt agrees **priorities** jointly.'),
    MEMBERS,
    PROJECTS,
  ]),
];
const META = { title: 'Charter', revision: 4, author: 'Ana Author', createdAt: '2026-01-04T10:00:00.000Z' };
const authors: RevisionAuthors = (number) => {
  const found = REVISIONS.find((entry) => entry.number === number);
  if (found === undefined) throw new Error(`no revision ${number}`);
  return { author: found.author, date: found.date };
};

function redlineClauses() {
  const first = REVISIONS[0];
  const last = REVISIONS[REVISIONS.length - 1];
  if (first === undefined || last === undefined) throw new Error('no revisions');
  return attributeDiff(diffClauses(first.clauses, last.clauses), REVISIONS);
}

async function documentXml(docx: Buffer): Promise<string> {
  const file = (await JSZip.loadAsync(docx)).file('word/document.xml');
  if (file === null) throw new Error('no word/document.xml');
  return file.async('string');
}

/** Every tracked change in document order: kind, author, date and its text. */
function trackedChanges(xml: string): Array<[string, string, string, string]> {
  const changes: Array<[string, string, string, string]> = [];
  for (const match of xml.matchAll(/<w:(ins|del) ([^>]*)>(.*?)<\/w:\1>/gs)) {
    const attributes = match[2] ?? '';
    const author = /w:author="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const date = /w:date="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const text = [...(match[3] ?? '').matchAll(/<w:(?:t|delText)[^>]*>([^<]*)<\/w:(?:t|delText)>/g)]
      .map((part) => part[1])
      .join('');
    changes.push([match[1] ?? '', author, date, text]);
  }
  return changes;
}

function soffice(args: string[]): void {
  execFileSync('soffice', args, { timeout: 180_000, stdio: 'ignore' });
}

describe('DOCX redline across revisions by three authors', () => {
  let docx: Buffer;
  let xml: string;

  beforeAll(async () => {
    docx = await exportRedlineDocx(META, redlineClauses(), authors);
    xml = await documentXml(docx);
  });

  it('credits each w:ins and w:del to the author and time of the revision that made it', () => {
    expect(trackedChanges(xml)).toEqual([
      ['del', 'Ben Builder', '2026-01-02T10:00:00.000Z', 'once'],
      ['ins', 'Ben Builder', '2026-01-02T10:00:00.000Z', 'twice'],
      ['ins', 'Ana Author', '2026-01-04T10:00:00.000Z', ' jointly'],
      ['del', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'Gone'],
      ['del', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'Removed text.'],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'Projects'],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'Selection'],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'Needs come '],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'first'],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', '.'],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'See '],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', 'the guide'],
      ['ins', 'Chloé Chair', '2026-01-03T10:00:00.000Z', '.'],
    ]);
  });

  it('keeps the Markdown structure and emphasis inside tracked changes', () => {
    expect(xml).toMatch(/<w:b\/>.*priorities/s);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>.*Selection/s);
    expect(xml).toMatch(/<w:pStyle w:val="ListParagraph"\/>.*Partner countries/s);
    expect(xml).toMatch(/<w:numPr>.*Needs come/s);
    expect(xml).toMatch(/<w:i\/>.*first/s);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+".*the guide/s);
    expect(xml).not.toContain('**');
    expect(xml).not.toContain('](');
  });

  it('opens in LibreOffice, which reads the text of both sides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-redline-'));
    try {
      writeFileSync(join(dir, 'redline.docx'), docx);
      soffice(['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'redline.docx')]);
      expect(readFileSync(join(dir, 'redline.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      soffice(['--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'redline.docx')]);
      const text = readFileSync(join(dir, 'redline.txt'), 'utf8');
      expect(text).toContain('Selection');
      expect(text).toContain('the guide');
      expect(text).toContain('priorities');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTML redline', () => {
  it('renders the Markdown and names the revision, author and time on each <ins>/<del>', () => {
    const html = exportRedlineHtml(META, 1, redlineClauses(), authors);
    expect(html).toContain(
      '<del title="Deleted in revision 2 by Ben Builder, 2026-01-02T10:00:00.000Z" data-revision="2" data-author="Ben Builder" datetime="2026-01-02T10:00:00.000Z">once</del>',
    );
    expect(html).toContain('<ins title="Inserted in revision 4 by Ana Author, 2026-01-04T10:00:00.000Z"');
    expect(html).toContain('<strong>priorities</strong>');
    expect(html).toMatch(/<h2><ins [^>]*data-revision="3"[^>]*>Selection<\/ins><\/h2>/);
    expect(html).toContain('<ul>\n<li>Partner countries</li>\n<li>Observers</li>\n</ul>');
    expect(html).toMatch(/<ol>\s*<li><ins [^>]*>Needs come <\/ins><em><ins [^>]*>first<\/ins><\/em>/);
    expect(html).toMatch(
      /<a href="https:\/\/example.org\/guide"><ins [^>]*data-author="Chloé Chair"[^>]*>the guide<\/ins><\/a>/,
    );
    expect(html).not.toContain('**');
  });
});

describe('DOCX export', () => {
  it('writes headings, lists, bold, italic and links as Word structure, not Markdown source', async () => {
    const last = REVISIONS[REVISIONS.length - 1];
    if (last === undefined) throw new Error('no revisions');
    const xml = await documentXml(await exportDocx(META, last.clauses));
    expect(xml).not.toContain('<w:ins ');
    expect(xml).toMatch(/<w:pStyle w:val="ListParagraph"\/>.*Partner countries/s);
    expect(xml).toMatch(/<w:b\/>.*priorities/s);
    expect(xml).toMatch(/<w:hyperlink /);
    expect(xml).not.toMatch(/\*\*|\]\(|^- /m);
  });
});

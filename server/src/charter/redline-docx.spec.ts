import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { diffClauses } from './clause-diff';
import { exportRedlineDocx } from './redline-docx';

function sofficeAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('DOCX redline', () => {
  const from = [
    { id: 'a', heading: 'Purpose', body: 'The network meets once a year.\n\nIt agrees priorities.' },
    { id: 'b', heading: 'Gone', body: 'Removed text.' },
  ];
  const to = [
    { id: 'a', heading: 'Purpose', body: 'The network meets twice a year.\n\nIt agrees priorities.' },
    { id: 'c', heading: 'Added', body: 'New text.' },
  ];
  let docx: Buffer;

  beforeAll(async () => {
    docx = await exportRedlineDocx(
      { title: 'Charter', revision: 2, author: 'Ana Author', createdAt: '2026-01-02T03:04:05.000Z' },
      diffClauses(from, to),
      {
        author: 'Ana Author',
        date: '2026-01-02T03:04:05.000Z',
      },
    );
  });

  it('holds Word tracked changes (w:ins, w:del) by the revision author in word/document.xml', async () => {
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Ana Author"[^>]*w:date="2026-01-02T03:04:05/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Ana Author"/);
    expect(xml).toContain('<w:delText');
    expect(xml).toContain('twice');
    expect(xml).toContain('once');
  });

  it('converts to PDF with LibreOffice when soffice is installed', () => {
    if (!sofficeAvailable()) {
      if (process.env.CI !== undefined)
        throw new Error('soffice must be installed on CI to check the DOCX redline opens');
      console.info('soffice is not installed: skipping the LibreOffice conversion check of the DOCX redline');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'concord-redline-'));
    try {
      writeFileSync(join(dir, 'redline.docx'), docx);
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'redline.docx')], {
        timeout: 120_000,
        stdio: 'ignore',
      });
      const pdf = join(dir, 'redline.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

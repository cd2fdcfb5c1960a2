import type { TranslationFileEntry, TranslationRow } from '@concord/shared';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { DomainError } from '../common/domain-error';

/**
 * Translation files for outside translators, one row or unit per string, keyed by the stable path
 * of the string (`q1.title`, `q1.choices.yes`): an XLSX workbook and XLIFF 2.0. Reading either gives
 * back the key, the source the translator saw and their translation.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLIFF_TYPE = 'application/xliff+xml';
export const TRANSLATION_FORMATS = ['xlsx', 'xliff'] as const;
export type TranslationFormat = (typeof TRANSLATION_FORMATS)[number];

const COLUMNS = ['key', 'source', 'translation', 'status'] as const;
const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

export interface TranslationFileContext {
  sourceLocale: string;
  targetLocale: string;
  /** Names the questionnaire and version in the file, for the translator's orientation. */
  original: string;
}

function invalid(message: string): DomainError {
  return new DomainError('translation_file_invalid', message);
}

export async function writeXlsx(rows: readonly TranslationRow[], context: TranslationFileContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Concord';
  workbook.title = `${context.original} (${context.sourceLocale} → ${context.targetLocale})`;
  const sheet = workbook.addWorksheet(context.targetLocale);
  sheet.columns = [
    { header: 'key', key: 'key', width: 32 },
    { header: 'source', key: 'source', width: 60 },
    { header: 'translation', key: 'translation', width: 60 },
    { header: 'status', key: 'status', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  for (const column of ['source', 'translation'])
    sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
  // Only the translation column is meant to be edited; protecting the rest would stop some tools opening it.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The text of a cell however a spreadsheet program stored it (plain, rich text, a number, a formula result). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value && value.result !== undefined && value.result !== null) return cellText(value.result);
  return '';
}

export async function readXlsx(file: Buffer): Promise<TranslationFileEntry[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalid('The file is not an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw invalid('The workbook has no sheet');
  const header = COLUMNS.map((_column, index) => cellText(sheet.getRow(1).getCell(index + 1).value).trim());
  const expected = COLUMNS.slice(0, 3);
  if (expected.some((column, index) => header[index] !== column)) {
    throw invalid(
      `The first sheet must start with the columns ${expected.join(', ')}; found ${header.slice(0, 3).join(', ')}`,
    );
  }
  const entries: TranslationFileEntry[] = [];
  const seen = new Set<string>();
  for (let index = 2; index <= sheet.rowCount; index++) {
    const row = sheet.getRow(index);
    const key = cellText(row.getCell(1).value).trim();
    if (key === '') continue;
    if (seen.has(key)) throw invalid(`Row ${index} repeats the key "${key}"`);
    seen.add(key);
    entries.push({ key, source: cellText(row.getCell(2).value), translation: cellText(row.getCell(3).value) });
  }
  return entries;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[character]};`);
}

/** XLIFF 2.0 core: one unit per string, named by its key; the status travels as a note. */
export function writeXliff(rows: readonly TranslationRow[], context: TranslationFileContext): string {
  const units = rows.map((row, index) => {
    const target = row.translation === '' ? '' : `\n        <target>${escapeXml(row.translation)}</target>`;
    const state = row.status === 'done' ? 'translated' : 'initial';
    return [
      `    <unit id="u${index + 1}" name="${escapeXml(row.key)}">`,
      `      <notes><note category="status">${row.status}</note></notes>`,
      `      <segment state="${state}">`,
      `        <source>${escapeXml(row.source)}</source>${target}`,
      '      </segment>',
      '    </unit>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${escapeXml(context.sourceLocale)}" trgLang="${escapeXml(context.targetLocale)}">`,
    `  <file id="f1" original="${escapeXml(context.original)}">`,
    ...units,
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

/**
 * Reads the units back. A strict XML parser without DTD support: entity declarations, which could
 * expand without bound, are refused. Inline codes a tool may add inside source or target keep their text.
 */
export function readXliff(file: Buffer | string, targetLocale: string): TranslationFileEntry[] {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const entries: TranslationFileEntry[] = [];
  const seen = new Set<string>();
  let rootSeen = false;
  let unit: { key: string; source: string; target: string } | null = null;
  let capture: 'source' | 'target' | null = null;
  // The first problem found; the parser's callbacks set it, so it is held in an object.
  const outcome: { error: DomainError | null } = { error: null };
  const fail = (message: string): void => {
    outcome.error ??= invalid(message);
  };
  parser.on('doctype', () => fail('The XLIFF file must not declare a DOCTYPE'));
  parser.on('opentag', (tag) => {
    if (!rootSeen) {
      rootSeen = true;
      if (tag.local !== 'xliff' || tag.uri !== XLIFF_NS)
        return fail('The file is not XLIFF 2.0 (no xliff root element)');
      const version = tag.attributes.version;
      if (version === undefined || typeof version === 'string' || version.value !== '2.0')
        return fail('The file is not XLIFF 2.0 (version must be "2.0")');
      const target = tag.attributes.trgLang;
      if (target !== undefined && typeof target !== 'string' && target.value !== targetLocale) {
        return fail(`The file translates into "${target.value}", not "${targetLocale}"`);
      }
      return;
    }
    if (tag.local === 'unit') {
      const name = tag.attributes.name;
      const id = tag.attributes.id;
      const key = typeof name === 'object' ? name.value : typeof id === 'object' ? id.value : '';
      unit = { key, source: '', target: '' };
    } else if (unit !== null && (tag.local === 'source' || tag.local === 'target')) {
      capture = tag.local;
    }
  });
  parser.on('text', (text) => {
    if (unit !== null && capture !== null) unit[capture] += text;
  });
  parser.on('cdata', (text) => {
    if (unit !== null && capture !== null) unit[capture] += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'source' || tag.local === 'target') capture = null;
    else if (tag.local === 'unit' && unit !== null) {
      if (unit.key === '') fail('A unit has no name');
      else if (seen.has(unit.key)) fail(`The unit "${unit.key}" appears twice`);
      seen.add(unit.key);
      entries.push({ key: unit.key, source: unit.source, translation: unit.target });
      unit = null;
    }
  });
  try {
    parser.write(typeof file === 'string' ? file : file.toString('utf8')).close();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : 'parse error';
    throw invalid(`The XLIFF file is not well-formed XML: ${message}`);
  }
  if (outcome.error !== null) throw outcome.error;
  if (!rootSeen) throw invalid('The file is empty');
  return entries;
}

import { EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TallyResult } from '@concord/shared';
import ExcelJS from 'exceljs';
import type { DataSource, EntityManager } from 'typeorm';
import type { Campaign } from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { type ExportedResponseRow, filteredResponsesAfter, type ResponseFilter } from '../responses';
import { csvDocument, csvStringifier, defuseFormula } from './csv';
import {
  type CellValue,
  CODEBOOK_HEADER,
  cellValue,
  codebookRows,
  type ExportColumn,
  exportColumns,
  type ResponseMeta,
  uniqueColumnKeys,
} from './export-columns';
import { type DerivedColumnSet, ExportColumnProviders, placeDerivedColumns } from './export-extensions';
import { QuestionPlansService } from './question-plans.service';
import { SpssColumnStats, spssExportPlan } from './spss-export';
import { SpssWriter } from './spss-writer';
import { TALLY_EXPORT_HEADER, tallyExportRows } from './tally-export';
import { parseTallyQuery, type ParsedFilters } from './tally-query';
import { responseFilter } from './tally-sql';
import { ANALYSIS_EDITORS, TallyService } from './tally.service';

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'sav';
const BATCH = 2_000;
/** Tally options that shape figures, not which responses count: they mean nothing for a row export. */
const TALLY_ONLY_PARAMETERS = ['groupBy', 'weighting', 'minCellSize'];
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sav: 'application/x-spss-sav',
};

/** Which responses an export reads, and the code of each network they name. */
interface ResponseSelection {
  filter: ResponseFilter;
  networkCodes: ReadonlyMap<string, string>;
}

/** An export checked and ready to write: nothing is sent before `write` is called. */
export interface ResponseExport {
  contentType: string;
  filename: string;
  write(target: ExportTarget): Promise<void>;
}

type Query = EntityManager['query'];

/** Where an export goes: an HTTP response or any other writable stream. */
export interface ExportTarget extends Writable {
  setHeader?(name: string, value: string): unknown;
}

/**
 * Waits until `stream` emits 'drain', or fails if `target` (the HTTP response) closes first: a
 * client that goes away must end the export, not leave it waiting for a 'drain' that never comes.
 */
async function drained(stream: EventEmitter, target: Writable): Promise<void> {
  if (target.destroyed) throw new Error('Export target closed');
  const abort = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: abort.signal }),
      once(target, 'close', { signal: abort.signal }).then(() => {
        throw new Error('Export target closed');
      }),
    ]);
  } finally {
    abort.abort();
  }
}

async function write(target: Writable, chunk: string | Buffer): Promise<void> {
  if (!target.write(chunk)) await drained(target, target);
}

/** The part of a (readable-stream 2) writable the export looks at. */
interface ZipInput extends EventEmitter {
  _writableState: { needDrain: boolean };
}

/**
 * exceljs writes each sheet's XML into the zip through an internal PassThrough whose writes ignore
 * backpressure: when rows are produced faster than they are deflated and sent, the XML piles up
 * there (hundreds of MB for a million rows). This is that PassThrough, so the export can wait for
 * it to drain between batches; the zip reads it only as fast as the HTTP response takes the zip's
 * output, so a slow client slows the database reads too.
 */
function zipInput(sheet: ExcelJS.Worksheet): ZipInput {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const input: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const state = (input as Partial<ZipInput> | undefined)?._writableState;
  if (!(input instanceof EventEmitter) || typeof state?.needDrain !== 'boolean')
    throw new Error('exceljs internals changed: the sheet stream has no zip input to wait on');
  return input as ZipInput;
}

function xlsxCell(value: CellValue): CellValue {
  return typeof value === 'string' ? defuseFormula(value) : value;
}

/** A header row that reads as one: bold, and kept in view (the sheet is created frozen below it). */
function addHeaderRow(sheet: ExcelJS.Worksheet, header: readonly string[]): void {
  const row = sheet.addRow([...header]);
  row.font = { bold: true };
  row.commit();
}

function frozenSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
}

/** Exports stream: responses are read in keyset batches and written as they come, never all held. */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
    private readonly tallies: TallyService,
    private readonly providers: ExportColumnProviders,
  ) {}

  /**
   * Reads an export's query: `labels` (absent → raw values; a locale → choice labels in it) and
   * the tally filters, read by the tallies' own parser so both always agree on every filter.
   */
  parseExportQuery(query: Record<string, unknown>): { locale: string | null; filters: ParsedFilters } {
    const { labels, ...all } = query;
    // Parameters of the registered column providers are theirs to check.
    const theirs = this.providers.parameters();
    const rest = Object.fromEntries(Object.entries(all).filter(([key]) => !theirs.has(key)));
    for (const key of TALLY_ONLY_PARAMETERS)
      if (rest[key] !== undefined) throw new DomainError('bad_request', `${key} does not apply to response exports`);
    const filters = parseTallyQuery(rest).filters;
    if (labels === undefined) return { locale: null, filters };
    if (typeof labels !== 'string' || !/^(default|[a-z]{2}(-[A-Za-z]{2})?)$/.test(labels)) {
      throw new DomainError('bad_request', 'labels must be a locale code such as en, fr, ru or ar, or default');
    }
    return { locale: labels, filters };
  }

  async columnsFor(
    actor: Actor,
    campaignId: string,
    query: Record<string, unknown> = {},
  ): Promise<{ columns: ExportColumn[]; version: number; campaign: Campaign; derived: DerivedColumnSet[] }> {
    const campaign = await this.tallies.campaign(actor, campaignId);
    const [plan] = await this.plans.plansFor([campaign.surveyVersionId]);
    const questions = plan?.plan.questions ?? [];
    const derived: DerivedColumnSet[] = [];
    const extra: ExportColumn[] = [];
    for (const provider of this.providers.list()) {
      const set = await provider.columns(actor, campaign, query);
      if (set === null || set.columns.length === 0) continue;
      const index = derived.push(set) - 1;
      for (const column of set.columns)
        extra.push({ ...column, derived: { set: index, id: column.derived?.id ?? column.key } });
    }
    const columns = uniqueColumnKeys(placeDerivedColumns(exportColumns(questions, [campaign.version]), extra));
    return { columns, version: campaign.version, campaign, derived };
  }

  /**
   * The responses a filtered export reads. The one place exports apply the tally filters: the
   * conditions are the tallies' own, so an export holds exactly the responses its tally counts.
   */
  private async selection(campaign: Campaign, filters: ParsedFilters): Promise<ResponseSelection> {
    const resolved = await this.tallies.resolve(
      { groupBy: null, weighting: 'pooled', minCellSize: null, filters },
      [campaign.id],
      [campaign.surveyVersionId],
      campaign.id,
    );
    return {
      filter: responseFilter(resolved.scope, filters),
      networkCodes: new Map(resolved.networks.map((network) => [network.id, network.code])),
    };
  }

  /** The selected responses in keyset batches of BATCH, ordered by id. */
  async *batches(manager: EntityManager, selection: ResponseSelection): AsyncGenerator<ExportedResponseRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await filteredResponsesAfter(manager, selection.filter, after, BATCH);
      if (rows.length === 0) return;
      yield rows;
      const last = rows[rows.length - 1];
      if (rows.length < BATCH || last === undefined) return;
      after = last.id;
    }
  }

  /**
   * The code of a response's network. The codes were read with the filters, before the rows: a
   * network added since (its responses can follow in a later batch) shows by its id.
   */
  private networkCode(selection: ResponseSelection, response: ExportedResponseRow): string {
    return selection.networkCodes.get(response.network_id) ?? response.network_id;
  }

  private row(
    columns: readonly ExportColumn[],
    version: number,
    network: string,
    response: ExportedResponseRow,
    locale: string | null,
    derivedCells: ReadonlyArray<Map<string, Map<string, CellValue>>>,
  ): CellValue[] {
    const meta: ResponseMeta = {
      id: response.id,
      network,
      country: response.country,
      role: response.role,
      language: response.language,
      version,
      status: response.status,
      completedAt: response.completed_at === null ? null : new Date(response.completed_at),
    };
    return columns.map((column) =>
      column.derived === undefined
        ? cellValue(column, meta, response.data, locale)
        : (derivedCells[column.derived.set]?.get(response.id)?.get(column.derived.id) ?? null),
    );
  }

  private async *rowBatches(
    manager: EntityManager,
    selection: ResponseSelection,
    columns: readonly ExportColumn[],
    version: number,
    locale: string | null,
    derived: readonly DerivedColumnSet[],
  ): AsyncGenerator<CellValue[][]> {
    // Derived cells are read batch by batch through the same manager, so they share its snapshot.
    const read: Query = (sql, parameters) => manager.query(sql, parameters);
    for await (const batch of this.batches(manager, selection)) {
      const ids = batch.map((response) => response.id);
      const derivedCells = await Promise.all(derived.map((set) => set.cells(read, ids)));
      yield batch.map((response) =>
        this.row(columns, version, this.networkCode(selection, response), response, locale, derivedCells),
      );
    }
  }

  /** Checks access and the query (a 4xx before anything is sent), then returns the export to write. */
  async prepareResponseExport(
    actor: Actor,
    campaignId: string,
    format: ExportFormat,
    query: Record<string, unknown>,
  ): Promise<ResponseExport> {
    // Rows name who answered (their network, country and role): the committee reads tallies only.
    requireRole(actor, ANALYSIS_EDITORS);
    const { locale, filters } = this.parseExportQuery(query);
    const { columns, version, campaign, derived } = await this.columnsFor(actor, campaignId, query);
    const selection = await this.selection(campaign, filters);
    const rows = (read: EntityManager, rowLocale: string | null): AsyncGenerator<CellValue[][]> =>
      this.rowBatches(read, selection, columns, version, rowLocale, derived);
    const read = this.dataSource.manager;
    const write = async (target: ExportTarget): Promise<void> => {
      switch (format) {
        case 'csv':
          return await writeCsv(target, [columns.map((column) => column.key)], rows(read, locale));
        case 'json':
          return await writeJson(target, columns, rows(read, locale));
        case 'xlsx':
          return await writeXlsx(target, columns, rows(read, locale));
        case 'sav':
          // Both passes (widths first, then cases) read one snapshot, so the header fits every case.
          return await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
            await writeSav(target, columns, campaign.name, locale, () => rows(manager, null));
          });
      }
    };
    return { contentType: CONTENT_TYPES[format], filename: `responses-${campaign.id}.${format}`, write };
  }

  async exportResponses(
    actor: Actor,
    campaignId: string,
    format: ExportFormat,
    query: Record<string, unknown>,
    target: ExportTarget,
  ): Promise<void> {
    const prepared = await this.prepareResponseExport(actor, campaignId, format, query);
    target.setHeader?.('Content-Type', prepared.contentType);
    target.setHeader?.('Content-Disposition', `attachment; filename="${prepared.filename}"`);
    await prepared.write(target);
  }

  async codebookCsv(actor: Actor, campaignId: string): Promise<string> {
    const { columns } = await this.columnsFor(actor, campaignId);
    return csvDocument([[...CODEBOOK_HEADER], ...codebookRows(columns)]);
  }

  /** Computes the tallies (access and query checked: a 4xx before anything is sent), then returns the file to write. */
  async prepareTallyExport(
    actor: Actor,
    campaignId: string,
    format: 'csv' | 'xlsx',
    query: Record<string, unknown>,
  ): Promise<ResponseExport> {
    const result: TallyResult = await this.tallies.campaignTallies(actor, campaignId, query);
    const rows = tallyExportRows(result);
    const name = `tallies-${campaignId}`;
    if (format === 'csv') {
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: `${name}.csv`,
        write: async (target) => {
          await write(target, csvDocument([[...TALLY_EXPORT_HEADER], ...rows]));
          target.end();
        },
      };
    }
    return {
      contentType: CONTENT_TYPES.xlsx,
      filename: `${name}.xlsx`,
      write: async (target) => {
        const workbook = streamedWorkbook(target);
        const sheet = frozenSheet(workbook, 'Tallies');
        addHeaderRow(sheet, TALLY_EXPORT_HEADER);
        for (const row of rows) sheet.addRow(row.map(xlsxCell)).commit();
        sheet.commit();
        await workbook.commit();
      },
    };
  }
}

/** An XLSX workbook streamed to the target as it is written (no shared strings to hold). */
function streamedWorkbook(target: ExportTarget): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: target, useSharedStrings: false, useStyles: true });
}

async function writeCsv(target: ExportTarget, header: string[][], rows: AsyncIterable<CellValue[][]>): Promise<void> {
  const csv = csvStringifier();
  csv.pipe(target);
  const put = async (records: CellValue[][]): Promise<void> => {
    let flowing = true;
    for (const record of records) flowing = csv.write(record) && flowing;
    if (!flowing) await drained(csv, target);
  };
  await put(header);
  for await (const batch of rows) await put(batch);
  csv.end();
}

async function writeJson(
  target: ExportTarget,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<CellValue[][]>,
): Promise<void> {
  let first = true;
  await write(target, '[');
  for await (const batch of rows) {
    const text = batch
      .map((values) => {
        const record = Object.fromEntries(columns.map((column, index) => [column.key, values[index]]));
        const line = `${first ? '' : ','}\n${JSON.stringify(record)}`;
        first = false;
        return line;
      })
      .join('');
    await write(target, text);
  }
  await write(target, '\n]\n');
  target.end();
}

async function writeXlsx(
  target: ExportTarget,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<CellValue[][]>,
): Promise<void> {
  const workbook = streamedWorkbook(target);
  const sheet = frozenSheet(workbook, 'Responses');
  addHeaderRow(
    sheet,
    columns.map((column) => column.key),
  );
  const dateColumns = columns.flatMap((column, index) => (column.valueType === 'date' ? [index + 1] : []));
  const input = zipInput(sheet);
  // The next batch is read only once the rows before it have gone into the zip.
  for await (const batch of rows) {
    for (const values of batch) {
      const row = sheet.addRow(values.map(xlsxCell));
      for (const index of dateColumns) row.getCell(index).numFmt = DATE_FORMAT;
      row.commit();
    }
    if (input._writableState.needDrain) await drained(input, target);
  }
  sheet.commit();
  const codebook = frozenSheet(workbook, 'Codebook');
  addHeaderRow(codebook, CODEBOOK_HEADER);
  for (const line of codebookRows(columns)) codebook.addRow(line.map(xlsxCell)).commit();
  codebook.commit();
  await workbook.commit();
}

async function writeSav(
  target: ExportTarget,
  columns: readonly ExportColumn[],
  fileLabel: string,
  locale: string | null,
  rows: () => AsyncIterable<CellValue[][]>,
): Promise<void> {
  const stats = new SpssColumnStats(columns.length);
  let count = 0;
  for await (const batch of rows()) {
    for (const values of batch) stats.observe(values);
    count += batch.length;
  }
  const plan = spssExportPlan(columns, stats, locale);
  const writer = new SpssWriter({
    variables: plan.variables,
    fileLabel,
    createdAt: new Date(),
    caseCount: count,
    compressed: true,
  });
  await write(target, writer.header());
  for await (const batch of rows()) await write(target, writer.cases(batch.map((values) => plan.toCase(values))));
  await write(target, writer.end());
  target.end();
}

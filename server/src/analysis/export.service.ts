import { EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TallyResult } from '@concord/shared';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { csvLine, defuseFormula, UTF8_BOM } from './csv';
import {
  type CellValue,
  CODEBOOK_HEADER,
  cellValue,
  codebookRows,
  type ExportColumn,
  exportColumns,
  type ResponseMeta,
} from './export-columns';
import { QuestionPlansService } from './question-plans.service';
import { TALLY_EXPORT_HEADER, tallyExportRows } from './tally-export';
import { ANALYSIS_EDITORS, TallyService } from './tally.service';

export type ExportFormat = 'csv' | 'xlsx' | 'json';
const BATCH = 2_000;

interface ResponseRow {
  id: string;
  network: string;
  country: string | null;
  role: string | null;
  language: string | null;
  completed_at: Date | null;
  data: Record<string, unknown>;
}

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

async function write(target: Writable, chunk: string): Promise<void> {
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

/** Exports stream: responses are read in keyset batches and written as they come, never all held. */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
    private readonly tallies: TallyService,
  ) {}

  /** Parses `labels`: absent → raw values; a locale code → choice labels in that locale. */
  parseLabels(query: Record<string, unknown>): string | null {
    for (const key of Object.keys(query))
      if (key !== 'labels') throw new DomainError('bad_request', `Unknown query parameter: ${key}`);
    const labels = query.labels;
    if (labels === undefined) return null;
    if (typeof labels !== 'string' || !/^(default|[a-z]{2}(-[A-Za-z]{2})?)$/.test(labels)) {
      throw new DomainError('bad_request', 'labels must be a locale code such as en, fr, ru or ar, or default');
    }
    return labels;
  }

  async columnsFor(
    actor: Actor,
    campaignId: string,
  ): Promise<{ columns: ExportColumn[]; version: number; campaignId: string }> {
    const campaign = await this.tallies.campaign(actor, campaignId);
    const [plan] = await this.plans.plansFor([campaign.surveyVersionId]);
    const questions = plan?.plan.questions ?? [];
    return {
      columns: exportColumns(questions, [campaign.version]),
      version: campaign.version,
      campaignId: campaign.id,
    };
  }

  async *batches(campaignId: string): AsyncGenerator<ResponseRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<ResponseRow[]>(
        `SELECT r.id, n.code AS network, r.country, r.role, r.language, r.completed_at, r.data
           FROM responses r JOIN networks n ON n.id = r.network_id
          WHERE r.campaign_id = $1 AND r.status = 'complete' AND r.id > $2
          ORDER BY r.id LIMIT $3`,
        [campaignId, after, BATCH],
      );
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }

  private row(
    columns: readonly ExportColumn[],
    version: number,
    response: ResponseRow,
    locale: string | null,
  ): CellValue[] {
    const meta: ResponseMeta = {
      id: response.id,
      network: response.network,
      country: response.country,
      role: response.role,
      language: response.language,
      version,
      completedAt: response.completed_at === null ? null : new Date(response.completed_at).toISOString(),
    };
    return columns.map((column) => cellValue(column, meta, response.data, locale));
  }

  async exportResponses(
    actor: Actor,
    campaignId: string,
    format: ExportFormat,
    query: Record<string, unknown>,
    target: ExportTarget,
  ): Promise<void> {
    requireRole(actor, ANALYSIS_EDITORS);
    const locale = this.parseLabels(query);
    const { columns, version } = await this.columnsFor(actor, campaignId);
    const name = `responses-${campaignId}`;
    switch (format) {
      case 'csv':
        target.setHeader?.('Content-Type', 'text/csv; charset=utf-8');
        target.setHeader?.('Content-Disposition', `attachment; filename="${name}.csv"`);
        await write(target, UTF8_BOM + csvLine(columns.map((column) => column.key)));
        for await (const batch of this.batches(campaignId)) {
          await write(target, batch.map((response) => csvLine(this.row(columns, version, response, locale))).join(''));
        }
        target.end();
        return;
      case 'json': {
        target.setHeader?.('Content-Type', 'application/json; charset=utf-8');
        target.setHeader?.('Content-Disposition', `attachment; filename="${name}.json"`);
        let first = true;
        await write(target, '[');
        for await (const batch of this.batches(campaignId)) {
          const text = batch
            .map((response) => {
              const values = this.row(columns, version, response, locale);
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
        return;
      }
      case 'xlsx': {
        const workbook = streamedWorkbook(target, name);
        const sheet = workbook.addWorksheet('Responses');
        sheet.addRow(columns.map((column) => column.key)).commit();
        const input = zipInput(sheet);
        // The next batch is read only once the rows before it have gone into the zip.
        for await (const batch of this.batches(campaignId)) {
          for (const response of batch)
            sheet.addRow(this.row(columns, version, response, locale).map(xlsxCell)).commit();
          if (input._writableState.needDrain) await drained(input, target);
        }
        sheet.commit();
        const codebook = workbook.addWorksheet('Codebook');
        codebook.addRow([...CODEBOOK_HEADER]).commit();
        for (const line of codebookRows(columns)) codebook.addRow(line.map(xlsxCell)).commit();
        codebook.commit();
        await workbook.commit();
        return;
      }
    }
  }

  async codebookCsv(actor: Actor, campaignId: string): Promise<string> {
    const { columns } = await this.columnsFor(actor, campaignId);
    return UTF8_BOM + csvLine([...CODEBOOK_HEADER]) + codebookRows(columns).map(csvLine).join('');
  }

  async exportTallies(
    actor: Actor,
    campaignId: string,
    format: 'csv' | 'xlsx',
    query: Record<string, unknown>,
    target: ExportTarget,
  ): Promise<void> {
    const result: TallyResult = await this.tallies.campaignTallies(actor, campaignId, query);
    const rows = tallyExportRows(result);
    const name = `tallies-${campaignId}`;
    if (format === 'csv') {
      target.setHeader?.('Content-Type', 'text/csv; charset=utf-8');
      target.setHeader?.('Content-Disposition', `attachment; filename="${name}.csv"`);
      await write(target, UTF8_BOM + csvLine([...TALLY_EXPORT_HEADER]) + rows.map(csvLine).join(''));
      target.end();
      return;
    }
    const workbook = streamedWorkbook(target, name);
    const sheet = workbook.addWorksheet('Tallies');
    sheet.addRow([...TALLY_EXPORT_HEADER]).commit();
    for (const row of rows) sheet.addRow(row.map(xlsxCell)).commit();
    sheet.commit();
    await workbook.commit();
  }
}

/** An XLSX workbook streamed to the response as it is written (no shared strings or styles to hold). */
function streamedWorkbook(target: ExportTarget, name: string): ExcelJS.stream.xlsx.WorkbookWriter {
  target.setHeader?.('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  target.setHeader?.('Content-Disposition', `attachment; filename="${name}.xlsx"`);
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: target, useSharedStrings: false, useStyles: false });
}

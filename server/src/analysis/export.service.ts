import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TallyResult } from '@concord/shared';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
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
import { TallyService } from './tally.service';

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

async function write(target: Writable, chunk: string): Promise<void> {
  if (!target.write(chunk)) await once(target, 'drain');
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
        target.setHeader?.('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        target.setHeader?.('Content-Disposition', `attachment; filename="${name}.xlsx"`);
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
          stream: target,
          useSharedStrings: false,
          useStyles: false,
        });
        const sheet = workbook.addWorksheet('Responses');
        sheet.addRow(columns.map((column) => column.key)).commit();
        for await (const batch of this.batches(campaignId)) {
          for (const response of batch)
            sheet.addRow(this.row(columns, version, response, locale).map(xlsxCell)).commit();
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
    target.setHeader?.('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    target.setHeader?.('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: target,
      useSharedStrings: false,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet('Tallies');
    sheet.addRow([...TALLY_EXPORT_HEADER]).commit();
    for (const row of rows) sheet.addRow(row.map(xlsxCell)).commit();
    sheet.commit();
    await workbook.commit();
  }
}

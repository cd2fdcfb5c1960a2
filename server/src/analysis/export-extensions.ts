import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import type { CellValue, ExportColumn } from './export-columns';

/** Runs one SQL statement: the export's own reader (inside its snapshot for SPSS's two passes). */
export type ExportQuery = EntityManager['query'];

/** The campaign a response export is made of, as a column provider sees it. */
export interface ExportCampaign {
  id: string;
  surveyId: string;
  surveyVersionId: string;
  version: number;
}

/**
 * Columns another feature adds to a campaign's response export. Each column's `derived` names it
 * within the set; `question` is the question whose columns it follows (or the end of the row).
 */
export interface DerivedColumnSet {
  columns: ExportColumn[];
  /**
   * The cells of a batch of responses: response id → derived column id → value. A response or a
   * column left out reads as empty (null).
   */
  cells(read: ExportQuery, responseIds: readonly string[]): Promise<Map<string, Map<string, CellValue>>>;
}

/** A feature that derives export columns from the responses (the coding feature's themes). */
export interface ExportColumnProvider {
  /** Query parameters this provider reads on a response export, beside the tally filters. */
  readonly parameters: readonly string[];
  /** Checks its parameters (a 4xx before anything is sent) and returns its columns, or null for none. */
  columns(actor: Actor, campaign: ExportCampaign, query: Record<string, unknown>): Promise<DerivedColumnSet | null>;
}

/**
 * Where features that depend on analysis register their export columns at module start-up, so
 * the export can carry them without analysis importing those features (which would be a cycle).
 */
@Injectable()
export class ExportColumnProviders {
  private readonly providers: ExportColumnProvider[] = [];

  register(provider: ExportColumnProvider): void {
    this.providers.push(provider);
  }

  list(): readonly ExportColumnProvider[] {
    return this.providers;
  }

  /** Every parameter some provider reads. */
  parameters(): Set<string> {
    return new Set(this.providers.flatMap((provider) => provider.parameters));
  }
}

/**
 * The base columns with each derived column placed after the last column of its question (a
 * column whose question has none goes to the end), in the order the sets list them.
 */
export function placeDerivedColumns(base: readonly ExportColumn[], derived: readonly ExportColumn[]): ExportColumn[] {
  const after = new Map<number, ExportColumn[]>();
  const atEnd: ExportColumn[] = [];
  for (const column of derived) {
    let last = -1;
    base.forEach((candidate, index) => {
      if (candidate.holds !== 'meta' && candidate.question === column.question) last = index;
    });
    if (last === -1) atEnd.push(column);
    else after.set(last, [...(after.get(last) ?? []), column]);
  }
  return [...base.flatMap((column, index) => [column, ...(after.get(index) ?? [])]), ...atEnd];
}

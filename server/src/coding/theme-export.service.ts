import { Injectable } from '@nestjs/common';
import type { CellValue, DerivedColumnSet, ExportCampaign, ExportColumnProvider, ExportQuery } from '../analysis';
import type { Actor } from '../common/actor';
import { CodingRepository } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';
import { themeColumns, type ThemeColumnSource } from './theme-export-columns';
import { parseCoderPolicy } from './theme-tallies.service';

/**
 * The theme columns of a campaign's response export: for each theme of each free-text question
 * the campaign asks, 1 when the answer's reviewed coding carries the theme, 0 when it was coded
 * without it, empty when nobody has coded the answer (yet). Whose codings count follows the
 * theme tallies: any coder's (a theme given by any coder counts), or one coder's with `coder=`.
 */
@Injectable()
export class ThemeExportService implements ExportColumnProvider {
  readonly parameters = ['coder'] as const;

  constructor(
    private readonly repository: CodingRepository,
    private readonly sources: CodingSourcesService,
  ) {}

  async columns(
    actor: Actor,
    campaign: ExportCampaign,
    query: Record<string, unknown>,
  ): Promise<DerivedColumnSet | null> {
    const policy = parseCoderPolicy(query.coder);
    const questions = await this.sources.campaignQuestions(actor, await this.sources.campaign(campaign.id));
    const themes = await this.repository.listThemes(campaign.surveyId, null, false);
    const sources: ThemeColumnSource[] = questions.map((question) => ({
      name: question.name,
      question: question.question,
      title: question.title,
      themes: themes
        .filter(({ theme }) => theme.question === question.name)
        .map(({ theme }) => ({ id: theme.id, name: theme.name, position: theme.position })),
    }));
    const columns = themeColumns(sources, [campaign.version]);
    if (columns.length === 0) return null;
    const coded = sources.filter((source) => source.themes.length > 0);
    const names = coded.map((source) => source.name);
    return {
      columns,
      cells: async (read: ExportQuery, responseIds: readonly string[]) => {
        const rows = await this.repository.reviewedCodingsOf(read, campaign.id, names, responseIds, policy);
        const given = new Map<string, Set<string>>();
        for (const row of rows) {
          const key = `${row.responseId}\u0001${row.question}`;
          let themeIds = given.get(key);
          if (themeIds === undefined) given.set(key, (themeIds = new Set()));
          if (row.themeId !== null) themeIds.add(row.themeId);
        }
        const cells = new Map<string, Map<string, CellValue>>();
        for (const [key, themeIds] of given) {
          const [responseId = '', question = ''] = key.split('\u0001');
          let row = cells.get(responseId);
          if (row === undefined) cells.set(responseId, (row = new Map<string, CellValue>()));
          for (const theme of coded.find((source) => source.name === question)?.themes ?? [])
            row.set(`${question}\u0001${theme.id}`, themeIds.has(theme.id) ? 1 : 0);
        }
        return cells;
      },
    };
  }
}

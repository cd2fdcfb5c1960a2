// The analysis feature's public surface: other features import from here only.
export { AnalysisModule } from './analysis.module';
export type { DerivedQuestion } from './derived-tally';
export { parseTallyQuery, type RawQuery } from './tally-query';
export { TallyService } from './tally.service';
export type { CellValue, ExportColumn } from './export-columns';
export {
  type DerivedColumnSet,
  type ExportCampaign,
  type ExportColumnProvider,
  ExportColumnProviders,
  type ExportQuery,
} from './export-extensions';
export { forgetTallies, holdFoldUntilCommit } from './pending-change-records';

// The analysis feature's public surface: other features import from here only.
export { AnalysisModule } from './analysis.module';
export type { DerivedQuestion } from './derived-tally';
export { parseTallyQuery, type RawQuery } from './tally-query';
export { TallyService } from './tally.service';
export { forgetPendingChanges } from './pending-change-records';

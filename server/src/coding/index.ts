// The coding feature's public surface: other features import from here only.
export { CodingModule } from './coding.module';
export { CodingsService } from './codings.service';
export { ThemesService } from './themes.service';
export type { CoderPolicy } from './coding.repository';
export { EvidenceQuotesService, type QuoteCheck } from './evidence-quotes.service';
export { ThemeTalliesService } from './theme-tallies.service';
export { usersWhoCoded } from './coder-records';

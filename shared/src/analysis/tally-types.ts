/** Tally shapes shared by the analysis API and the client. */

export const TALLY_GROUP_BY = ['network', 'country', 'role'] as const;
export type TallyGroupBy = (typeof TALLY_GROUP_BY)[number];

/** `regional` adds the network-weighted figures beside the pooled ones. */
export const TALLY_WEIGHTINGS = ['pooled', 'regional'] as const;
export type TallyWeighting = (typeof TALLY_WEIGHTINGS)[number];

/** How a question is counted. */
export type TallyKind = 'choice' | 'multi' | 'numeric' | 'ranking' | 'matrix' | 'matrixcells' | 'text';

export interface ChoiceCount {
  value: string;
  /** Default-locale label from the definition; the value itself when the definition has none. */
  label: string;
  count: number;
  /** count / answered: share of answers (single choice) or of respondents (multiple choice). */
  share: number | null;
  /** Cross-version tallies: the versions that offered this choice. */
  versions?: number[];
}

export interface RankItem {
  value: string;
  label: string;
  /** Mean position (1 = first) among respondents who ranked it. */
  meanRank: number | null;
  firstPlace: number;
  n: number;
}

/** One matrix row (simple matrix) or one row × column cell (matrix dropdown / dynamic). */
export interface MatrixCell {
  row: string;
  rowLabel: string;
  column?: string;
  columnLabel?: string;
  answered: number;
  choices?: ChoiceCount[];
  mean?: number | null;
  median?: number | null;
}

/** The numbers of one question for one set of responses. */
export interface QuestionFigures {
  answered: number;
  skipped: number;
  choices?: ChoiceCount[];
  mean?: number | null;
  median?: number | null;
  min?: number | null;
  max?: number | null;
  items?: RankItem[];
  rows?: MatrixCell[];
}

/** A group's figures; a group smaller than the suppression threshold shows none of them. */
export interface GroupFigures extends Partial<QuestionFigures> {
  responses: number;
  suppressed: boolean;
}

/** Every network counts equally: the mean over networks of each network's shares and means. */
export interface WeightedFigures {
  networks: number;
  choices?: Array<{ value: string; share: number | null }>;
  mean?: number | null;
  items?: Array<{ value: string; meanRank: number | null }>;
}

export interface QuestionTally extends QuestionFigures {
  name: string;
  type: string;
  kind: TallyKind;
  title: string;
  /** Enclosing dynamic panel: its nested questions are tallied over all panels. */
  panel?: string;
  groups?: Record<string, GroupFigures>;
  weighted?: WeightedFigures;
  /** Cross-version tallies: versions that asked the question. */
  versions?: number[];
  /** The whole result is below the suppression threshold: no figures. */
  suppressed?: boolean;
  /** Cross-version tallies: the title differs between versions. */
  reworded?: boolean;
  titles?: Array<{ version: number; title: string }>;
}

export interface TallyFilters {
  network?: string[];
  country?: string[];
  role?: string[];
  language?: string[];
  version?: number[];
  from?: string;
  to?: string;
  answers?: Record<string, string[]>;
  includePartial: boolean;
}

export interface TallyResult {
  /** ISO time: every response committed before it is counted. */
  asOf: string;
  /**
   * Responses that match the filters; null when they are fewer than the threshold (`suppressed`):
   * how many respondents match a narrow filter is itself a figure about a small group.
   */
  responses: number | null;
  /** Fewer responses than the threshold match: no figures at all, the count included. */
  suppressed: boolean;
  groupBy: TallyGroupBy | null;
  weighting: TallyWeighting;
  minCellSize: number;
  /**
   * How the numbers were computed: the maintained rollup; the server's in-memory tally engine
   * (answer, date or partial filters, or a large backlog); or a scan of the responses (when the
   * engine is off, and for survey tallies with those filters).
   */
  source: 'rollup' | 'scan' | 'engine';
  filters: TallyFilters;
  /** Group key → label (network names), so clients need not resolve ids. */
  groupLabels?: Record<string, string>;
  questions: QuestionTally[];
}

export interface SurveyTallyResult extends TallyResult {
  versions: number[];
}

export interface FreeTextAnswer {
  responseId: string;
  text: string;
  networkId: string;
  network: string;
  country: string | null;
  role: string | null;
  language: string | null;
  completedAt: string | null;
}

export interface FreeTextPage {
  question: string;
  total: number;
  page: number;
  pageSize: number;
  suppressed: boolean;
  answers: FreeTextAnswer[];
}

export interface AnalysisSettingsDto {
  campaignId: string;
  minCellSize: number;
}

/** Smallest group shown with a breakdown, unless a campaign sets a larger one. */
export const DEFAULT_MIN_CELL_SIZE = 3;

/** Free-text coding: themes per question, each coder's codings, suggestions and agreement. */
import type { FreeTextAnswer } from '../analysis/tally-types';
import type { CodableSource } from './codable-questions';

export interface ThemeDto {
  id: string;
  surveyId: string;
  /** The codable question (answer key) the theme belongs to, e.g. `roles_why` or `priorities-Comment`. */
  question: string;
  name: string;
  description: string | null;
  parentId: string | null;
  /** Order on the coding page (number keys follow it). */
  position: number;
  /** Set on a theme merged into another: its codings moved there. Only listed with includeMerged=true. */
  mergedIntoId: string | null;
  /** Answers coded with this theme, by any coder. */
  codedAnswers: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateThemeRequest {
  question: string;
  name: string;
  description?: string;
  parentId?: string;
}

export interface UpdateThemeRequest {
  name?: string;
  description?: string | null;
  parentId?: string | null;
  position?: number;
}

export interface MergeThemeResult {
  /** The theme that remains, with its codings. */
  theme: ThemeDto;
  /** Answer codings moved from the merged theme (codings that already had the target count once). */
  movedCodings: number;
}

export interface CodingCampaignDto {
  id: string;
  name: string;
  surveyId: string;
  version: number;
  status: string;
}

export interface CodingQuestionDto {
  name: string;
  question: string;
  source: CodableSource;
  title: string;
  /** Complete responses with a non-empty answer. */
  answers: number;
  /** Of those, coded by the acting user. */
  codedByMe: number;
}

export interface CodingOverviewDto {
  campaign: CodingCampaignDto;
  questions: CodingQuestionDto[];
}

/** What the coding page filters on; every filter narrows the list. */
export const CODING_STATUSES = ['all', 'uncoded', 'coded', 'suggested'] as const;
export type CodingStatus = (typeof CODING_STATUSES)[number];

/** One answer as a coder sees it: where it comes from, never who wrote it. */
export interface CodingAnswerDto extends Omit<FreeTextAnswer, 'completedAt'> {
  /** The acting user's themes for this answer (confirmed and suggested). */
  themeIds: string[];
  /** Themes applied from a suggestion and not yet confirmed by the coder. */
  suggestedThemeIds: string[];
  /** When the acting user last coded it; null when not coded. */
  codedAt: string | null;
}

export interface CodingProgressDto {
  /** Answers in the question (before filters). */
  total: number;
  /** Of those, coded by the acting user. */
  coded: number;
  /** Of those, coded only by an applied suggestion that awaits review. */
  suggested: number;
}

export interface CodingAnswersPage {
  question: string;
  /** Answers matching the filters. */
  total: number;
  page: number;
  pageSize: number;
  progress: CodingProgressDto;
  answers: CodingAnswerDto[];
}

export interface SaveCodesRequest {
  question: string;
  themeIds: string[];
}

export interface AnswerCodingDto {
  responseId: string;
  question: string;
  themeIds: string[];
  suggestedThemeIds: string[];
  codedAt: string;
}

export interface SuggestRequest {
  question: string;
  /** How many clusters to look for (1–30); by default from the number of answers. */
  count?: number;
  /** Cluster only the answers the acting user has not coded yet. */
  onlyUncoded?: boolean;
}

export interface SuggestionExample {
  responseId: string;
  text: string;
}

export interface ThemeSuggestion {
  /** The top terms joined, as a starting name for a theme. */
  label: string;
  /** Most characteristic words of the cluster, as written in the answers, strongest first. */
  terms: string[];
  answerIds: string[];
  /** The answers nearest the cluster's centre. */
  examples: SuggestionExample[];
}

export interface SuggestResult {
  question: string;
  /** Answers considered. */
  answers: number;
  /** Answers with no word to cluster on (too short, only stop words): in no suggestion. */
  unclustered: number;
  suggestions: ThemeSuggestion[];
}

export interface ApplySuggestionRequest {
  question: string;
  answerIds: string[];
  /** An existing theme to apply, or … */
  themeId?: string;
  /** … the name of a new theme to create. */
  name?: string;
  description?: string;
}

export interface ApplySuggestionResult {
  theme: ThemeDto;
  /** Answers that gained the theme in the acting user's codings (answers that had it count as 0). */
  coded: number;
}

export interface CoderDto {
  id: string;
  name: string;
  /** Answers of the question this user has coded. */
  coded: number;
}

export interface ThemeAgreement {
  themeId: string;
  name: string;
  /** Cohen's kappa; null when it is undefined (both coders constant and equal: expected agreement 1). */
  kappa: number | null;
  /** Share of the common answers on which the two coders agree about this theme. */
  agreement: number | null;
  /** Common answers each coder gave this theme, and both did. */
  byFirst: number;
  bySecond: number;
  byBoth: number;
}

export interface CodingDifference {
  responseId: string;
  text: string;
  network: string;
  country: string | null;
  role: string | null;
  first: string[];
  second: string[];
}

export interface AgreementResult {
  question: string;
  coders: Array<{ id: string; name: string }>;
  /** Answers both coders coded. */
  items: number;
  /** Pooled kappa over every (answer, theme) decision of the themes either coder used; null when undefined. */
  kappa: number | null;
  /** Share of those decisions on which the coders agree. */
  agreement: number | null;
  themes: ThemeAgreement[];
  /** The common answers the coders coded differently, side by side (omitted for read-only roles). */
  differences?: CodingDifference[];
}

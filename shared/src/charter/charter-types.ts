import type { ClauseDiffDto } from './diff-types';
import type { QuestionTally, TallyFilters, TallyGroupBy, TallyWeighting } from '../analysis/tally-types';

/** One article of a charter revision. `id` is stable across edits, renames and moves. */
export interface CharterClause {
  id: string;
  heading: string;
  /** Markdown. */
  body: string;
}

export interface CharterSummaryDto {
  id: string;
  slug: string;
  title: string;
  headNumber: number;
  updatedAt: string;
}

export interface CharterRevisionSummaryDto {
  number: number;
  author: { id: string | null; name: string };
  message: string;
  createdAt: string;
  parent: number | null;
  merged: boolean;
  contentHash: string;
}

export interface CharterRevisionDto extends CharterRevisionSummaryDto {
  clauses: CharterClause[];
}

export interface CharterDocumentDto {
  id: string;
  slug: string;
  title: string;
  chairIds: string[];
  head: CharterRevisionDto;
}

export interface CharterCreatedDto {
  id: string;
  revision: number;
}

export interface CharterSavedDto {
  number: number;
  merged?: true;
}

/** One side-by-side disagreement that a three-way merge could not settle. null: the clause is absent. */
export interface CharterMergeConflict {
  clauseId: string | null;
  base: CharterClause | string[] | null;
  theirs: CharterClause | string[] | null;
  yours: CharterClause | string[] | null;
}

export interface BlameParagraphDto {
  text: string;
  revision: number;
  author: string;
  createdAt: string;
  message: string;
}

export interface BlameClauseDto {
  id: string;
  heading: string;
  headingRevision: number;
  paragraphs: BlameParagraphDto[];
}

export interface BlameDto {
  revision: number;
  clauses: BlameClauseDto[];
}

export type ClauseHistoryChange = 'added' | 'modified' | 'renamed' | 'moved' | 'removed';

export interface ClauseHistoryEntryDto {
  revision: number;
  author: string;
  createdAt: string;
  message: string;
  changes: ClauseHistoryChange[];
  heading: string | null;
  body: string | null;
}

/**
 * Where a quoted passage is in a later revision: `exact` word for word in its clause, `moved` word
 * for word in another clause, `changed` only lightly edited (found by approximate matching), `gone`.
 */
export type CommentAnchorStatus = 'exact' | 'moved' | 'changed' | 'gone';

export interface CommentAnchorDto {
  /** The revision the anchor is evaluated against. */
  revision: number;
  clauseExists: boolean;
  /** null when the comment quotes nothing. */
  quoteFound: boolean | null;
  /** null when the comment quotes nothing. */
  status: CommentAnchorStatus | null;
  /** The clause the passage is in now (another one when moved); null when gone or nothing is quoted. */
  clauseId: string | null;
  /** The passage as it reads now (plain text), when found. */
  text: string | null;
  /** 1 for word for word, down to the threshold for a light change; 0 when gone. null without a quote. */
  similarity: number | null;
}

/** A new comment: on a clause (optionally quoting a passage), on an amendment, or a reply. */
export interface CharterCommentInput {
  clauseId?: string;
  amendmentId?: string;
  /** The revision read when commenting (default: the head). */
  revision?: number;
  quote?: string;
  body: string;
  parentId?: string;
}

export interface CharterCommentDto {
  id: string;
  clauseId: string | null;
  amendmentId: string | null;
  revision: number;
  quote: string | null;
  body: string;
  parentId: string | null;
  author: { id: string | null; name: string };
  createdAt: string;
  resolved: boolean;
  resolvedAt: string | null;
  /** null for comments on an amendment. */
  anchor: CommentAnchorDto | null;
}

export type AmendmentStatus = 'proposed' | 'accepted' | 'rejected';

export interface AmendmentDto {
  id: string;
  number: number;
  status: AmendmentStatus;
  baseRevision: number;
  clauseId: string;
  isNewClause: boolean;
  afterClauseId: string | null;
  heading: string;
  body: string;
  rationale: string;
  author: { id: string | null; name: string };
  createdAt: string;
  decidedBy: { id: string | null; name: string } | null;
  decidedAt: string | null;
  decisionReason: string | null;
  resultingRevision: number | null;
  diff: ClauseDiffDto;
  votes: AmendmentVotesDto;
}

export type AmendmentPosition = 'support' | 'oppose';

/** One voice per committee member; `mine` is the reader's own. */
export interface AmendmentVotesDto {
  support: number;
  oppose: number;
  mine: AmendmentPosition | null;
}

/** What accepting an amendment would change in the head revision now (the three-way merge result). */
export interface AmendmentPreviewDto {
  head: number;
  clauses: ClauseDiffDto[];
}

export interface CharterChairDto {
  id: string;
  name: string;
}

/** What a citation asks: one question of a campaign or a survey, grouped and filtered like a tally. */
export interface EvidenceQuery {
  campaignId?: string;
  surveyId?: string;
  question: string;
  groupBy?: TallyGroupBy;
  /** The tally filters, as the tally body's `filters` describes them. */
  filters?: Partial<TallyFilters>;
  weighting?: TallyWeighting;
  /**
   * What is tallied: the question's answers (default), or the themes coders gave to a free-text
   * question's answers (campaigns only), any coder's or `coder`'s.
   */
  source?: EvidenceSource;
  coder?: string;
  /** Response ids whose answers to `question` are quoted (campaigns only, at most MAX_EVIDENCE_QUOTES). */
  quotes?: string[];
}

export const EVIDENCE_SOURCES = ['answers', 'themes'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
export const MAX_EVIDENCE_QUOTES = 5;

/** A free-text answer quoted as evidence: its words, network and role, never who wrote it. */
export interface EvidenceQuote {
  responseId: string;
  text: string;
  /** The network's name. */
  network: string;
  role: string | null;
}

/**
 * A quoted answer now: `unchanged`; `changed` (the answer reads otherwise); `gone` (no longer an
 * answer to the question among the cited responses); `suppressed` (its group is now under the
 * small-cell size).
 */
export interface EvidenceQuoteNow {
  responseId: string;
  state: 'unchanged' | 'changed' | 'gone' | 'suppressed';
}

/** The figures of one cited question at one moment, computed by the server. */
export interface EvidenceFigures {
  /** Every response committed before this time is counted. */
  asOf: string;
  /** Responses that match the filters; null when suppressed (fewer than the threshold). */
  responses: number | null;
  suppressed: boolean;
  minCellSize: number;
  groupLabels?: Record<string, string>;
  question: QuestionTally;
}

export interface EvidenceDto {
  id: string;
  revision: number | null;
  amendmentId: string | null;
  clauseId: string | null;
  campaignId: string | null;
  surveyId: string | null;
  question: string;
  groupBy: TallyGroupBy | null;
  filters: TallyFilters;
  weighting: TallyWeighting;
  source: EvidenceSource;
  coder: string | null;
  /** The quoted answers as cited, frozen. */
  quotes: EvidenceQuote[];
  /** The figures as cited, frozen; null only for citations made before the server computed them. */
  snapshot: EvidenceFigures | null;
  asOf: string | null;
  responses: number | null;
  note: string | null;
  createdBy: { id: string | null; name: string };
  createdAt: string;
}

/** A citation beside the same tally now. */
export interface EvidenceWithCurrentDto extends EvidenceDto {
  /** null when the source can no longer be tallied (for example it was deleted). */
  current: EvidenceFigures | null;
  /** Each quote now, in the order cited. */
  quotesNow: EvidenceQuoteNow[];
  /** Whether the figures now differ from the figures as cited (the time aside), or a quote is no longer as cited. */
  changed: boolean;
}

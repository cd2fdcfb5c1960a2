/** The tally a citation froze, as its creation answered it. */
export interface FrozenTally {
  /** The citation's own asOf: the moment of the tally. */
  asOf: unknown;
  responses: number;
  /** The cited question's figures in the tally. */
  question: unknown;
}

/**
 * The body the server answers for a citation it has just made on a clause: the given fields (what
 * was sent, as the server stores it), over what the server fills in when a field is not sent (answers,
 * no grouping, complete responses only, pooled; no amendment, revision, coder or quotes), and the tally it froze.
 */
export function newClauseCitation(frozen: FrozenTally, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: expect.any(String),
    revision: null,
    amendmentId: null,
    surveyId: null,
    source: 'answers',
    groupBy: null,
    filters: { includePartial: false },
    weighting: 'pooled',
    coder: null,
    quotes: [],
    ...fields,
    snapshot: {
      asOf: frozen.asOf,
      responses: frozen.responses,
      suppressed: false,
      minCellSize: 3,
      question: frozen.question,
    },
    asOf: expect.any(String),
    responses: frozen.responses,
    createdAt: expect.any(String),
  };
}

import type { EvidenceQuoteNow, EvidenceWithCurrentDto } from '@concord/shared';

import { tallyParams } from '../api/evidence';

import { FiguresChart } from './evidence-chart';

/** The analysis view with the citation's query, for campaign sources (the view reads one campaign). */
function analysisHref(evidence: EvidenceWithCurrentDto): string | null {
  if (evidence.campaignId === null) return null;
  const params = new URLSearchParams({ campaign: evidence.campaignId });
  const query = tallyParams({
    ...(evidence.groupBy === null ? {} : { groupBy: evidence.groupBy }),
    weighting: evidence.weighting,
    filters: evidence.filters,
  });
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  return `/analysis?${params.toString()}`;
}

function describe(evidence: EvidenceWithCurrentDto): string {
  const parts = [evidence.snapshot?.question.title ?? evidence.question];
  if (evidence.source === 'themes') parts.push('coded themes');
  if (evidence.groupBy !== null) parts.push(`grouped by ${evidence.groupBy}`);
  for (const key of ['network', 'country', 'role'] as const) {
    const values = evidence.filters[key];
    if (values !== undefined) parts.push(`${key}: ${values.join(', ')}`);
  }
  if (evidence.weighting === 'regional') parts.push('weighted by network');
  return parts.join(' · ');
}

const QUOTE_STATES: Record<Exclude<EvidenceQuoteNow['state'], 'unchanged'>, string> = {
  changed: 'Reads otherwise now',
  gone: 'No longer among the answers',
  suppressed: 'Now under the small-cell size',
};

/** The quoted answers as cited, each with its network and role, and what became of it since. */
function Quotes({ citation }: { citation: EvidenceWithCurrentDto }) {
  if (citation.quotes.length === 0) return null;
  return (
    <ul className="clause-evidence__quotes" aria-label="Quotes">
      {citation.quotes.map((quote) => {
        const state = citation.quotesNow.find((entry) => entry.responseId === quote.responseId)?.state ?? 'unchanged';
        return (
          <li key={quote.responseId}>
            <blockquote>“{quote.text}”</blockquote>
            <p className="muted">
              — {[quote.network, quote.role].filter(Boolean).join(', ')}
              {state === 'unchanged' ? null : <span className="badge badge--warning">{QUOTE_STATES[state]}</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** Each citation of a clause: its figures as cited beside the same tally now, flagged when they differ. */
export function ClauseEvidence({ evidence }: { evidence: readonly EvidenceWithCurrentDto[] }) {
  if (evidence.length === 0) return null;
  return (
    <div className="clause-evidence">
      {evidence.map((citation) => {
        const href = analysisHref(citation);
        return (
          <section
            key={citation.id}
            className={citation.changed ? 'clause-evidence__item is-changed' : 'clause-evidence__item'}
            aria-label={`Evidence: ${describe(citation)}`}
          >
            <p className="clause-evidence__title">
              <strong>Evidence:</strong> {describe(citation)}
              {citation.note === null ? null : <> — {citation.note}</>}{' '}
              {citation.changed ? <span className="badge badge--warning">Changed since cited</span> : null}
            </p>
            <div className="clause-evidence__charts">
              <FiguresChart
                caption={`As cited${citation.asOf === null ? '' : ` (${new Date(citation.asOf).toLocaleDateString()})`}`}
                figures={citation.snapshot}
              />
              <FiguresChart caption="Now" figures={citation.current} />
            </div>
            <Quotes citation={citation} />
            {href === null ? null : (
              <p>
                <a href={href}>Open in Analysis with these filters</a>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

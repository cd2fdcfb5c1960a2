import { useId, useState } from 'react';

import {
  type EvidenceQuery,
  type EvidenceSource,
  type FreeTextAnswer,
  MAX_EVIDENCE_QUOTES,
  type TallyGroupBy,
  type TallyWeighting,
} from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';

import {
  type CiteEvidenceInput,
  useCiteEvidence,
  useCodableQuestions,
  useEvidencePreview,
  useEvidenceSources,
  useQuoteCandidates,
  useThemeEvidencePreview,
} from '../api/evidence';

import { EvidenceChart } from './evidence-chart';

interface EvidencePickerProps {
  charterId: string;
  /** What the citation supports: a clause, or an amendment. */
  target: { clauseId: string } | { amendmentId: string };
  onDone: () => void;
}

const list = (text: string): string[] | undefined => {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length === 0 ? undefined : values;
};

/**
 * The answers of a free-text question among the cited responses, to quote up to five of them.
 * Answers whose network is under the small-cell size (the server would refuse them) cannot be
 * chosen.
 */
function QuotePicker({
  query,
  question,
  chosen,
  onChange,
}: {
  query: Omit<EvidenceQuery, 'question'>;
  question: string;
  chosen: readonly FreeTextAnswer[];
  onChange: (next: FreeTextAnswer[]) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const candidates = useQuoteCandidates(query, question, search);
  const byNetwork = useThemeEvidencePreview({ ...query, groupBy: 'network', weighting: 'pooled' }, question);
  const hiddenNetworks = new Set(
    Object.entries(byNetwork.data?.questions[0]?.groups ?? {})
      .filter(([, group]) => group.suppressed)
      .map(([code]) => byNetwork.data?.groupLabels?.[code] ?? code),
  );
  const isChosen = (answer: FreeTextAnswer) => chosen.some((entry) => entry.responseId === answer.responseId);
  const toggle = (answer: FreeTextAnswer) =>
    onChange(isChosen(answer) ? chosen.filter((entry) => entry.responseId !== answer.responseId) : [...chosen, answer]);
  const page = candidates.data;
  return (
    <fieldset className="evidence-quotes field">
      <legend>
        Quotes ({chosen.length} of at most {MAX_EVIDENCE_QUOTES}) — shown with network and role only
      </legend>
      <label htmlFor={`${id}-search`}>Search the answers</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <ErrorAlert error={candidates.error} title="Could not load the answers" />
      {page?.suppressed === true ? (
        <p className="muted">Too few responses match: no answer can be quoted.</p>
      ) : page === undefined ? null : page.answers.length === 0 ? (
        <p className="muted">No answers match.</p>
      ) : (
        <ul className="evidence-quotes__list">
          {page.answers.map((answer) => {
            const small = hiddenNetworks.has(answer.network);
            const full = chosen.length >= MAX_EVIDENCE_QUOTES && !isChosen(answer);
            return (
              <li key={answer.responseId}>
                <label>
                  <input
                    type="checkbox"
                    checked={isChosen(answer)}
                    disabled={small || full}
                    onChange={() => toggle(answer)}
                  />{' '}
                  “{answer.text}”{' '}
                  <span className="muted">— {[answer.network, answer.role].filter(Boolean).join(', ')}</span>
                  {small ? <span className="muted"> (network under the small-cell size: cannot be quoted)</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

/**
 * Chooses a source, a question, a grouping, filters and pooled or weighted figures, shows the
 * tally as the server computes it now, and cites it: the server freezes those figures.
 */
export function EvidencePicker({ charterId, target, onDone }: EvidencePickerProps) {
  const id = useId();
  const { campaigns, surveys, networks } = useEvidenceSources();
  const [source, setSource] = useState('');
  const [question, setQuestion] = useState('');
  const [groupBy, setGroupBy] = useState<TallyGroupBy | ''>('');
  const [weighting, setWeighting] = useState<TallyWeighting>('pooled');
  const [network, setNetwork] = useState('');
  const [country, setCountry] = useState('');
  const [role, setRole] = useState('');
  const [note, setNote] = useState('');
  const [tallyOf, setTallyOf] = useState<EvidenceSource>('answers');
  const [quotes, setQuotes] = useState<FreeTextAnswer[]>([]);
  const cite = useCiteEvidence(charterId);

  const [kind, sourceId] = source.split(':');
  // Themes are coded per campaign: a survey source tallies answers only.
  const themes = tallyOf === 'themes' && kind === 'campaign';
  const query: Omit<EvidenceQuery, 'question'> = {
    ...(kind === 'campaign' && sourceId !== undefined ? { campaignId: sourceId } : {}),
    ...(kind === 'survey' && sourceId !== undefined ? { surveyId: sourceId } : {}),
    ...(groupBy === '' ? {} : { groupBy }),
    ...(weighting === 'regional' ? { weighting } : {}),
    filters: {
      ...(network === '' ? {} : { network: [network] }),
      ...(list(country) === undefined ? {} : { country: list(country) }),
      ...(list(role) === undefined ? {} : { role: list(role) }),
    },
  };
  const answersPreview = useEvidencePreview(themes ? {} : query);
  const codable = useCodableQuestions(kind === 'campaign' ? sourceId : undefined);
  const themePreview = useThemeEvidencePreview(themes ? query : {}, themes ? question : '');
  const preview = themes ? themePreview : answersPreview;
  const questions = themes
    ? (codable.data ?? [])
    : (answersPreview.data?.questions ?? []).filter((entry) => (entry.choices?.length ?? 0) > 0);
  const chosen = themes
    ? (themePreview.data?.questions.find((entry) => entry.name === question) ?? null)
    : (answersPreview.data?.questions.find((entry) => entry.name === question && (entry.choices?.length ?? 0) > 0) ??
      null);

  function chooseQuestion(next: string) {
    setQuestion(next);
    setQuotes([]);
  }

  async function submit() {
    const input: CiteEvidenceInput = {
      ...query,
      question,
      ...target,
      ...(note.trim() === '' ? {} : { note }),
      ...(themes ? { source: 'themes' as const } : {}),
      ...(themes && quotes.length > 0 ? { quotes: quotes.map((quote) => quote.responseId) } : {}),
    };
    await cite.mutateAsync(input);
    onDone();
  }

  return (
    // Not a <form>: the picker sits inside the clause editor's form, and nested forms submit the outer one.
    <div className="evidence-picker panel stack" role="form" aria-label="Cite evidence">
      <div className="evidence-picker__fields">
        <Field id={`${id}-source`} label="Source">
          <select
            id={`${id}-source`}
            value={source}
            onChange={(event) => {
              setSource(event.target.value);
              chooseQuestion('');
            }}
            required
          >
            <option value="">Choose a campaign or survey…</option>
            {campaigns.data?.map((campaign) => (
              <option key={campaign.id} value={`campaign:${campaign.id}`}>
                Campaign: {campaign.name} (v{campaign.version})
              </option>
            ))}
            {surveys.data
              ?.filter((survey) => survey.publishedVersions.length > 0)
              .map((survey) => (
                <option key={survey.id} value={`survey:${survey.id}`}>
                  Survey: {survey.title} (all versions)
                </option>
              ))}
          </select>
        </Field>
        <Field id={`${id}-tally-of`} label="Tally of">
          <select
            id={`${id}-tally-of`}
            value={themes ? 'themes' : 'answers'}
            disabled={kind !== 'campaign'}
            onChange={(event) => {
              setTallyOf(event.target.value as EvidenceSource);
              chooseQuestion('');
            }}
          >
            <option value="answers">Answers</option>
            <option value="themes">Coded themes of a free-text question (with quotes)</option>
          </select>
        </Field>
        <Field id={`${id}-question`} label="Question">
          <select
            id={`${id}-question`}
            value={question}
            onChange={(event) => chooseQuestion(event.target.value)}
            required
            disabled={questions.length === 0}
          >
            <option value="">Choose a question…</option>
            {questions.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-group`} label="Group by">
          <select
            id={`${id}-group`}
            value={groupBy}
            onChange={(event) => setGroupBy(event.target.value as TallyGroupBy | '')}
          >
            <option value="">No grouping</option>
            <option value="network">Network</option>
            <option value="country">Country</option>
            <option value="role">Role</option>
          </select>
        </Field>
        <Field id={`${id}-network`} label="Network">
          <select id={`${id}-network`} value={network} onChange={(event) => setNetwork(event.target.value)}>
            <option value="">All networks</option>
            {networks.data?.map((entry) => (
              <option key={entry.id} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-country`} label="Countries (comma-separated)">
          <input id={`${id}-country`} value={country} onChange={(event) => setCountry(event.target.value)} />
        </Field>
        <Field id={`${id}-role`} label="Roles (comma-separated)">
          <input id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value)} />
        </Field>
        <fieldset className="field">
          <legend>Figures</legend>
          <label>
            <input
              type="radio"
              name={`${id}-weighting`}
              checked={weighting === 'pooled'}
              onChange={() => setWeighting('pooled')}
            />{' '}
            Pooled
          </label>{' '}
          <label>
            <input
              type="radio"
              name={`${id}-weighting`}
              checked={weighting === 'regional'}
              onChange={() => setWeighting('regional')}
            />{' '}
            Weighted by network
          </label>
        </fieldset>
        <Field id={`${id}-note`} label="Note">
          <input id={`${id}-note`} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </div>
      <ErrorAlert error={preview.error} title="Could not compute the preview" />
      {chosen === null ? null : (
        <EvidenceChart
          caption="Preview (now)"
          question={chosen}
          responses={preview.data?.responses ?? null}
          suppressed={preview.data?.suppressed ?? false}
        />
      )}
      {themes && question !== '' ? (
        <QuotePicker query={query} question={question} chosen={quotes} onChange={setQuotes} />
      ) : null}
      <ErrorAlert error={cite.error} title="Could not cite" />
      <p>
        <button
          type="button"
          className="button button--primary"
          disabled={cite.isPending || chosen === null}
          onClick={() => void submit()}
        >
          Cite this evidence
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </p>
    </div>
  );
}

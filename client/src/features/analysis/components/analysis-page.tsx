import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { MEMBER_LANGUAGES, OTHER_TEXT_SUFFIX, type QuestionTally } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableHead } from '@/components/table-head';
import type { QueryParams } from '@/lib/api-client';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { useAnalysisCampaigns } from '../api/get-analysis-campaigns';
import { useAnalysisNetworks } from '../api/get-analysis-networks';
import { useAnalysisProgress } from '../api/get-analysis-progress';
import {
  filterQueryParams,
  type TallyControls,
  tallyQueryParams,
  useCampaignTallies,
} from '../api/get-campaign-tallies';
import { controlsFromSearch, EMPTY_CONTROLS, searchFromControls } from '../lib/analysis-url';
import { FreeTextPanel } from './free-text-panel';
import { QuestionChart } from './question-chart';
import { hasTableView, QuestionTable } from './question-table';
import { ThemeTallyPanel } from './theme-tally-panel';
import './analysis.css';

/** Kinds the server can filter on (`answer[<question>]=<value>`); questions inside dynamic panels cannot be. */
const FILTERABLE_KINDS = new Set<QuestionTally['kind']>(['choice', 'multi', 'numeric']);

function exportHref(campaignId: string, file: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/campaigns/${campaignId}/${file}${search === '' ? '' : `?${search}`}`;
}

function QuestionCard({
  question,
  campaignId,
  groupLabels,
  filters,
}: {
  question: QuestionTally;
  campaignId: string;
  groupLabels: Record<string, string>;
  filters: QueryParams;
}) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  return (
    <section className="analysis-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {question.title} <small className="analysis-question__name">{question.name}</small>
      </h3>
      <p className="analysis-question__counts">
        {question.answered} answered · {question.skipped} skipped
      </p>
      <QuestionChart question={question} groupLabels={groupLabels} />
      {question.kind === 'text' && !question.suppressed && (
        <>
          <ThemeTallyPanel
            campaignId={campaignId}
            question={question.name}
            filters={filters}
            groupLabels={groupLabels}
          />
          <FreeTextPanel campaignId={campaignId} question={question.name} filters={filters} />
        </>
      )}
      {question.kind !== 'text' && !question.suppressed && (
        // The text typed beside "other" is coded like a free-text question of its own; the panel
        // shows nothing unless the question offers "other" and its text has themes.
        <ThemeTallyPanel
          campaignId={campaignId}
          question={`${question.name}${OTHER_TEXT_SUFFIX}`}
          filters={filters}
          groupLabels={groupLabels}
          heading="Themes of the “other” answers"
        />
      )}
      {hasTableView(question) && !question.suppressed && (
        <>
          <button
            type="button"
            className="analysis-question__toggle"
            aria-expanded={showTable}
            onClick={() => setShowTable(!showTable)}
          >
            {showTable ? 'Hide table' : 'Show table'}
          </button>
          {showTable && <QuestionTable question={question} />}
        </>
      )}
    </section>
  );
}

type FilterOptions = ReadonlyArray<{ value: string; label: string }>;

/** A labelled filter select: "any" (the empty value) first, then the options. */
function FilterSelect({
  label,
  value,
  any,
  options,
  disabled,
  onValue,
}: {
  label: string;
  value: string;
  any: string;
  options: FilterOptions;
  disabled?: boolean;
  onValue: (value: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} disabled={disabled} onChange={(event) => onValue(event.target.value)}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The filters that set one text control each: picked from `options` when given, else typed in. */
type TextControl = 'groupBy' | 'network' | 'country' | 'role' | 'language' | 'version' | 'from' | 'to';

function ControlFilter({
  label,
  field,
  controls,
  set,
  any = '',
  options,
  type,
  size,
}: {
  label: string;
  field: TextControl;
  controls: TallyControls;
  set: (field: TextControl, value: string) => void;
  any?: string;
  options?: FilterOptions;
  type?: 'date';
  size?: number;
}) {
  if (options !== undefined)
    return (
      <FilterSelect
        label={label}
        value={controls[field]}
        any={any}
        options={options}
        onValue={(value) => set(field, value)}
      />
    );
  return (
    <label>
      {label}{' '}
      <input type={type} value={controls[field]} onChange={(event) => set(field, event.target.value)} size={size} />
    </label>
  );
}

const GROUP_BY_OPTIONS = [
  { value: 'network', label: 'Network' },
  { value: 'country', label: 'Country' },
  { value: 'role', label: 'Role' },
];

/** The languages a respondent can answer in: what a response's language is one of. */
const LANGUAGE_OPTIONS = MEMBER_LANGUAGES.map((code) => ({ value: code, label: code }));

/** Tallies of one campaign: progress, filters, a chart and table per question, free text, exports. */
export function AnalysisPage() {
  // The view lives in the address, so it can be bookmarked, shared and restored with Back.
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const controls = controlsFromSearch(params);
  const setControls = (next: TallyControls) => setParams(searchFromControls(campaignId, next), { replace: true });
  // Response exports hold one row per respondent: the secretariat's, not the committee's.
  const mayExportResponses = hasRole(useCurrentUser(), ['admin', 'secretariat']);
  const campaigns = useAnalysisCampaigns();
  const progress = useAnalysisProgress(campaignId);
  const surveyId = campaigns.data?.find((campaign) => campaign.id === campaignId)?.surveyId;
  const networks = useAnalysisNetworks();
  const tallies = useCampaignTallies(campaignId, controls);
  // The unfiltered tallies list every choice question and its choices, whatever the current filters match.
  const catalogue = useCampaignTallies(campaignId, EMPTY_CONTROLS);
  const filterable = (catalogue.data?.questions ?? []).filter(
    (question) =>
      question.panel === undefined &&
      FILTERABLE_KINDS.has(question.kind) &&
      question.choices !== undefined &&
      question.choices.length > 0,
  );
  const answerChoices = filterable.find((question) => question.name === controls.answerQuestion)?.choices ?? [];
  const set = <K extends keyof TallyControls>(key: K, value: TallyControls[K]) =>
    setControls({ ...controls, [key]: value });
  // The text controls, bound for ControlFilter; the group-by options are all valid TallyControls values.
  const bound = {
    controls,
    set: (field: TextControl, value: string) => setControls({ ...controls, [field]: value }),
  };
  const query = tallyQueryParams(controls);
  const filters = filterQueryParams(controls);

  return (
    <div className="analysis-page">
      <header className="analysis-page__header">
        <h1>Analysis</h1>
        <label className="no-print">
          Campaign{' '}
          <select
            value={campaignId ?? ''}
            onChange={(event) => setParams(event.target.value === '' ? {} : { campaign: event.target.value })}
          >
            <option value="">Choose a campaign…</option>
            {campaigns.data?.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name} (v{campaign.version})
              </option>
            ))}
          </select>
        </label>
      </header>
      <ErrorAlert error={campaigns.error} />
      {campaignId === null && <p>Choose a campaign to read its tallies.</p>}
      {campaignId !== null && (
        <>
          {surveyId !== undefined && (
            <p className="no-print">
              <Link to={`/analysis/surveys/${surveyId}`}>This survey across all its versions</Link>
            </p>
          )}
          {progress.data && (
            <table className="analysis-progress">
              <caption>Progress per network</caption>
              <TableHead columns={['Network', 'Invited', 'Started', 'Completed', 'Rate']} />
              <tbody>
                {progress.data.networks.map((network) => (
                  <tr key={network.networkId}>
                    <td>
                      {networks.data?.find((n) => n.id === network.networkId)?.name ?? network.networkId.slice(0, 8)}
                    </td>
                    <td>{network.invited}</td>
                    <td>{network.started}</td>
                    <td>{network.completed}</td>
                    <td>{network.rate === null ? '–' : `${(network.rate * 100).toFixed(0)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form className="analysis-filters no-print" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
            <ControlFilter
              label="Group by"
              field="groupBy"
              any="Nothing (pooled)"
              options={GROUP_BY_OPTIONS}
              {...bound}
            />
            <label>
              View{' '}
              <select
                value={controls.weighting}
                onChange={(event) => set('weighting', event.target.value as TallyControls['weighting'])}
              >
                <option value="pooled">Pooled totals</option>
                <option value="regional">Pooled and weighted by network</option>
              </select>
            </label>
            <ControlFilter label="Network code" field="network" size={6} {...bound} />
            <ControlFilter label="Country" field="country" size={12} {...bound} />
            <ControlFilter label="Role" field="role" size={12} {...bound} />
            <ControlFilter label="Language" field="language" any="Any" options={LANGUAGE_OPTIONS} {...bound} />
            <ControlFilter label="Version" field="version" size={4} {...bound} />
            <ControlFilter label="From" field="from" type="date" {...bound} />
            <ControlFilter label="To" field="to" type="date" {...bound} />
            <FilterSelect
              label="Answer to"
              value={controls.answerQuestion}
              any="Any question"
              options={filterable.map((question) => ({ value: question.name, label: question.title }))}
              onValue={(answerQuestion) => setControls({ ...controls, answerQuestion, answerValue: '' })}
            />
            <FilterSelect
              label="Answer is"
              value={controls.answerValue}
              any="Any answer"
              options={answerChoices}
              disabled={controls.answerQuestion === ''}
              onValue={(answerValue) => set('answerValue', answerValue)}
            />
            <label>
              <input
                type="checkbox"
                checked={controls.includePartial}
                onChange={(event) => set('includePartial', event.target.checked)}
              />{' '}
              Include partial responses
            </label>
          </form>
          <p className="analysis-exports no-print">
            Export:{' '}
            {mayExportResponses && (
              <>
                <a href={exportHref(campaignId, 'responses.csv', filters)}>responses CSV</a> ·{' '}
                <a href={exportHref(campaignId, 'responses.xlsx', filters)}>XLSX</a> ·{' '}
                <a href={exportHref(campaignId, 'responses.json', filters)}>JSON</a> ·{' '}
                <a href={exportHref(campaignId, 'responses.sav', filters)}>SPSS</a> ·{' '}
              </>
            )}
            <a href={exportHref(campaignId, 'codebook.csv')}>codebook</a> ·{' '}
            <a href={exportHref(campaignId, 'tallies.csv', query)}>tallies CSV</a> ·{' '}
            <a href={exportHref(campaignId, 'tallies.xlsx', query)}>tallies XLSX</a> ·{' '}
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
          </p>
          <ErrorAlert error={tallies.error} />
          {tallies.isPending && <Loading label="Counting…" />}
          {tallies.data && (
            <>
              <p className="analysis-summary">
                {tallies.data.responses === null ? (
                  <strong>Fewer than {tallies.data.minCellSize} responses match these filters: nothing is shown</strong>
                ) : (
                  <>
                    {tallies.data.responses} responses · groups under {tallies.data.minCellSize} responses are not shown
                  </>
                )}
              </p>
              {tallies.data.questions.map((question) => (
                <QuestionCard
                  key={question.name}
                  question={question}
                  campaignId={campaignId}
                  groupLabels={tallies.data.groupLabels ?? {}}
                  filters={filters}
                />
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}

import { useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasRole, useCurrentUser } from '@/lib/current-user';

import { useCodingCampaigns } from '../api/get-coding-campaigns';
import { useCodingOverview } from '../api/get-coding-overview';
import { AgreementPanel } from './agreement-panel';
import { CodingWorkbench } from './coding-workbench';
import { SuggestionsPanel } from './suggestions-panel';
import { ThemeManager } from './theme-manager';
import './coding.css';

const TABS = [
  { id: 'code', label: 'Code answers', coders: true },
  { id: 'themes', label: 'Themes', coders: false },
  { id: 'suggest', label: 'Suggestions', coders: true },
  { id: 'agreement', label: 'Agreement', coders: false },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** Free-text answers coded into themes: pick a campaign and a question, then code, manage themes, compare coders. */
export function CodingPage() {
  useDocumentTitle('Coding');
  const user = useCurrentUser();
  const canCode = hasRole(user, ['admin', 'secretariat']);
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const question = params.get('question');
  const tabs = TABS.filter((tab) => canCode || !tab.coders);
  const requested = params.get('tab');
  const tab: Tab = tabs.find((entry) => entry.id === requested)?.id ?? tabs[0]?.id ?? 'themes';
  const campaigns = useCodingCampaigns();
  const overview = useCodingOverview(campaignId);
  const chosen = overview.data?.questions.find((entry) => entry.name === question);
  const surveyId = overview.data?.campaign.surveyId;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  return (
    <div className="coding-page">
      <header className="coding-page__header">
        <h1>Coding</h1>
        <label>
          Campaign
          <select
            value={campaignId ?? ''}
            onChange={(event) => update({ campaign: event.target.value, question: null })}
          >
            <option value="">Choose a campaign…</option>
            {campaigns.data?.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name} (version {campaign.version})
              </option>
            ))}
          </select>
        </label>
        {overview.data && (
          <label>
            Question
            <select value={question ?? ''} onChange={(event) => update({ question: event.target.value })}>
              <option value="">Choose a free-text question…</option>
              {overview.data.questions.map((entry) => (
                <option key={entry.name} value={entry.name}>
                  {entry.title} —{' '}
                  {canCode ? `${entry.codedByMe} of ${entry.answers} coded` : `${entry.answers} answers`}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <ErrorAlert error={campaigns.error ?? overview.error} />
      {campaignId === null && (
        <p className="lead">
          Code the answers people wrote in their own words into themes, one answer at a time with the keyboard; let the
          server suggest themes from the words used; and check two coders against each other.
        </p>
      )}
      {overview.isFetching && overview.data === undefined && <Loading />}
      {overview.data !== undefined && overview.data.questions.length === 0 && (
        <p className="muted">This campaign’s questionnaire has no free-text question.</p>
      )}
      {chosen !== undefined && surveyId !== undefined && overview.data !== undefined && (
        <>
          <nav className="coding-tabs" aria-label="Coding views">
            {tabs.map((entry) => (
              <button
                key={entry.id}
                type="button"
                className={entry.id === tab ? 'coding-tab is-active' : 'coding-tab'}
                aria-current={entry.id === tab ? 'page' : undefined}
                onClick={() => update({ tab: entry.id })}
              >
                {entry.label}
              </button>
            ))}
          </nav>
          <h2 className="coding-question">{chosen.title}</h2>
          {tab === 'code' && (
            <CodingWorkbench
              key={chosen.name}
              campaignId={overview.data.campaign.id}
              surveyId={surveyId}
              question={chosen.name}
            />
          )}
          {tab === 'themes' && <ThemeManager surveyId={surveyId} question={chosen.name} canEdit={canCode} />}
          {tab === 'suggest' && (
            <SuggestionsPanel campaignId={overview.data.campaign.id} surveyId={surveyId} question={chosen.name} />
          )}
          {tab === 'agreement' && (
            <AgreementPanel campaignId={overview.data.campaign.id} surveyId={surveyId} question={chosen.name} />
          )}
        </>
      )}
    </div>
  );
}

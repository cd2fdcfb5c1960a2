import { useId, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { describedBy, FieldErrorText } from '@/components/field-error-text';

import { useNetworkOptions, useSurveyOptions } from '../api/get-campaign-options';
import { useCreateCampaign } from '../api/create-campaign';

const NAME_FIELD = ['name'];

function toIso(local: string): string | undefined {
  return local === '' ? undefined : new Date(local).toISOString();
}

export function CreateCampaignForm() {
  const id = useId();
  const navigate = useNavigate();
  const surveys = useSurveyOptions();
  const networks = useNetworkOptions();
  const create = useCreateCampaign();
  const [name, setName] = useState('');
  const [surveyVersion, setSurveyVersion] = useState('');
  const [networkIds, setNetworkIds] = useState<string[]>([]);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [allowEdits, setAllowEdits] = useState(false);

  const versionOptions = (surveys.data ?? []).flatMap((survey) =>
    survey.publishedVersions.map((version) => ({
      value: `${survey.id}:${version}`,
      label: `${survey.title} — v${version}`,
    })),
  );

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // The select's values are `surveyId:version`, and it is required: the form is not sent without one.
    const [surveyId = '', version] = surveyVersion.split(':');
    create.mutate(
      {
        surveyId,
        version: Number(version),
        name: name.trim(),
        networkIds,
        opensAt: toIso(opensAt),
        closesAt: toIso(closesAt),
        anonymous,
        allowEdits,
      },
      { onSuccess: (campaign) => void navigate(`/campaigns/${campaign.id}`) },
    );
  }

  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New campaign</h2>
      <form className="stack" onSubmit={handleSubmit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              required
              aria-describedby={describedBy(create.error, 'name', `${id}-name-error`)}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <FieldErrorText error={create.error} field="name" id={`${id}-name-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-version`}>Questionnaire (published versions)</label>
            <select
              id={`${id}-version`}
              required
              value={surveyVersion}
              onChange={(event) => setSurveyVersion(event.target.value)}
            >
              <option value="">Choose…</option>
              {versionOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-opens`}>Opens (optional)</label>
            <input
              id={`${id}-opens`}
              type="datetime-local"
              value={opensAt}
              onChange={(event) => setOpensAt(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-closes`}>Closes (optional)</label>
            <input
              id={`${id}-closes`}
              type="datetime-local"
              value={closesAt}
              onChange={(event) => setClosesAt(event.target.value)}
            />
          </div>
        </div>
        <fieldset className="campaign-networks">
          <legend>Networks</legend>
          {(networks.data ?? []).map((network) => (
            <label key={network.id} className="checkbox">
              <input
                type="checkbox"
                checked={networkIds.includes(network.id)}
                onChange={(event) =>
                  setNetworkIds((current) =>
                    event.target.checked
                      ? [...current, network.id]
                      : current.filter((networkId) => networkId !== network.id),
                  )
                }
              />{' '}
              {network.name} <span className="muted">({network.memberCount} members)</span>
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />{' '}
          Anonymous: responses keep network, country, role and language only
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={allowEdits} onChange={(event) => setAllowEdits(event.target.checked)} />{' '}
          Respondents may change their answers until the campaign closes
        </label>
        <ErrorAlert
          error={create.error ?? surveys.error ?? networks.error}
          title="Could not create the campaign"
          fieldsShownBeside={NAME_FIELD}
        />
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || networkIds.length === 0}
          >
            {create.isPending ? 'Sending…' : 'Create campaign and invitations'}
          </button>
        </div>
      </form>
    </section>
  );
}

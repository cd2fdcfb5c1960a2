import { useId, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';

import type { CampaignDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';

import { useCopyCampaign } from '../api/copy-campaign';
import { useSurveyOptions } from '../api/get-campaign-options';

/** The same networks and settings on a newer published version of the questionnaire, with fresh links. */
export function CopyCampaignForm({ campaign }: { campaign: CampaignDto }) {
  const id = useId();
  const navigate = useNavigate();
  const surveys = useSurveyOptions();
  const copy = useCopyCampaign(campaign.id);
  const newer = (surveys.data?.find((survey) => survey.id === campaign.surveyId)?.publishedVersions ?? []).filter(
    (version) => version > campaign.version,
  );
  const [version, setVersion] = useState('');
  const [name, setName] = useState('');
  const chosen = version === '' ? newer[newer.length - 1] : Number(version);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen === undefined) return;
    copy.mutate(
      { version: chosen, ...(name.trim() === '' ? {} : { name: name.trim() }) },
      { onSuccess: (created) => void navigate(`/campaigns/${created.id}`) },
    );
  }

  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Copy onto a newer version</h2>
      {newer.length === 0 ? (
        <p className="muted">No newer version of this questionnaire is published yet.</p>
      ) : (
        <form className="form-grid" onSubmit={handleSubmit}>
          <div className="field">
            <label htmlFor={`${id}-version`}>Version</label>
            <select
              id={`${id}-version`}
              value={String(chosen ?? '')}
              onChange={(event) => setVersion(event.target.value)}
            >
              {newer.map((candidate) => (
                <option key={candidate} value={String(candidate)}>
                  v{candidate}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name of the new campaign</label>
            <input
              id={`${id}-name`}
              value={name}
              placeholder={`${campaign.name} (version ${String(chosen ?? '')})`}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div>
            <button type="submit" className="button" disabled={copy.isPending}>
              Copy campaign
            </button>
          </div>
          <p className="field__hint">
            Every member of the same networks gets a new personal link; answers to the two versions stay apart.
          </p>
          <ErrorAlert error={copy.error} title="Could not copy the campaign" />
        </form>
      )}
    </section>
  );
}

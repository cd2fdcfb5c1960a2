import { useId, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';

import type { CampaignProgressDto, NetworkDto } from '@concord/shared';

import { CopyButton } from '@/components/copy-button';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount, formatDateTime } from '@/utils/format';

import { useCampaignActions } from '../api/campaign-actions';
import { useCampaign } from '../api/get-campaign';
import { useCampaignLinks, useOpenLinks } from '../api/get-campaign-links';
import { useNetworkOptions } from '../api/get-campaign-options';
import { useCampaignProgress } from '../api/get-campaign-progress';

import { CopyCampaignForm } from './copy-campaign-form';
import { MailWordingPanel } from './mail-wording-form';
import { NetworkSelectField } from './network-select-field';
import { OutboxPanel } from './outbox-panel';
import { ParticipantsPanel } from './participants-panel';
import { percentText, ResponseRate } from './response-rate';
import { RetentionForm } from './retention-form';

import './campaigns.css';

function ProgressTable({ progress, networks }: { progress: CampaignProgressDto; networks: Map<string, NetworkDto> }) {
  return (
    <TableScroll label="Progress per network">
      <table className="data-table">
        <TableHead
          columns={[
            'Network',
            { label: 'Invited', numeric: true },
            { label: 'Opened', numeric: true },
            { label: 'Started', numeric: true },
            { label: 'Completed', numeric: true },
            'Response rate',
          ]}
        />
        <tbody>
          {progress.networks.map((row) => (
            <tr key={row.networkId}>
              <th scope="row">{networks.get(row.networkId)?.name ?? row.networkId}</th>
              <td className="numeric">{formatCount(row.invited)}</td>
              <td className="numeric">{formatCount(row.opened)}</td>
              <td className="numeric">{formatCount(row.started)}</td>
              <td className="numeric">{formatCount(row.completed)}</td>
              <td>
                <ResponseRate rate={row.rate} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All networks</th>
            <td className="numeric">{formatCount(progress.total.invited)}</td>
            <td className="numeric">{formatCount(progress.total.opened)}</td>
            <td className="numeric">{formatCount(progress.total.started)}</td>
            <td className="numeric">{formatCount(progress.total.completed)}</td>
            <td>
              {percentText(progress.total.invited === 0 ? null : progress.total.completed / progress.total.invited)}
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

function OpenLinkForm({ campaignId, networks }: { campaignId: string; networks: NetworkDto[] }) {
  const id = useId();
  const { openLink } = useCampaignActions(campaignId);
  const [networkId, setNetworkId] = useState('');
  const [quota, setQuota] = useState('');
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    openLink.mutate({ networkId, ...(quota === '' ? {} : { maxResponses: Number(quota) }) });
  }
  return (
    <form className="form-grid" onSubmit={handleSubmit}>
      <NetworkSelectField
        id={`${id}-network`}
        networks={networks}
        value={networkId}
        onChange={setNetworkId}
        emptyLabel="Choose…"
        required
      />
      <div className="field">
        <label htmlFor={`${id}-quota`}>Maximum responses (optional)</label>
        <input
          id={`${id}-quota`}
          type="number"
          min={1}
          value={quota}
          onChange={(event) => setQuota(event.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={openLink.isPending}>
          Create open link
        </button>
      </div>
      <ErrorAlert error={openLink.error} title="Could not create the open link" />
    </form>
  );
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const progress = useCampaignProgress(id);
  const links = useCampaignLinks(id);
  const openLinks = useOpenLinks(id);
  const networkOptions = useNetworkOptions();
  const actions = useCampaignActions(id);
  useDocumentTitle(campaign.data?.name ?? 'Campaign');

  if (campaign.isPending) return <Loading label="Loading the campaign…" />;
  if (campaign.isError) return <ErrorAlert error={campaign.error} title="Could not load the campaign" />;
  const networks = new Map((networkOptions.data ?? []).map((network) => [network.id, network]));
  const campaignNetworks = campaign.data.networkIds.flatMap((networkId) => networks.get(networkId) ?? []);
  const isOpen = campaign.data.status === 'open';

  return (
    <div className="stack">
      <p>
        <Link to="/campaigns">← Campaigns</Link>
      </p>
      <h1>{campaign.data.name}</h1>
      <dl className="definition-list">
        <dt>Questionnaire version</dt>
        <dd>v{campaign.data.version}</dd>
        <dt>Status</dt>
        <dd>{campaign.data.status}</dd>
        <dt>Opens</dt>
        <dd>{campaign.data.opensAt === null ? 'at once' : formatDateTime(campaign.data.opensAt)}</dd>
        <dt>Closes</dt>
        <dd>{campaign.data.closesAt === null ? 'when closed by hand' : formatDateTime(campaign.data.closesAt)}</dd>
        <dt>Mode</dt>
        <dd>
          {campaign.data.anonymous ? 'anonymous' : 'named'}
          {campaign.data.allowEdits ? ', answers may be changed until close' : ''}
        </dd>
      </dl>
      <RetentionForm key={campaign.data.retentionDays ?? 'keep'} campaign={campaign.data} />
      {isOpen ? (
        <div>
          <button
            type="button"
            className="button button--danger"
            disabled={actions.close.isPending}
            onClick={() => {
              if (window.confirm('Close this campaign? Links will stop accepting answers.')) actions.close.mutate();
            }}
          >
            Close campaign
          </button>
          <ErrorAlert error={actions.close.error} title="Could not close the campaign" />
        </div>
      ) : null}

      <section className="panel stack">
        <h2>Progress</h2>
        <p className="muted">Refreshed every few seconds.</p>
        <ErrorAlert error={progress.error} title="Could not load the progress" />
        {progress.data !== undefined ? <ProgressTable progress={progress.data} networks={networks} /> : <Loading />}
      </section>

      <MailWordingPanel campaignId={id} />

      <OutboxPanel campaignId={id} networks={campaignNetworks} isOpen={isOpen} />

      <ParticipantsPanel campaignId={id} networks={campaignNetworks} anonymous={campaign.data.anonymous} />

      <section className="panel stack">
        <h2>Personal links</h2>
        <p>
          <a className="button" href={`/api/campaigns/${id}/links.csv`} download>
            Download links.csv
          </a>
        </p>
        <ErrorAlert error={links.error ?? actions.revoke.error} title="Links" />
        {links.data !== undefined ? (
          <TableScroll label="Personal links">
            <table className="data-table">
              <TableHead columns={['Member', 'Country', 'Network', 'Link', '']} />
              <tbody>
                {links.data.map((link) => (
                  <tr key={link.invitationId}>
                    <th scope="row">
                      {link.name}
                      <br />
                      <span className="muted">{link.email}</span>
                    </th>
                    <td>{link.country}</td>
                    <td title={link.networkName}>{link.networkCode}</td>
                    <td>
                      {link.revoked ? (
                        <span className="muted">revoked</span>
                      ) : (
                        <CopyButton text={link.url} label="Copy link" />
                      )}
                    </td>
                    <td>
                      {link.revoked ? null : (
                        <button
                          type="button"
                          className="button"
                          onClick={() => {
                            if (window.confirm(`Revoke the link of ${link.name}?`))
                              actions.revoke.mutate(link.invitationId);
                          }}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <Loading />
        )}
      </section>

      <section className="panel stack">
        <h2>Open links</h2>
        {(openLinks.data ?? []).length === 0 ? <p className="muted">No open link yet.</p> : null}
        <ul>
          {(openLinks.data ?? []).map((link) => (
            <li key={link.id}>
              {networks.get(link.networkId)?.name ?? link.networkId}:{' '}
              {link.maxResponses === 0 ? (
                <span className="muted">test link of the test e-mails (accepts no response)</span>
              ) : (
                <>
                  {formatCount(link.responses)}
                  {link.maxResponses === null ? '' : ` / ${formatCount(link.maxResponses)}`} responses
                </>
              )}{' '}
              {link.revoked ? (
                <span className="muted">(revoked)</span>
              ) : (
                <CopyButton text={link.url} label="Copy link" />
              )}
            </li>
          ))}
        </ul>
        {isOpen ? <OpenLinkForm campaignId={id} networks={campaignNetworks} /> : null}
      </section>

      <CopyCampaignForm campaign={campaign.data} />
    </div>
  );
}

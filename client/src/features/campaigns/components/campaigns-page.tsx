import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount, formatDateTime } from '@/utils/format';

import { useCampaigns } from '../api/get-campaigns';

import { CreateCampaignForm } from './create-campaign-form';
import { ResponseRate } from './response-rate';

import './campaigns.css';

export function CampaignsPage() {
  useDocumentTitle('Campaigns');
  const campaigns = useCampaigns();
  return (
    <div className="stack">
      <h1>Campaigns</h1>
      <p className="lead">Send a published questionnaire to the regional networks and follow the response rates.</p>
      {campaigns.isPending ? <Loading label="Loading campaigns…" /> : null}
      <ErrorAlert error={campaigns.error} title="Could not load the campaigns" />
      {campaigns.data !== undefined && campaigns.data.length === 0 ? (
        <p className="muted">No campaign has been sent yet.</p>
      ) : null}
      {campaigns.data !== undefined && campaigns.data.length > 0 ? (
        <DataTable
          label="Campaigns"
          columns={[
            'Campaign',
            'Version',
            'Status',
            'Closes',
            { label: 'Invited', numeric: true },
            { label: 'Completed', numeric: true },
            'Response rate',
          ]}
        >
          {campaigns.data.map((campaign) => (
            <tr key={campaign.id}>
              <th scope="row">
                <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                {campaign.anonymous ? <span className="muted"> · anonymous</span> : null}
              </th>
              <td>v{campaign.version}</td>
              <td>{campaign.status}</td>
              <td>{campaign.closesAt === null ? '—' : formatDateTime(campaign.closesAt)}</td>
              <td className="numeric">{formatCount(campaign.invited)}</td>
              <td className="numeric">{formatCount(campaign.completed)}</td>
              <td>
                <ResponseRate rate={campaign.responseRate} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <CreateCampaignForm />
    </div>
  );
}

import type { NetworkDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { isApiError } from '@/lib/api-client';
import { formatCount } from '@/utils/format';

import { useNetworks } from '../api/get-networks';

/** The regional networks at a glance: where each is hosted, which countries, how many members. */
export function NetworksOverview() {
  const networks = useNetworks();

  if (networks.isPending) return <Loading label="Loading the regional networks…" />;
  if (networks.isError) {
    if (isApiError(networks.error, 403)) {
      return <p className="muted">The list of regional networks is open to the secretariat and administrators.</p>;
    }
    return <ErrorAlert error={networks.error} title="Could not load the regional networks" />;
  }
  if (networks.data.length === 0) return <p className="muted">No regional networks have been set up yet.</p>;

  const totalMembers = networks.data.reduce((sum, network) => sum + network.memberCount, 0);
  return (
    <TableScroll label="Regional networks">
      <table className="data-table">
        <caption className="visually-hidden">Regional networks</caption>
        <TableHead columns={['Code', 'Network', 'Hub', 'Countries', { label: 'Members', numeric: true }]} />
        <tbody>
          {networks.data.map((network) => (
            <NetworkRow key={network.id} network={network} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {formatCount(networks.data.length)} networks
            </th>
            <td className="numeric">{formatCount(totalMembers)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

function NetworkRow({ network }: { network: NetworkDto }) {
  return (
    <tr>
      <td>
        <code>{network.code}</code>
      </td>
      <th scope="row">{network.name}</th>
      <td>{network.hub}</td>
      <td className="networks-countries">
        {network.countries.length > 0 ? network.countries.join(', ') : <span className="muted">—</span>}
      </td>
      <td className="numeric">{formatCount(network.memberCount)}</td>
    </tr>
  );
}

import { useDocumentTitle } from '@/hooks/use-document-title';

import { useNetworks } from '../api/get-networks';

import { NetworkMembers } from './network-members';
import { NetworksOverview } from './networks-overview';

export function NetworksPage() {
  useDocumentTitle('Networks');
  const networks = useNetworks();
  return (
    <div className="stack">
      <h1>Networks</h1>
      <p className="lead">
        The regional networks and their members. Import member lists as CSV; e-mail addresses identify members.
      </p>
      <NetworksOverview />
      {networks.data !== undefined && networks.data.length > 0 ? <NetworkMembers networks={networks.data} /> : null}
    </div>
  );
}

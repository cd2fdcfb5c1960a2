import { PlaceholderPage } from '@/components/placeholder-page';

export function NetworksPage() {
  return (
    <PlaceholderPage title="Networks">
      <p>Manage the regional networks and their members: import member lists, keep contacts up to date.</p>
    </PlaceholderPage>
  );
}

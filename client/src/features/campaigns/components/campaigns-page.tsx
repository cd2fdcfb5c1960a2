import { PlaceholderPage } from '@/components/placeholder-page';

export function CampaignsPage() {
  return (
    <PlaceholderPage title="Campaigns">
      <p>Send a published questionnaire to the regional networks and follow the response rates.</p>
    </PlaceholderPage>
  );
}

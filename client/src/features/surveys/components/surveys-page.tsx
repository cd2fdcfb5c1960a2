import { PlaceholderPage } from '@/components/placeholder-page';

export function SurveysPage() {
  return (
    <PlaceholderPage title="Surveys">
      <p>Write questionnaires, version them and publish a version for a campaign.</p>
    </PlaceholderPage>
  );
}

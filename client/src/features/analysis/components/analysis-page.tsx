import { PlaceholderPage } from '@/components/placeholder-page';

export function AnalysisPage() {
  return (
    <PlaceholderPage title="Analysis">
      <p>Read the tallies and cross-tabulations of the responses, and export the data.</p>
    </PlaceholderPage>
  );
}

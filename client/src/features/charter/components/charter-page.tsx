import { PlaceholderPage } from '@/components/placeholder-page';

export function CharterPage() {
  return (
    <PlaceholderPage title="Charter">
      <p>Draft the Charter revision by revision, compare revisions and decide amendments.</p>
    </PlaceholderPage>
  );
}

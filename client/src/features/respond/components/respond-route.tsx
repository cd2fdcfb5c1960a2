import { useParams } from 'react-router';

import { RespondPage } from './respond-page';

/** The respondent page inside the staff app's router, for the dev server (builds use respond.html). */
export function RespondRoute() {
  const { token = '' } = useParams();
  return <RespondPage token={token} />;
}

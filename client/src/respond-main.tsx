// The respondent page's own entry (respond.html, served for /r/<token>): only React, SurveyJS and
// the respondent feature, without the staff app's router, query cache and shell, so that people on
// phones and poor links download no more than the questionnaire needs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { RespondPage } from './features/respond/components/respond-page';
import { startRespondentLoad } from './features/respond/api/get-respondent-view';

import './styles/global.css';

const token = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
// Ask for the questionnaire before React renders anything.
void startRespondentLoad(token);

const container = document.getElementById('root');
if (!container) throw new Error('respond.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <RespondPage token={token} />
  </StrictMode>,
);

import { useEffect } from 'react';

import { isApiError, NETWORK_ERROR_STATUS } from '@/lib/api-client';

import { useRespondentStart } from '../api/get-respondent-view';
import { browserLanguages, browserPageLanguage } from '../utils/language';

import { Questionnaire } from './questionnaire';
import { formatDate, RespondShell } from './respond-shell';
import { textsFor } from './respondent-messages';

// SurveyJS's own texts (Next, Complete, "Response required", …) in the working languages.
import 'survey-core/i18n/french';
import 'survey-core/i18n/russian';
import 'survey-core/i18n/arabic';
import '@/styles/survey.css';
import './respond.css';

/**
 * The page a network member reaches from their link: no login, phone-friendly, in their language.
 * A build serves it from its own entry (respond-main.tsx); the dev server reaches it through the router.
 */
export function RespondPage({ token }: { token: string }) {
  const start = useRespondentStart(token);
  const pageLanguage = browserPageLanguage(browserLanguages());

  if (start.status === 'pending') {
    return (
      <RespondShell language={pageLanguage}>
        <p className="respond__status">{textsFor(pageLanguage).loading}</p>
      </RespondShell>
    );
  }
  if (start.status === 'error') return <LinkProblem error={start.error} language={pageLanguage} />;
  return <Questionnaire token={token} start={start.start} />;
}

/** Unknown, revoked, closed and not-yet-open links, and no copy while offline: in the browser's language. */
function LinkProblem({ error, language }: { error: unknown; language: string }) {
  const texts = textsFor(language);
  let title = texts.errorTitle;
  let text = error instanceof Error ? error.message : '';
  if (isApiError(error, 404)) {
    title = texts.unknownTitle;
    text = texts.unknownText;
  } else if (isApiError(error, 410)) {
    const details = error.details as { reason?: string; opensAt?: string } | undefined;
    if (details?.reason === 'not_yet_open' && details.opensAt !== undefined) {
      title = texts.notOpenTitle;
      text = texts.notOpenText(formatDate(details.opensAt, language));
    } else {
      title = texts.closedTitle;
      text = texts.closedText;
    }
  } else if (isApiError(error, NETWORK_ERROR_STATUS)) {
    title = texts.offlineTitle;
    text = texts.offlineNoCopy;
  }
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <RespondShell language={language}>
      <section className="respond__card" role="status">
        <h1>{title}</h1>
        <p>{text}</p>
      </section>
    </RespondShell>
  );
}

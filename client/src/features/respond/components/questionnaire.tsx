import { useEffect, useMemo, useRef, useState } from 'react';
import { Model, type PageModel } from 'survey-core';
import { Survey } from 'survey-react-ui';

import type { RespondentStart } from '../api/get-respondent-view';
import { emptyLocalState, type LocalLinkState, linkStore } from '../offline/local-store';
import type { SyncSnapshot } from '../offline/response-sync';
import { keepViewForOffline, registerRespondentServiceWorker } from '../offline/service-worker-registration';
import { useResponseSync } from '../offline/use-response-sync';
import { browserLanguages, browserPageLanguage } from '../utils/language';
import { type ResumePoint, resumePoint } from '../utils/resume';
import { showShortScalesAsButtons } from '../utils/short-scales';

import { AnswerSummary, summarizeAnswers } from './answer-summary';
import { ReceiptView } from './receipt-view';
import { formatDate, RespondShell } from './respond-shell';
import { ReviewStep } from './review-step';
import { LANGUAGE_NAMES, textsFor } from './respondent-messages';
import { SyncStatus } from './sync-status';

type Step = 'answering' | 'review';

/** The device's state to start from: its own copy, or the server's when that is the newer one. */
function initialLocalState(token: string, start: RespondentStart, resume: ResumePoint): LocalLinkState {
  const { view, local } = start;
  const base = local ?? emptyLocalState(token);
  const next: LocalLinkState =
    resume.source === 'device'
      ? { ...base, view }
      : {
          ...base,
          view,
          answers: resume.answers,
          currentPage: resume.pageIndex,
          locale: resume.locale,
          serverRevision: base.revision,
          serverSavedAt: view.savedAt,
        };
  if (view.status === 'complete' && view.receipt !== null) {
    // The server has the response: a submission still waiting here was the one it got.
    next.submission = null;
    next.receipt ??= { receipt: view.receipt, responseId: '', data: view.data, submittedAt: view.savedAt ?? '' };
  }
  // A receipt kept here is never dropped for a view that says otherwise: a response never goes back
  // from complete, and such a view is an older copy (the service worker's, while offline).
  return next;
}

/** The current page's index among all pages (what the server stores), 0 before any page shows. */
function currentPageIndex(survey: Model): number {
  return Math.max(0, survey.pages.indexOf(survey.currentPage as PageModel));
}

function surveyLocale(language: string): string {
  return language === 'en' ? '' : language;
}

/** The questionnaire, its review step and the receipt, for one link. */
export function Questionnaire({ token, start }: { token: string; start: RespondentStart }) {
  const { view } = start;
  const [resume] = useState(() => resumePoint(view, start.local, browserLanguages()));
  const [initialLocal] = useState(() => initialLocalState(token, start, resume));
  const { sync, state } = useResponseSync(token, view.kind === 'open' ? 'device' : 'server', initialLocal);
  const [language, setLanguage] = useState(resume.locale);
  // A completed link opened again without a remembered language speaks the browser's.
  const [pageLanguage, setPageLanguage] = useState<string | null>(() =>
    initialLocal.receipt !== null && view.locale === null && start.local?.locale == null
      ? browserPageLanguage(browserLanguages())
      : null,
  );
  const [step, setStep] = useState<Step>('answering');
  const [, setRevision] = useState(0);
  const languageRef = useRef(language);
  languageRef.current = language;
  const textLanguage = pageLanguage ?? language;
  const texts = textsFor(textLanguage);

  const survey = useMemo(() => {
    const model = new Model(view.survey.definition);
    // The server refuses answers to questions a condition hides, in saves as in completion, so an
    // answer is dropped as soon as its question is hidden (SurveyJS would keep it until the end).
    model.clearInvisibleValues = 'onHidden';
    model.showCompletePage = false;
    showShortScalesAsButtons(model);
    model.locale = surveyLocale(resume.locale);
    model.data = initialLocal.receipt?.data ?? resume.answers;
    const page = model.pages[resume.pageIndex];
    if (page?.isVisible === true) model.currentPage = page;
    return model;
    // The definition is pinned for the life of the page: the model is built once.
  }, [view, resume, initialLocal]);

  useEffect(() => registerRespondentServiceWorker(), []);

  useEffect(() => {
    void linkStore.write(initialLocal);
    if (!start.fromDevice) keepViewForOffline(token, view);
  }, [initialLocal, start.fromDevice, token, view]);

  useEffect(() => {
    const title = survey.title;
    document.title = title === '' ? 'Concord' : title;
  }, [survey, language]);

  useEffect(() => {
    survey.locale = surveyLocale(language);
    survey.completeText = textsFor(language).reviewButton;
    setRevision((revision) => revision + 1);
  }, [survey, language]);

  useEffect(() => {
    const snapshot = (): SyncSnapshot => ({
      answers: survey.data as Record<string, unknown>,
      currentPage: currentPageIndex(survey),
      locale: languageRef.current,
    });
    const onValueChanged = () => {
      setRevision((revision) => revision + 1);
      void sync.update(snapshot(), 'later');
    };
    const onPageChanged = () => {
      setRevision((revision) => revision + 1);
      void sync.update(snapshot(), 'now');
      window.scrollTo({ top: 0 });
    };
    const onCompleting = (_sender: unknown, options: { allow: boolean }) => {
      // The last page's button leads to the review step; sending is the review's own button.
      options.allow = false;
      if (survey.validate(true, true, undefined, true)) {
        setStep('review');
        window.scrollTo({ top: 0 });
      }
    };
    survey.onValueChanged.add(onValueChanged);
    survey.onCurrentPageChanged.add(onPageChanged);
    survey.onCompleting.add(onCompleting);
    return () => {
      survey.onValueChanged.remove(onValueChanged);
      survey.onCurrentPageChanged.remove(onPageChanged);
      survey.onCompleting.remove(onCompleting);
    };
  }, [survey, sync]);

  // A refused submission goes back to the review, where the server's reasons are shown.
  useEffect(() => {
    if (state.refusal !== null) setStep('review');
  }, [state.refusal]);

  const chooseLanguage = (next: string) => {
    setPageLanguage(null);
    setLanguage(next);
    languageRef.current = next;
    if (state.receipt === null && state.submission === 'none') {
      void sync.update(
        {
          answers: survey.data as Record<string, unknown>,
          currentPage: currentPageIndex(survey),
          locale: next,
        },
        'now',
      );
    }
  };

  const languageSwitch =
    view.locales.length > 1 ? (
      <nav className="respond__languages" aria-label={texts.language}>
        {view.locales.map((locale) => (
          <button
            key={locale}
            type="button"
            className={locale === language ? 'respond__language is-active' : 'respond__language'}
            aria-pressed={locale === language}
            lang={locale}
            onClick={() => chooseLanguage(locale)}
          >
            {LANGUAGE_NAMES[locale] ?? locale}
          </button>
        ))}
      </nav>
    ) : null;

  if (state.receipt !== null) {
    return (
      <RespondShell language={textLanguage}>
        <header className="respond__header">{languageSwitch}</header>
        <ReceiptView
          survey={survey}
          texts={texts}
          language={textLanguage}
          receipt={state.receipt.receipt}
          submittedAt={state.receipt.submittedAt}
          alreadyDone={view.status === 'complete'}
          onEdit={
            view.canEdit
              ? () => {
                  void sync.reopen();
                  setStep('answering');
                }
              : null
          }
        />
      </RespondShell>
    );
  }

  if (state.submission !== 'none') {
    return (
      <RespondShell language={textLanguage}>
        <section className="respond__card" role="status" aria-live="polite">
          <h1>{state.submission === 'sending' ? texts.submissionSending : texts.submissionWaitingTitle}</h1>
          {state.submission === 'waiting' ? <p>{texts.submissionWaiting}</p> : null}
          {state.submission === 'waiting' && state.online ? (
            <button type="button" className="button button--primary" onClick={() => void sync.flush()}>
              {texts.retryNow}
            </button>
          ) : null}
        </section>
        <h2 className="respond__answers-heading">{texts.yourAnswers}</h2>
        <AnswerSummary pages={summarizeAnswers(survey, texts)} texts={texts} />
      </RespondShell>
    );
  }

  const visiblePages = survey.visiblePages;
  const pageNumber = visiblePages.indexOf(survey.currentPage as PageModel) + 1;
  return (
    <RespondShell language={textLanguage}>
      <header className="respond__header">
        {languageSwitch}
        {view.closesAt !== null ? (
          <p className="muted">{texts.closesOn(formatDate(view.closesAt, textLanguage))}</p>
        ) : null}
        <SyncStatus state={state} texts={texts} language={textLanguage} />
        {!state.online && !state.unsaved ? <p className="respond__offline">{texts.offlineNotice}</p> : null}
      </header>
      {step === 'answering' ? (
        <>
          <p className="respond__progress" aria-live="polite">
            {texts.pageOf(Math.max(1, pageNumber), Math.max(1, visiblePages.length))}
          </p>
          <Survey model={survey} />
        </>
      ) : (
        <ReviewStep
          survey={survey}
          texts={texts}
          state={state}
          onBack={() => setStep('answering')}
          onChange={(pageIndex, questionName) => {
            const page = survey.pages[pageIndex];
            if (page !== undefined) survey.currentPage = page;
            setStep('answering');
            window.setTimeout(() => survey.getQuestionByName(questionName)?.focus(), 0);
          }}
          onSubmit={() => void sync.submit(survey.data as Record<string, unknown>)}
        />
      )}
    </RespondShell>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';

import type { RespondentViewDto } from '@concord/shared';

import { ApiError, isApiError } from '@/lib/api-client';

import { completeResponse } from '../api/complete-response';
import { useRespondentView } from '../api/get-respondent-view';

import { LANGUAGE_NAMES, type RespondentTexts, textsFor } from './respondent-messages';
import { type SaveState, useAutosave } from './use-autosave';

// SurveyJS's own texts (Next, Complete, "Response required", …) in the working languages.
import 'survey-core/i18n/french';
import 'survey-core/i18n/russian';
import 'survey-core/i18n/arabic';
import '@/styles/survey.css';
import './respond.css';

function browserLanguage(): string {
  return (navigator.language || 'en').slice(0, 2).toLowerCase();
}

function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short' });
}

/** The page a network member reaches from their link: no login, phone-friendly, in their language. */
export function RespondPage() {
  const { token = '' } = useParams();
  const view = useRespondentView(token);
  const fallbackLanguage = browserLanguage();

  if (view.isPending) {
    return (
      <RespondShell language={fallbackLanguage}>
        <p className="respond__status">{textsFor(fallbackLanguage).loading}</p>
      </RespondShell>
    );
  }
  if (view.isError) return <LinkProblem error={view.error} language={fallbackLanguage} />;
  return <Questionnaire token={token} view={view.data} />;
}

function RespondShell({ language, children }: { language: string; children: React.ReactNode }) {
  return (
    <main className="respond" lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
      {children}
    </main>
  );
}

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
  }
  return (
    <RespondShell language={language}>
      <section className="respond__card" role="status">
        <h1>{title}</h1>
        <p>{text}</p>
      </section>
    </RespondShell>
  );
}

function SaveIndicator({ state, texts, device }: { state: SaveState; texts: RespondentTexts; device: boolean }) {
  let text = device ? texts.deviceOnly : '';
  switch (state.kind) {
    case 'idle':
      break;
    case 'saving':
      text = texts.saving;
      break;
    case 'saved':
      text = device ? texts.deviceOnly : texts.saved(state.at.toLocaleTimeString());
      break;
    case 'retrying':
      text = texts.retrying(state.inSeconds);
      break;
    case 'rejected':
      text = `${texts.notSaved}: ${state.message}`;
      break;
  }
  return (
    <p className={`respond__save respond__save--${state.kind}`} aria-live="polite">
      {text}
    </p>
  );
}

function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

function Questionnaire({ token, view }: { token: string; view: RespondentViewDto }) {
  const initialLanguage =
    view.language ?? (view.locales.includes(browserLanguage()) ? browserLanguage() : (view.locales[0] ?? 'en'));
  const [language, setLanguage] = useState(initialLanguage);
  const [receipt, setReceipt] = useState<string | null>(view.status === 'complete' ? view.receipt : null);
  const [editing, setEditing] = useState(false);
  const autosave = useAutosave(token, view.kind === 'open' ? 'device' : 'server');
  // One key per submission attempt series: a retried POST after a lost answer returns the first receipt.
  const idempotencyKey = useRef(newIdempotencyKey());
  const texts = textsFor(language);

  const survey = useMemo(() => {
    const model = new Model(view.survey.definition);
    // The server refuses answers to questions a condition hides, in saves as in completion, so an
    // answer is dropped as soon as its question is hidden (SurveyJS would keep it until the end).
    model.clearInvisibleValues = 'onHidden';
    model.data = view.kind === 'open' ? (autosave.readDevice() ?? {}) : view.data;
    model.showCompletePage = false;
    return model;
    // The definition is pinned for the life of the page: the model is built once per view.
  }, [view]);

  useEffect(() => {
    survey.locale = language === 'en' ? '' : language;
  }, [survey, language]);

  useEffect(() => {
    const canAutosave = view.status !== 'complete';
    const onValueChanged = () => {
      if (canAutosave) autosave.schedule(survey.data as Record<string, unknown>);
    };
    const onPageChanged = () => {
      if (canAutosave) autosave.schedule(survey.data as Record<string, unknown>, true);
      window.scrollTo({ top: 0 });
    };
    const onCompleting = async (_sender: unknown, options: { allow: boolean; message?: string }) => {
      autosave.cancel();
      try {
        const result = await completeResponse(token, survey.data as Record<string, unknown>, idempotencyKey.current);
        autosave.forgetDevice();
        setReceipt(result.receipt);
        setEditing(false);
      } catch (error) {
        options.allow = false;
        const lines =
          error instanceof ApiError && Array.isArray(error.details)
            ? (error.details as Array<{ question?: string; message?: string }>).map(
                (item) => `${item.question ?? ''}: ${item.message ?? ''}`,
              )
            : [];
        options.message = [error instanceof Error ? error.message : texts.errorTitle, ...lines].join('\n');
        // A different answer set needs a new key; the same answers retried keep theirs.
        if (isApiError(error, 422)) idempotencyKey.current = newIdempotencyKey();
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
  }, [autosave, survey, texts.errorTitle, token, view.status]);

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
            onClick={() => setLanguage(locale)}
          >
            {LANGUAGE_NAMES[locale] ?? locale}
          </button>
        ))}
      </nav>
    ) : null;

  if (receipt !== null && !editing) {
    return (
      <RespondShell language={language}>
        {languageSwitch}
        <section className="respond__card" role="status">
          <h1>{view.status === 'complete' ? texts.completedTitle : texts.thanks}</h1>
          {view.status === 'complete' ? <p>{texts.thanks}</p> : null}
          <p>{texts.receipt}:</p>
          <p className="respond__receipt">
            <code>{receipt}</code>
          </p>
          <p className="muted">{texts.keepReceipt}</p>
          {view.canEdit ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                survey.clear(false, true);
                setEditing(true);
              }}
            >
              {texts.edit}
            </button>
          ) : null}
        </section>
      </RespondShell>
    );
  }

  return (
    <RespondShell language={language}>
      <header className="respond__header">
        {languageSwitch}
        {view.closesAt !== null ? <p className="muted">{texts.closesOn(formatDate(view.closesAt, language))}</p> : null}
        <SaveIndicator state={autosave.state} texts={texts} device={view.kind === 'open'} />
      </header>
      <Survey model={survey} />
    </RespondShell>
  );
}

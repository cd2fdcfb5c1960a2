import { useEffect, useRef } from 'react';
import type { Model } from 'survey-core';

import type { SyncState } from '../offline/response-sync';

import { AnswerSummary, summarizeAnswers } from './answer-summary';
import type { RespondentTexts } from './respondent-messages';

interface ReviewStepProps {
  survey: Model;
  texts: RespondentTexts;
  state: SyncState;
  onBack: () => void;
  onChange: (pageIndex: number, questionName: string) => void;
  onSubmit: () => void;
}

export function ReviewStep({ survey, texts, state, onBack, onChange, onSubmit }: ReviewStepProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const problems: Record<string, string> = {};
  const details = state.refusal?.details;
  if (Array.isArray(details)) {
    for (const item of details as Array<{ question?: unknown; message?: unknown }>) {
      if (typeof item.question === 'string' && typeof item.message === 'string') problems[item.question] = item.message;
    }
  }
  return (
    <section className="respond__review" aria-labelledby="review-heading">
      <h1 id="review-heading" ref={heading} tabIndex={-1}>
        {texts.reviewStep}
      </h1>
      <p>{texts.reviewIntro}</p>
      {state.refusal !== null ? (
        <p className="respond__problem" role="alert">
          {texts.submissionRefused(state.refusal.message)}
        </p>
      ) : null}
      <AnswerSummary pages={summarizeAnswers(survey, texts)} texts={texts} onChange={onChange} problems={problems} />
      <div className="respond__actions">
        <button type="button" className="button button--secondary" onClick={onBack}>
          {texts.backToQuestions}
        </button>
        <button type="button" className="button button--primary" onClick={onSubmit}>
          {texts.submit}
        </button>
      </div>
    </section>
  );
}

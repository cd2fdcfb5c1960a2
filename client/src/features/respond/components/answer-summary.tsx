import type { Model } from 'survey-core';

import { type AnswerPage, formatAnswer } from '../utils/answer-copy';

import type { RespondentTexts } from './respondent-messages';

/** Elements that show something but take no answer. */
const NO_ANSWER_TYPES = new Set(['html', 'image']);

/** Every visible page and question of the model, with the answers as SurveyJS displays them. */
export function summarizeAnswers(survey: Model, texts: RespondentTexts): AnswerPage[] {
  const pages = survey.visiblePages;
  return pages.map((page, visibleIndex) => ({
    pageIndex: survey.pages.indexOf(page),
    title: page.processedTitle || texts.pageOf(visibleIndex + 1, pages.length),
    items: page.questions
      .filter((question) => question.isVisible && question.isParentVisible && !NO_ANSWER_TYPES.has(question.getType()))
      .map((question) => ({
        name: question.name,
        title: question.processedTitle || question.name,
        answer: question.isEmpty() ? null : formatAnswer(question.displayValue),
      })),
  }));
}

interface AnswerSummaryProps {
  pages: AnswerPage[];
  texts: RespondentTexts;
  /** Given on the review step: each answer then has a way back to its page. */
  onChange?: (pageIndex: number, questionName: string) => void;
  /** Messages from the server per question name (a refused submission). */
  problems?: Record<string, string>;
}

export function AnswerSummary({ pages, texts, onChange, problems = {} }: AnswerSummaryProps) {
  return (
    <div className="respond__answers">
      {pages.map((page) => (
        <section key={page.pageIndex} aria-labelledby={`answers-page-${page.pageIndex}`}>
          <h2 id={`answers-page-${page.pageIndex}`}>{page.title}</h2>
          <dl>
            {page.items.map((item) => (
              <div key={item.name} className="respond__answer">
                <dt>{item.title}</dt>
                <dd className={item.answer === null ? 'respond__no-answer' : undefined}>
                  {item.answer ?? texts.noAnswer}
                </dd>
                {problems[item.name] !== undefined ? (
                  <dd className="respond__problem" role="alert">
                    {problems[item.name]}
                  </dd>
                ) : null}
                {onChange !== undefined ? (
                  <dd className="respond__change">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`${texts.change}: ${item.title}`}
                      onClick={() => onChange(page.pageIndex, item.name)}
                    >
                      {texts.change}
                    </button>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

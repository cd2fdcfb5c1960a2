import type { Model } from 'survey-core';

import { answerCopyFileName, answerCopyHtml } from '../utils/answer-copy';
import { textDirection } from '../utils/language';

import { AnswerSummary, summarizeAnswers } from './answer-summary';
import { formatDate } from './respond-shell';
import type { RespondentTexts } from './respondent-messages';

interface ReceiptViewProps {
  survey: Model;
  texts: RespondentTexts;
  language: string;
  receipt: string;
  submittedAt: string;
  alreadyDone: boolean;
  onEdit: (() => void) | null;
}

/** The receipt and a copy of the answers sent, to print or to download and keep. */
export function ReceiptView({ survey, texts, language, receipt, submittedAt, alreadyDone, onEdit }: ReceiptViewProps) {
  const pages = summarizeAnswers(survey, texts);
  const submitted = submittedAt === '' ? null : texts.submittedOn(formatDate(submittedAt, language));
  const download = () => {
    const html = answerCopyHtml({
      surveyTitle: survey.title,
      pages,
      receipt,
      submittedAt: submitted,
      language,
      direction: textDirection(language),
      texts: {
        heading: texts.yourAnswers,
        receipt: texts.receipt,
        submittedAt: submitted ?? '',
        noAnswer: texts.noAnswer,
      },
    });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = answerCopyFileName(receipt);
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <section className="respond__card" role="status">
        <h1>{alreadyDone ? texts.completedTitle : texts.thanks}</h1>
        {alreadyDone ? <p>{texts.thanks}</p> : null}
        <p>{texts.receipt}:</p>
        <p className="respond__receipt">
          <code dir="ltr">{receipt}</code>
        </p>
        {submitted !== null ? <p>{submitted}</p> : null}
        <p className="muted">{texts.keepReceipt}</p>
        <div className="respond__actions respond__no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {texts.print}
          </button>
          <button type="button" className="button button--secondary" onClick={download}>
            {texts.download}
          </button>
          {onEdit !== null ? (
            <button type="button" className="button button--secondary" onClick={onEdit}>
              {texts.edit}
            </button>
          ) : null}
        </div>
      </section>
      <h2 className="respond__answers-heading">{texts.yourAnswers}</h2>
      <AnswerSummary pages={pages} texts={texts} />
    </>
  );
}

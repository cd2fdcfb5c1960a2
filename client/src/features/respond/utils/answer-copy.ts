/** One answer as the respondent sees it: the question's title and the answer's display text. */
export interface AnswerItem {
  name: string;
  title: string;
  /** Null when the question was left unanswered. */
  answer: string | null;
}

/** A page of the questionnaire, with its index among all pages so the review can link back to it. */
export interface AnswerPage {
  pageIndex: number;
  title: string;
  items: AnswerItem[];
}

export interface AnswerCopyTexts {
  heading: string;
  receipt: string;
  submittedAt: string;
  noAnswer: string;
}

export interface AnswerCopy {
  surveyTitle: string;
  pages: AnswerPage[];
  receipt: string | null;
  submittedAt: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  texts: AnswerCopyTexts;
}

/**
 * The text of a SurveyJS display value: lists are joined, rows of a matrix or the fields of a
 * multiple-text question become "name: value" pairs. Null for nothing answered.
 */
export function formatAnswer(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const parts = value.map(formatAnswer).filter((part): part is string => part !== null);
    return parts.length === 0 ? null : parts.join(', ');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      const text = formatAnswer(item);
      return text === null ? [] : [`${key}: ${text}`];
    });
    return parts.length === 0 ? null : parts.join('; ');
  }
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return String(value);
  return null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * A self-contained HTML document of the answers and the receipt, to download and keep: it opens
 * in any browser without the network, prints on its own, and reads right to left in Arabic.
 */
export function answerCopyHtml(copy: AnswerCopy): string {
  const { texts } = copy;
  const pages = copy.pages
    .map((page) => {
      const items = page.items
        .map(
          (item) =>
            `<dt>${escapeHtml(item.title)}</dt><dd${item.answer === null ? ' class="none"' : ''}>${escapeHtml(
              item.answer ?? texts.noAnswer,
            )}</dd>`,
        )
        .join('');
      return `<section><h2>${escapeHtml(page.title)}</h2><dl>${items}</dl></section>`;
    })
    .join('');
  const receipt =
    copy.receipt === null
      ? ''
      : `<p class="receipt">${escapeHtml(texts.receipt)}: <strong>${escapeHtml(copy.receipt)}</strong></p>`;
  const submitted = copy.submittedAt === null ? '' : `<p>${escapeHtml(texts.submittedAt)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(copy.language)}" dir="${copy.direction}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${copy.surveyTitle} — ${texts.heading}`)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b2330}',
    'h2{font-size:1.1rem;border-bottom:1px solid #ccd;padding-bottom:.25rem}dt{font-weight:600;margin-top:.75rem}',
    'dd{margin:.25rem 0 0;white-space:pre-wrap}dd.none{color:#566072;font-style:italic}',
    '.receipt strong{font-family:monospace;font-size:1.3rem;letter-spacing:.08em}</style></head>',
    `<body><h1>${escapeHtml(copy.surveyTitle)}</h1><p>${escapeHtml(texts.heading)}</p>${receipt}${submitted}${pages}</body></html>`,
  ].join('\n');
}

/** A file name safe on every system, e.g. "answers-ABCD-EFGH-JKLM-NPQR.html". */
export function answerCopyFileName(receipt: string | null): string {
  const stamp = (receipt ?? 'draft').replace(/[^0-9A-Za-z-]/g, '');
  return `answers-${stamp}.html`;
}

import { describe, expect, it } from '@jest/globals';

import fc from 'fast-check';

import { answerCopyFileName, answerCopyHtml, escapeHtml, formatAnswer } from './answer-copy';

const TEXTS = { heading: 'Your answers', receipt: 'Receipt', submittedAt: 'Sent on 1 May', noAnswer: 'No answer' };

describe('formatAnswer', () => {
  it('writes display values as text, and null for nothing answered', () => {
    expect(formatAnswer('Partly')).toBe('Partly');
    expect(formatAnswer(4)).toBe('4');
    expect(formatAnswer(false)).toBe('false');
    expect(formatAnswer(['Training', 'Exercises'])).toBe('Training, Exercises');
    expect(formatAnswer({ row1: 'Agree', row2: ['a', 'b'], row3: null })).toBe('row1: Agree; row2: a, b');
    for (const empty of [null, undefined, '', [], {}, [null, '']]) expect(formatAnswer(empty)).toBeNull();
  });
});

describe('answerCopyHtml', () => {
  it('lists every page and answer with the receipt, in the respondent’s language and direction', () => {
    const html = answerCopyHtml({
      surveyTitle: 'دور الأمانة',
      pages: [
        {
          pageIndex: 0,
          title: 'الصفحة 1',
          items: [
            { name: 'q1', title: 'هل الأدوار واضحة؟', answer: 'نعم' },
            { name: 'q2', title: 'لماذا؟', answer: null },
          ],
        },
      ],
      receipt: 'ABCD-EFGH-JKLM-NPQR',
      submittedAt: '2026-05-01T10:00:00.000Z',
      language: 'ar',
      direction: 'rtl',
      texts: TEXTS,
    });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<p class="receipt">Receipt: <strong>ABCD-EFGH-JKLM-NPQR</strong></p>');
    expect(html).toContain(
      '<section><h2>الصفحة 1</h2><dl><dt>هل الأدوار واضحة؟</dt><dd>نعم</dd><dt>لماذا؟</dt><dd class="none">No answer</dd></dl></section>',
    );
  });

  it('never lets an answer or a title write markup into the copy', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, answer) => {
        const html = answerCopyHtml({
          surveyTitle: title,
          pages: [{ pageIndex: 0, title, items: [{ name: 'q', title, answer }] }],
          receipt: answer,
          submittedAt: null,
          language: 'en',
          direction: 'ltr',
          texts: TEXTS,
        });
        const body = html.slice(html.indexOf('<body>'));
        const stripped = body.replace(
          /<\/?(body|h1|h2|p|section|dl|dt|dd|strong)( class="(none|receipt)")?>|<\/html>/g,
          '',
        );
        expect(stripped).not.toMatch(/[<>]/);
        expect(body).toContain(escapeHtml(title));
      }),
    );
  });

  it('names the file after the receipt, with nothing a file system could refuse', () => {
    expect(answerCopyFileName('ABCD-EFGH-JKLM-NPQR')).toBe('answers-ABCD-EFGH-JKLM-NPQR.html');
    expect(answerCopyFileName('../x y')).toBe('answers-xy.html');
    expect(answerCopyFileName(null)).toBe('answers-draft.html');
  });
});

import { analyzeTranslations, isRecord, translationRows } from '@concord/shared';
import { CHARTER_REVIEW_ARABIC } from './charter-review-ar';
import { CHARTER_REVIEW_V1 } from './charter-review-v1';
import { CHARTER_REVIEW_V2 } from './charter-review-v2';

/** Every localized text object anywhere in the definition (also the choices of matrix columns). */
function localizedTexts(value: unknown, into: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) localizedTexts(item, into);
  else if (isRecord(value)) {
    if (typeof value.default === 'string') into.push(value);
    else for (const child of Object.values(value)) localizedTexts(child, into);
  }
  return into;
}

describe.each([
  ['version 1', CHARTER_REVIEW_V1],
  ['version 2', CHARTER_REVIEW_V2],
])('the seeded questionnaire, %s', (_name, definition) => {
  it.each(['fr', 'ru', 'ar'])('is translated into %s completely', (locale) => {
    const texts = localizedTexts(definition);
    expect(texts.length).toBeGreaterThan(150);
    const untranslated = texts.filter((text) => typeof text[locale] !== 'string' || text[locale] === '');
    expect(untranslated).toEqual([]);
    expect(translationRows(definition, locale).filter((row) => row.status !== 'done')).toEqual([]);
  });

  it('keeps the markup of HTML strings in every language', () => {
    const completed = definition.completedHtml as Record<string, string>;
    for (const locale of ['default', 'fr', 'ru', 'ar']) expect(completed[locale]).toMatch(/^<h3>.+<\/h3><p>.+<\/p>$/);
  });
});

describe('the seeded translations', () => {
  it('leave nothing stale in version 2 and nothing missing', () => {
    const report = analyzeTranslations(CHARTER_REVIEW_V2, CHARTER_REVIEW_V1);
    expect(report.locales).toEqual(['en', 'ar', 'fr', 'ru']);
    expect(report.missing).toEqual({ ar: [], fr: [], ru: [] });
    expect(report.stale).toEqual({});
  });

  it('use every Arabic entry, so none is left over from an old wording', () => {
    const sources = new Set(
      [...localizedTexts(CHARTER_REVIEW_V1), ...localizedTexts(CHARTER_REVIEW_V2)].map((text) => text.default),
    );
    expect(Object.keys(CHARTER_REVIEW_ARABIC).filter((english) => !sources.has(english))).toEqual([]);
  });
});

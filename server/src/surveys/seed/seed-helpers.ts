import type { ChoiceJson, LocalizableString } from '@concord/shared';
import { CHARTER_REVIEW_ARABIC } from './charter-review-ar';

function arabicOf(en: string): string {
  const ar = CHARTER_REVIEW_ARABIC[en];
  if (ar === undefined) throw new Error(`The seeded questionnaire has no Arabic for "${en}"`);
  return ar;
}

/** A string in English (the default locale), French, Russian and Arabic (given, or from the Arabic wording). */
export function tr(en: string, fr: string, ru: string, ar: string = arabicOf(en)): LocalizableString {
  return { default: en, fr, ru, ar };
}

export function choice(value: string | number, en: string, fr: string, ru: string, ar?: string): ChoiceJson {
  return { value, text: tr(en, fr, ru, ar) };
}

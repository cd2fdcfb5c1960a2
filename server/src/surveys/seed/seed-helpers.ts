import type { ChoiceJson, LocalizableString } from '@concord/shared';

/** A string in English (the default locale), French, Russian and, where available, Arabic. */
export function tr(en: string, fr: string, ru: string, ar?: string): LocalizableString {
  return ar === undefined ? { default: en, fr, ru } : { default: en, fr, ru, ar };
}

export function choice(value: string | number, en: string, fr: string, ru: string, ar?: string): ChoiceJson {
  return { value, text: tr(en, fr, ru, ar) };
}

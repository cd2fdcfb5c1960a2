import { MEMBER_LANGUAGES } from '@concord/shared';

const LOCALE_KEY = /^(default|[a-z]{2}(-[A-Za-z]{2,4})?)$/;

/**
 * The languages a definition has texts in: the keys of its localisable strings ({default, fr, …}),
 * with "default" counted as English. Listed in the order of the working languages, then others.
 */
export function surveyLocales(definition: unknown): string[] {
  const found = new Set<string>(['en']);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    const isLocalised =
      entries.length > 0 && entries.every(([key, text]) => LOCALE_KEY.test(key) && typeof text === 'string');
    if (isLocalised) {
      for (const [key] of entries) found.add(key === 'default' ? 'en' : key);
      return;
    }
    for (const [, item] of entries) visit(item);
  };
  visit(definition);
  const known = MEMBER_LANGUAGES.filter((language) => found.has(language));
  const others = [...found].filter((language) => !(MEMBER_LANGUAGES as readonly string[]).includes(language)).sort();
  return [...known, ...others];
}

import type { ExportColumn } from '../analysis';

/** The two values of a theme column, listed as a multiple-choice column lists selected / not selected. */
export const THEME_COLUMN_CHOICES = [
  { value: '1', label: 'coded with this theme' },
  { value: '0', label: 'coded, not with this theme' },
];

/**
 * A theme name as a column-key part: accents dropped, lower case, runs of anything but ASCII
 * letters and digits turned into one `_`. A name with none of those (Arabic, Russian) falls back
 * to the theme's position, so the key stays readable in every statistics package.
 */
export function themeSlug(name: string, position: number): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug === '' ? String(position) : slug;
}

export interface ThemeColumnSource {
  /** The answer key coded: a question name, or `<name>-Comment` for "other" text. */
  name: string;
  /** The question whose columns the theme columns follow. */
  question: string;
  title: string;
  themes: ReadonlyArray<{ id: string; name: string; position: number }>;
}

/** One column per theme of each codable question, keyed `<answer key>__theme_<slug>`. */
export function themeColumns(sources: readonly ThemeColumnSource[], versions: number[]): ExportColumn[] {
  return sources.flatMap((source) =>
    source.themes.map((theme): ExportColumn => ({
      key: `${source.name}__theme_${themeSlug(theme.name, theme.position)}`,
      question: source.question,
      title: `${source.title}: theme ${theme.name}`,
      type: 'theme',
      holds: 'theme',
      choice: theme.id,
      choices: THEME_COLUMN_CHOICES,
      valueType: 'choice',
      versions,
      derived: { set: 0, id: `${source.name}\u0001${theme.id}` },
    })),
  );
}

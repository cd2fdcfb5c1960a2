import type { ThemeDto } from '@concord/shared';

/** The keys that toggle the first ten themes on the coding page, in order. */
export const THEME_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

export interface OrderedTheme {
  theme: ThemeDto;
  /** 0 for a top-level theme, 1 for its sub-themes, and so on. */
  depth: number;
  /** The number key that toggles it, for the first ten. */
  key: string | null;
}

/**
 * Themes as the coding page lists them: each parent followed by its sub-themes, each level by
 * position. A theme whose parent is missing from the list is shown at the top level.
 */
export function orderThemes(themes: readonly ThemeDto[]): OrderedTheme[] {
  const ids = new Set(themes.map((theme) => theme.id));
  const children = new Map<string | null, ThemeDto[]>();
  for (const theme of themes) {
    const parent = theme.parentId !== null && ids.has(theme.parentId) ? theme.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), theme]);
  }
  const ordered: OrderedTheme[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt),
    );
    for (const theme of level) {
      if (seen.has(theme.id)) continue;
      seen.add(theme.id);
      ordered.push({ theme, depth, key: THEME_KEYS[ordered.length] ?? null });
      visit(theme.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** Adds or removes a theme, keeping the selection in list order (so saved codings read the same way). */
export function toggleTheme(selection: readonly string[], themeId: string, order: readonly OrderedTheme[]): string[] {
  const next = new Set(selection);
  if (next.has(themeId)) next.delete(themeId);
  else next.add(themeId);
  const position = new Map(order.map((entry, index) => [entry.theme.id, index]));
  return [...next].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
}

export function sameSelection(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

import { useState } from 'react';

import type { ThemeDto } from '@concord/shared';

interface ThemePickFormProps {
  themes: readonly ThemeDto[];
  /** The texts of the form: the choice's accessible name, its empty option and the button. */
  wording: { choice: string; empty: string; action: string };
  /** Names the form itself where a page has one per row. */
  formLabel?: string;
  pending: boolean;
  /** Called with the chosen theme's id; the button stays off until one is chosen. */
  onPick: (themeId: string) => void;
}

/** A compact form that picks one existing theme and acts on it (apply answers to it, merge into it). */
export function ThemePickForm({ themes, wording, formLabel, pending, onPick }: ThemePickFormProps) {
  const [themeId, setThemeId] = useState('');
  return (
    <form
      className="inline-form"
      aria-label={formLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (themeId !== '') onPick(themeId);
      }}
    >
      <select
        className="select--compact"
        value={themeId}
        onChange={(event) => setThemeId(event.target.value)}
        aria-label={wording.choice}
      >
        <option value="">{wording.empty}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary button--small" disabled={themeId === '' || pending}>
        {wording.action}
      </button>
    </form>
  );
}

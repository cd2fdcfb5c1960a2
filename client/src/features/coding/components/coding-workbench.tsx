import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';

import type { CodingAnswerDto, CodingStatus } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';

import { type CodingFilters, NO_FILTERS, useCodingAnswers, useCodingProgress } from '../api/get-coding-answers';
import { useNetworks } from '../api/get-networks';
import { useThemes } from '../api/get-themes';
import { useSaveCodes } from '../api/save-codes';
import { useCreateTheme } from '../api/theme-mutations';
import { orderThemes, sameSelection, THEME_KEYS, toggleTheme } from '../utils/theme-order';

import type { CodedQuestion } from './coded-question';

const STATUS_LABELS: Record<CodingStatus, string> = {
  all: 'All answers',
  uncoded: 'Not coded yet',
  coded: 'Coded by me',
  suggested: 'Suggested, awaiting my review',
};

const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French', ru: 'Russian', ar: 'Arabic' };

/** What the coder saved on this page, ahead of the next reload of the list. */
type SavedCoding = Pick<CodingAnswerDto, 'themeIds' | 'suggestedThemeIds' | 'codedAt'>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function FiltersBar({
  filters,
  onApply,
  searchRef,
}: {
  filters: CodingFilters;
  onApply: (filters: CodingFilters) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const [draft, setDraft] = useState(filters);
  const networks = useNetworks();
  const set = <K extends keyof CodingFilters>(key: K, value: CodingFilters[K]) => setDraft({ ...draft, [key]: value });
  // Lists apply at once; typed fields apply with Enter or the button.
  const choose = <K extends keyof CodingFilters>(key: K, value: CodingFilters[K]) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    onApply(next);
  };
  const moreCount = [filters.language, filters.country, filters.role, filters.sample].filter(
    (value) => value !== '',
  ).length;
  const moreOpen = moreCount > 0 ? true : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
    // Back to the page, so the number keys code again.
    (document.activeElement as HTMLElement | null)?.blur();
  };
  return (
    <form className="coding-filters" onSubmit={submit} aria-label="Filter answers">
      <label className="coding-filters__search">
        <span>
          Search <kbd>/</kbd>
        </span>
        <input
          ref={searchRef}
          type="search"
          value={draft.q}
          onChange={(event) => set('q', event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
        />
      </label>
      <label>
        <span>Show</span>
        <select value={draft.status} onChange={(event) => choose('status', event.target.value as CodingStatus)}>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Network</span>
        <select value={draft.network} onChange={(event) => choose('network', event.target.value)}>
          <option value="">All networks</option>
          {networks.data?.map((network) => (
            <option key={network.id} value={network.id}>
              {network.name}
            </option>
          ))}
        </select>
      </label>
      <details className="coding-filters__more" open={moreOpen}>
        <summary>More filters{moreCount > 0 ? ` (${moreCount})` : ''}</summary>
        <div className="coding-filters__more-fields">
          <label>
            <span>Language</span>
            <select value={draft.language} onChange={(event) => choose('language', event.target.value)}>
              <option value="">All languages</option>
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Country</span>
            <input value={draft.country} onChange={(event) => set('country', event.target.value)} size={12} />
          </label>
          <label>
            <span>Role</span>
            <input value={draft.role} onChange={(event) => set('role', event.target.value)} size={14} />
          </label>
          <label title="The same pseudo-random answers for every coder, to check agreement">
            <span>Agreement sample</span>
            <input
              type="number"
              min={1}
              max={10000}
              placeholder="all"
              value={draft.sample}
              onChange={(event) => set('sample', event.target.value)}
              className="coding-filters__sample"
            />
          </label>
        </div>
      </details>
      <button type="submit" className="button button--secondary button--small">
        Apply
      </button>
    </form>
  );
}

/**
 * One answer at a time, coded with the keyboard: number keys toggle themes, Enter saves and moves
 * on, the arrow keys move (saving a change first). Coders see network, country and role only.
 */
export function CodingWorkbench({ campaignId, surveyId, question }: CodedQuestion) {
  const [filters, setFilters] = useState<CodingFilters>(NO_FILTERS);
  const answers = useCodingAnswers(campaignId, question, filters);
  const themes = useThemes(surveyId, question);
  const progress = useCodingProgress(campaignId, question);
  const save = useSaveCodes(campaignId, question);
  const createTheme = useCreateTheme(surveyId, question);
  const [index, setIndex] = useState(0);
  const [saved, setSaved] = useState<ReadonlyMap<string, SavedCoding>>(new Map());
  const [selection, setSelection] = useState<string[]>([]);
  const [newTheme, setNewTheme] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const newThemeRef = useRef<HTMLInputElement>(null);
  const answerHeadingId = useId();

  const ordered = useMemo(() => orderThemes(themes.data ?? []), [themes.data]);
  const list = useMemo(() => answers.data?.pages.flatMap((page) => page.answers) ?? [], [answers.data]);
  const total = answers.data?.pages[0]?.total ?? 0;
  const current = list[index];
  const stored: SavedCoding | undefined =
    current === undefined ? undefined : (saved.get(current.responseId) ?? current);
  const storedThemeIds = stored?.themeIds;

  // A new answer on screen starts from what the coder stored for it.
  useEffect(() => {
    setSelection(storedThemeIds ?? []);
  }, [current?.responseId, storedThemeIds]);

  // Moving on saves a change; only Enter confirms suggested themes as they are.
  const changed = stored !== undefined && !sameSelection(selection, stored.themeIds);

  const commit = useCallback(async (): Promise<boolean> => {
    if (current === undefined) return false;
    try {
      const result = await save.mutateAsync({ responseId: current.responseId, themeIds: selection });
      setSaved((previous) => new Map(previous).set(current.responseId, result));
      return true;
    } catch {
      return false;
    }
  }, [current, save, selection]);

  const move = useCallback(
    async (delta: number, saveFirst: 'always' | 'if-changed') => {
      if (current !== undefined && (saveFirst === 'always' || changed)) {
        if (!(await commit())) return;
      }
      const next = Math.max(0, Math.min(index + delta, list.length - 1));
      setIndex(next);
      if (next >= list.length - 5 && answers.hasNextPage && !answers.isFetchingNextPage) {
        void answers.fetchNextPage();
      }
    },
    [answers, changed, commit, current, index, list.length],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const themeIndex = (THEME_KEYS as readonly string[]).indexOf(event.key);
      if (themeIndex >= 0) {
        const entry = ordered[themeIndex];
        if (entry !== undefined && current !== undefined) {
          event.preventDefault();
          setSelection((previous) => toggleTheme(previous, entry.theme.id, ordered));
        }
        return;
      }
      const onControl =
        event.target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(event.target.tagName);
      switch (event.key) {
        case 'Enter':
          if (onControl) return;
          event.preventDefault();
          void move(1, 'always');
          return;
        case 'ArrowRight':
        case 'j':
          event.preventDefault();
          void move(1, 'if-changed');
          return;
        case 'ArrowLeft':
        case 'k':
          event.preventDefault();
          void move(-1, 'if-changed');
          return;
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          return;
        case 'n':
          event.preventDefault();
          newThemeRef.current?.focus();
          return;
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, move, ordered]);

  const applyFilters = (next: CodingFilters) => {
    setFilters(next);
    setIndex(0);
  };

  const addTheme = (event: FormEvent) => {
    event.preventDefault();
    const name = newTheme.trim();
    if (name === '') return;
    createTheme.mutate(
      { name },
      {
        onSuccess: (theme) => {
          setNewTheme('');
          setSelection((previous) => [...previous, theme.id]);
          newThemeRef.current?.blur();
        },
      },
    );
  };

  const filtered = Object.entries(filters).some(([key, value]) => value !== NO_FILTERS[key as keyof CodingFilters]);
  const coded = progress.data?.coded ?? 0;
  const all = progress.data?.total ?? 0;
  const awaiting = progress.data?.suggested ?? 0;
  const isCoded = stored?.codedAt !== null && stored?.codedAt !== undefined;

  return (
    <section className="coding-workbench" aria-label="Code answers">
      <FiltersBar filters={filters} onApply={applyFilters} searchRef={searchRef} />
      <div className="coding-progress" role="status" aria-live="polite">
        <progress max={all || 1} value={coded} aria-label="Coding progress" />
        <span>
          <strong>
            {coded} of {all} coded
          </strong>
          {awaiting > 0 && ` · ${awaiting} awaiting review`}
        </span>
      </div>
      <ErrorAlert error={answers.error ?? themes.error} />
      {answers.isPending ? (
        <Loading label="Loading answers…" />
      ) : current === undefined ? (
        <p className="coding-empty">No answer matches these filters.</p>
      ) : (
        <div className="panes coding-layout">
          <div className="coding-main">
            <article className="coding-answer" aria-labelledby={answerHeadingId}>
              <header className="coding-answer__header">
                <h2 id={answerHeadingId}>
                  Answer {index + 1} of {total}
                  {filtered ? ' matching' : ''}
                </h2>
                <span className={isCoded ? 'badge badge--success' : 'badge badge--muted'}>
                  {stored?.suggestedThemeIds.length ? 'Suggested, to review' : isCoded ? 'Coded' : 'Not coded'}
                </span>
              </header>
              <blockquote className="coding-answer__text" dir="auto" lang={current.language ?? undefined}>
                {current.text}
              </blockquote>
              <p className="coding-answer__source">
                {current.network}
                {current.country && ` · ${current.country}`}
                {current.role && ` · ${current.role}`}
                {current.language && ` · language: ${LANGUAGES[current.language] ?? current.language}`}
              </p>
            </article>
            <div className="coding-actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void move(-1, 'if-changed')}
                disabled={index === 0}
              >
                ← Previous
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void move(1, 'always')}
                disabled={save.isPending}
              >
                Save and next <kbd>Enter</kbd>
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void move(1, 'if-changed')}
                disabled={index >= list.length - 1}
              >
                Next →
              </button>
            </div>
            <ErrorAlert error={save.error} title="Not saved" />
            <p className="coding-help">
              <kbd>1</kbd>–<kbd>9</kbd>, <kbd>0</kbd> toggle a theme · <kbd>Enter</kbd> saves and moves on (no theme
              selected: coded as “none applies”) · <kbd>←</kbd> <kbd>→</kbd> move, saving a change · <kbd>/</kbd> search
              · <kbd>n</kbd> new theme
            </p>
          </div>
          <div className="coding-side">
            <fieldset className="coding-themes">
              <legend>Themes</legend>
              {ordered.length === 0 && <p className="muted">No themes yet: add one below or ask for suggestions.</p>}
              <ul>
                {ordered.map(({ theme, depth, key }) => {
                  const selected = selection.includes(theme.id);
                  const suggested = stored?.suggestedThemeIds.includes(theme.id) ?? false;
                  return (
                    <li key={theme.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
                      <button
                        type="button"
                        className={selected ? 'coding-theme is-selected' : 'coding-theme'}
                        aria-pressed={selected}
                        title={theme.description ?? undefined}
                        onClick={() => setSelection(toggleTheme(selection, theme.id, ordered))}
                      >
                        <kbd aria-hidden={key === null}>{key ?? '·'}</kbd>
                        <span>{theme.name}</span>
                        {suggested && <span className="badge">suggested</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <form className="coding-themes__add" onSubmit={addTheme}>
                <label>
                  <span>
                    New theme <kbd>n</kbd>
                  </span>
                  <input
                    ref={newThemeRef}
                    value={newTheme}
                    maxLength={120}
                    onChange={(event) => setNewTheme(event.target.value)}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') event.currentTarget.blur();
                    }}
                  />
                </label>
                <button
                  type="submit"
                  className="button button--secondary button--small"
                  disabled={createTheme.isPending}
                >
                  Add
                </button>
              </form>
              <ErrorAlert error={createTheme.error} />
            </fieldset>
          </div>
        </div>
      )}
    </section>
  );
}

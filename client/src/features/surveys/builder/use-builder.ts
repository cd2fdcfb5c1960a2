import { useCallback, useMemo, useRef, useState } from 'react';

import { checkDefinition, type DefinitionProblem, type SurveyDefinition } from '@concord/shared';

import type { ElementPath } from './definition-paths';
import { normalizePages } from './definition-edits';
import { canRedo, canUndo, type History, record, redo, replace, startHistory, undo } from './undo-history';

/** Typing in one field within this time is one undo step, not one per key. */
const COALESCE_MS = 1_000;

export interface BuilderState {
  definition: SurveyDefinition;
  /** What the definition check (the server's own) says about the present definition. */
  problems: DefinitionProblem[];
  selected: ElementPath | null;
  pageIndex: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Applies an edit; edits with the same `coalesce` key in quick succession form one undo step. */
  change: (next: SurveyDefinition, coalesce?: string) => void;
  undo: () => void;
  redo: () => void;
  select: (path: ElementPath | null) => void;
  setPageIndex: (index: number) => void;
}

export function useBuilder(initial: SurveyDefinition): BuilderState {
  const [history, setHistory] = useState<History<SurveyDefinition>>(() => startHistory(normalizePages(initial)));
  const [selected, setSelected] = useState<ElementPath | null>(null);
  const [pageIndex, setPageIndex] = useState(0);
  const last = useRef<{ key: string; at: number } | null>(null);

  const change = useCallback((next: SurveyDefinition, coalesce?: string) => {
    const now = Date.now();
    const previous = last.current;
    const joins = coalesce !== undefined && previous?.key === coalesce && now - previous.at < COALESCE_MS;
    last.current = coalesce === undefined ? null : { key: coalesce, at: now };
    setHistory((current) => (joins ? replace(current, next) : record(current, next)));
  }, []);

  const step = useCallback((move: typeof undo) => {
    last.current = null;
    setHistory((current) => {
      const next = move(current);
      const pages = next.present.pages?.length ?? 0;
      setPageIndex((index) => Math.min(index, Math.max(0, pages - 1)));
      return next;
    });
  }, []);

  const problems = useMemo(() => checkDefinition(history.present), [history.present]);
  return {
    definition: history.present,
    problems,
    selected,
    pageIndex,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    change,
    undo: useCallback(() => step(undo), [step]),
    redo: useCallback(() => step(redo), [step]),
    select: setSelected,
    setPageIndex,
  };
}

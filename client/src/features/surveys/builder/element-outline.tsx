import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';

import { defaultText, type ElementJson, type SurveyDefinition } from '@concord/shared';

import {
  childContainer,
  type ContainerPath,
  type ElementPath,
  getAt,
  pathToString,
  samePath,
} from './definition-paths';
import { duplicateElement, moveBy, moveElement, removeElement } from './definition-edits';
import { elementKey, type PlacedProblem } from './element-problems';
import { questionType } from './question-types';

interface OutlineProps {
  definition: SurveyDefinition;
  container: ContainerPath;
  selected: ElementPath | null;
  problems: Map<string, PlacedProblem[]>;
  change: (next: SurveyDefinition) => void;
  select: (path: ElementPath | null) => void;
}

function countProblems(problems: Map<string, PlacedProblem[]>, path: ElementPath): number {
  return problems.get(elementKey(path))?.length ?? 0;
}

function OutlineItem({
  element,
  path,
  ...props
}: OutlineProps & { element: ElementJson; path: ElementPath; index: number; size: number }) {
  const { definition, selected, problems, change, select } = props;
  const id = pathToString(path);
  const sortable = useSortable({ id });
  const isSelected = selected !== null && samePath(selected, path);
  const problemCount = countProblems(problems, path);
  const title = defaultText(element.title) ?? '';
  const children = childContainer(element, path);
  const move = (offset: -1 | 1) => {
    const moved = moveBy(definition, path, offset);
    change(moved.definition);
    select(moved.path);
    // Rows are keyed by position, so keep the keyboard on the element that moved, not on its old place.
    const target = pathToString(moved.path);
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`[data-outline-path="${window.CSS.escape(target)}"]`)?.focus(),
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`outline__item${isSelected ? ' outline__item--selected' : ''}${sortable.isDragging ? ' outline__item--dragging' : ''}`}
    >
      <div className="outline__row">
        <button
          type="button"
          className="outline__handle"
          aria-label={`Drag ${element.name} to reorder`}
          {...sortable.attributes}
          {...sortable.listeners}
        >
          ⠿
        </button>
        <button
          type="button"
          className="outline__select"
          aria-pressed={isSelected}
          data-outline-path={id}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          onClick={() => select(path)}
          onKeyDown={onKeyDown}
        >
          <span className="outline__name">{element.name}</span>
          <span className="outline__type">{questionType(element.type)?.label ?? element.type}</span>
          {title === '' ? null : <span className="outline__title">{title}</span>}
          {problemCount > 0 ? (
            <span className="badge badge--danger" title="See its properties">
              {problemCount} {problemCount === 1 ? 'problem' : 'problems'}
            </span>
          ) : null}
          {element.visibleIf ? <span className="badge badge--muted">condition</span> : null}
        </button>
        <span className="outline__actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${element.name} up`}
            disabled={props.index === 0}
            onClick={() => move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${element.name} down`}
            disabled={props.index === props.size - 1}
            onClick={() => move(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Duplicate ${element.name}`}
            onClick={() => {
              const copy = duplicateElement(definition, path);
              change(copy.definition);
              select(copy.path);
            }}
          >
            Copy
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete ${element.name}`}
            onClick={() => {
              change(removeElement(definition, path));
              select(null);
            }}
          >
            ×
          </button>
        </span>
      </div>
      {children === null ? null : <ElementOutline {...props} container={children} />}
    </li>
  );
}

/** The elements of one page or panel, in order: select, reorder by dragging or by keyboard, duplicate, delete. */
export function ElementOutline(props: OutlineProps) {
  const { definition, container, change, select } = props;
  const list = getAt(definition, container);
  const elements = Array.isArray(list) ? (list as ElementJson[]) : [];
  const ids = elements.map((_element, index) => pathToString([...container, index]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: string | number): string => elements[ids.indexOf(String(id))]?.name ?? String(id);
  const positionOf = (id: string | number | undefined): string =>
    id === undefined ? '' : `position ${String(ids.indexOf(String(id)) + 1)} of ${String(ids.length)}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) => `${nameOf(active.id)} is over ${positionOf(over?.id)}.`,
    onDragEnd: ({ active, over }) => `${nameOf(active.id)} was dropped at ${positionOf(over?.id)}.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from === -1 || to === -1) return;
    const moved = moveElement(definition, [...container, from], container, to);
    change(moved.definition);
    select(moved.path);
  };
  if (elements.length === 0) return <p className="muted outline__empty">Nothing here yet.</p>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol
          className="outline"
          aria-label={container.length <= 3 ? 'Questions of this page' : 'Questions of this panel'}
        >
          {elements.map((element, index) => (
            <OutlineItem
              key={ids[index]}
              {...props}
              element={element}
              path={[...container, index]}
              index={index}
              size={elements.length}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

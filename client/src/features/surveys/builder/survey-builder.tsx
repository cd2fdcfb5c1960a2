import { useId, useState } from 'react';

import { SmallButton } from '@/components/small-button';

import { childContainer, getElement, isWithin } from './definition-paths';
import {
  addElement,
  addPage,
  defaultTextOf,
  movePage,
  newElement,
  removePage,
  updatePage,
  withDefaultText,
} from './definition-edits';
import { ElementEditor } from './element-editor';
import { ElementOutline } from './element-outline';
import { groupProblems } from './element-problems';
import { TextField } from './fields';
import { QUESTION_TYPES } from './question-types';
import type { BuilderState } from './use-builder';

import './builder.css';

function pageLabel(name: unknown, index: number): string {
  return typeof name === 'string' && name !== '' ? name : `page${String(index + 1)}`;
}

/** The visual builder: pages, the elements of the current page, and the selected element's properties. */
export function SurveyBuilder({ builder, readOnly }: { builder: BuilderState; readOnly: boolean }) {
  const id = useId();
  const { definition, problems, selected, pageIndex, change, select, setPageIndex } = builder;
  const [newType, setNewType] = useState('radiogroup');
  const pages = definition.pages ?? [];
  const page = pages[pageIndex];
  const grouped = groupProblems(problems);
  const pageContainer = ['pages', pageIndex, 'elements'];
  const selectedElement = selected === null ? undefined : getElement(definition, selected);
  const selectedOnPage = selected !== null && isWithin(selected, ['pages', pageIndex]);

  function addQuestion() {
    const element = newElement(definition, newType);
    // Into the selected panel, else at the end of the page.
    const panel =
      selected !== null && selectedElement !== undefined && selectedOnPage
        ? childContainer(selectedElement, selected)
        : null;
    const added = addElement(definition, panel ?? pageContainer, element);
    change(added.definition);
    select(added.path);
  }

  return (
    <div className="builder stack">
      <div className="builder__pages" role="tablist" aria-label="Pages">
        {pages.map((candidate, index) => (
          <button
            key={index}
            type="button"
            role="tab"
            aria-selected={index === pageIndex}
            className={`builder__page-tab${index === pageIndex ? ' builder__page-tab--current' : ''}`}
            onClick={() => {
              setPageIndex(index);
              select(null);
            }}
          >
            {pageLabel(candidate.name, index)}
            {grouped.byElement.size > 0 &&
            [...grouped.byElement.keys()].some((key) => key.startsWith(`pages/${String(index)}/`)) ? (
              <span className="badge badge--danger" aria-label="has problems">
                !
              </span>
            ) : null}
          </button>
        ))}
        {readOnly ? null : (
          <SmallButton
            onClick={() => {
              const added = addPage(definition);
              change(added.definition);
              setPageIndex(added.index);
              select(null);
            }}
          >
            Add page
          </SmallButton>
        )}
      </div>

      {page === undefined ? (
        <p className="muted">This questionnaire has no page yet.</p>
      ) : (
        <fieldset className="builder__page stack" disabled={readOnly}>
          <legend className="visually-hidden">Page {pageLabel(page.name, pageIndex)}</legend>
          <div className="builder__row">
            <TextField
              label="Page name"
              value={typeof page.name === 'string' ? page.name : ''}
              onChange={(name) => change(updatePage(definition, pageIndex, { name }), `page${String(pageIndex)}.name`)}
            />
            <TextField
              label="Page title"
              value={defaultTextOf(page.title)}
              onChange={(text) =>
                change(
                  updatePage(definition, pageIndex, { title: withDefaultText(page.title, text) as string }),
                  `page${String(pageIndex)}.title`,
                )
              }
            />
          </div>
          <div className="inline-form">
            <SmallButton
              disabled={pageIndex === 0}
              onClick={() => {
                change(movePage(definition, pageIndex, pageIndex - 1));
                setPageIndex(pageIndex - 1);
              }}
            >
              Move page earlier
            </SmallButton>
            <SmallButton
              disabled={pageIndex === pages.length - 1}
              onClick={() => {
                change(movePage(definition, pageIndex, pageIndex + 1));
                setPageIndex(pageIndex + 1);
              }}
            >
              Move page later
            </SmallButton>
            <SmallButton
              disabled={pages.length === 1}
              onClick={() => {
                if (!window.confirm(`Delete page ${pageLabel(page.name, pageIndex)} and its questions?`)) return;
                change(removePage(definition, pageIndex));
                setPageIndex(Math.max(0, pageIndex - 1));
                select(null);
              }}
            >
              Delete page
            </SmallButton>
          </div>

          <ElementOutline
            definition={definition}
            container={pageContainer}
            selected={selected}
            problems={grouped.byElement}
            change={change}
            select={select}
          />
          <div className="inline-form builder__add">
            <label htmlFor={`${id}-type`}>New element</label>
            <select id={`${id}-type`} value={newType} onChange={(event) => setNewType(event.target.value)}>
              {QUESTION_TYPES.map((type) => (
                <option key={type.type} value={type.type}>
                  {type.label}
                </option>
              ))}
            </select>
            <SmallButton variant="primary" onClick={addQuestion}>
              Add question
            </SmallButton>
          </div>
          <p className="field__hint">
            Reorder by dragging the ⠿ handle, or from the keyboard: focus the handle, press Space, move with the arrow
            keys and press Space again (or Alt+↑ / Alt+↓ on a question).
          </p>
        </fieldset>
      )}

      {grouped.general.length > 0 ? (
        <ul className="alert alert--error" role="alert" aria-label="Problems of the questionnaire">
          {grouped.general.map((problem) => (
            <li key={`${problem.field}:${problem.message}`}>
              {problem.field === '' ? null : <code>{problem.field}</code>} {problem.message}
            </li>
          ))}
        </ul>
      ) : null}

      {selected !== null && selectedElement !== undefined && selectedOnPage ? (
        <fieldset disabled={readOnly} className="builder__editor">
          <legend className="visually-hidden">Selected element</legend>
          <ElementEditor
            definition={definition}
            path={selected}
            problems={grouped.byElement.get(selected.join('/')) ?? []}
            change={change}
            select={select}
          />
        </fieldset>
      ) : (
        <p className="muted">Select a question to edit its properties.</p>
      )}
    </div>
  );
}

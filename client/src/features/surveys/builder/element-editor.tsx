import { listQuestions, type SurveyDefinition, walkElements } from '@concord/shared';

import { ConditionBuilder } from './condition-builder';
import {
  type ContainerPath,
  type ElementPath,
  getElement,
  isWithin,
  pathFromString,
  pathToString,
  samePath,
  splitPath,
} from './definition-paths';
import { defaultTextOf, moveElement, updateElement, withDefaultText } from './definition-edits';
import { fieldProblems, type PlacedProblem } from './element-problems';
import { CheckboxField, TextField } from './fields';
import { questionType } from './question-types';
import { TypeProperties } from './type-properties';
import { ValidatorsEditor } from './validators-editor';

interface ElementEditorProps {
  definition: SurveyDefinition;
  path: ElementPath;
  problems: readonly PlacedProblem[];
  change: (next: SurveyDefinition, coalesce?: string) => void;
  select: (path: ElementPath) => void;
}

const CONDITIONS = [
  ['visibleIf', 'Show it only when'],
  ['enableIf', 'Let it be answered only when'],
  ['requiredIf', 'Require an answer when'],
] as const;
/** Fields shown with their own problems; any other problem is listed at the top. */
const SHOWN_FIELDS = [
  '.name',
  '.title',
  '.choices',
  '.rows',
  '.columns',
  '.items',
  '.validators',
  '.expression',
  '.html',
  ...CONDITIONS.map(([property]) => `.${property}`),
];

/** Every place an element can go: each page, and each panel that is not the element itself or inside it. */
function destinations(
  definition: SurveyDefinition,
  moving: ElementPath,
): Array<{ container: ContainerPath; label: string }> {
  const places: Array<{ container: ContainerPath; label: string }> = (definition.pages ?? []).map((page, index) => ({
    container: ['pages', index, 'elements'],
    label: `Page ${typeof page.name === 'string' && page.name !== '' ? page.name : `page${String(index + 1)}`}`,
  }));
  for (const { element, path } of walkElements(definition)) {
    const elementPath = pathFromString(path);
    if (isWithin(elementPath, moving)) continue;
    if (element.type === 'panel')
      places.push({ container: [...elementPath, 'elements'], label: `Panel ${element.name}` });
    if (element.type === 'paneldynamic')
      places.push({ container: [...elementPath, 'templateElements'], label: `Repeating panel ${element.name}` });
  }
  return places;
}

/** The properties of the selected element, with the definition check's problems beside the fields they concern. */
export function ElementEditor({ definition, path, problems, change, select }: ElementEditorProps) {
  const element = getElement(definition, path);
  if (element === undefined) return null;
  const isPanel = element.type === 'panel' || element.type === 'paneldynamic';
  const set = (changes: Record<string, unknown>, coalesce?: string) =>
    change(
      updateElement(definition, path, changes),
      coalesce === undefined ? undefined : `${pathToString(path)}${coalesce}`,
    );
  const others = listQuestions(definition).filter(
    (question) => question.name !== element.name && question.dynamicPanel === undefined,
  );
  const general = problems.filter(
    (problem) =>
      !SHOWN_FIELDS.some(
        (field) =>
          problem.field === field || problem.field.startsWith(`${field}[`) || problem.field.startsWith(`${field}.`),
      ),
  );
  const { container } = splitPath(path);
  const places = destinations(definition, path);
  const here = places.findIndex((place) => samePath(place.container, container));
  return (
    <section className="element-editor stack" aria-label={`Properties of ${element.name}`}>
      <h3>
        {questionType(element.type)?.label ?? element.type} <code>{element.name}</code>
      </h3>
      {general.length > 0 ? (
        <ul className="alert alert--error" role="alert">
          {general.map((problem) => (
            <li key={`${problem.field}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="builder__row">
        <TextField
          label="Name"
          value={element.name}
          hint="Names the answer in exports and conditions"
          onChange={(name) => set({ name }, '.name')}
          problems={fieldProblems(problems, '.name')}
        />
        {places.length > 1 ? (
          <div className="field field--narrow">
            <label htmlFor={`${pathToString(path)}-move`}>Place</label>
            <select
              id={`${pathToString(path)}-move`}
              value={String(here)}
              onChange={(event) => {
                const place = places[Number(event.target.value)];
                if (place === undefined) return;
                const moved = moveElement(definition, path, place.container, Number.MAX_SAFE_INTEGER);
                change(moved.definition);
                select(moved.path);
              }}
            >
              {places.map((place, index) => (
                <option key={place.label} value={String(index)}>
                  {place.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {element.type === 'html' ? null : (
        <TextField
          label="Title"
          value={defaultTextOf(element.title)}
          onChange={(text) => set({ title: withDefaultText(element.title, text) }, '.title')}
          problems={fieldProblems(problems, '.title')}
        />
      )}
      {element.type === 'html' ? null : (
        <TextField
          label="Description"
          value={defaultTextOf(element.description)}
          onChange={(text) => set({ description: withDefaultText(element.description, text) }, '.description')}
        />
      )}
      {isPanel || element.type === 'html' || element.type === 'expression' ? null : (
        <CheckboxField
          label="Answer required"
          checked={element.isRequired === true}
          onChange={(checked) => set({ isRequired: checked ? true : undefined })}
        />
      )}
      <TypeProperties element={element} problems={problems} set={set} />
      {CONDITIONS.filter(([property]) => !isPanel || property === 'visibleIf').map(([property, label]) => (
        <ConditionBuilder
          key={property}
          label={label}
          expression={typeof element[property] === 'string' ? element[property] : undefined}
          questions={others}
          onChange={(expression) => set({ [property]: expression })}
          problems={fieldProblems(problems, `.${property}`)}
        />
      ))}
      {isPanel || element.type === 'html' ? null : (
        <ValidatorsEditor
          validators={Array.isArray(element.validators) ? element.validators : []}
          onChange={(validators) => set({ validators })}
          problems={fieldProblems(problems, '.validators')}
        />
      )}
    </section>
  );
}

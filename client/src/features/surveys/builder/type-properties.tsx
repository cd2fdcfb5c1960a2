import type { ElementJson } from '@concord/shared';

import { fieldProblems, type PlacedProblem } from './element-problems';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';
import { ItemListEditor } from './item-list-editor';
import {
  FlagProperty,
  ItemsProperty,
  listOf,
  LocalizedTextProperty,
  NumberProperty,
  type SetProperties,
} from './property-fields';
import { CELL_TYPES, CHOICE_QUESTION_TYPES, SPECIAL_ITEM_TYPES, TEXT_INPUT_TYPES } from './question-types';

interface TypePropertiesProps {
  element: ElementJson;
  problems: readonly PlacedProblem[];
  set: SetProperties;
}

const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** One number property as a row of them lists it. */
interface NumberPropertySpec {
  name: string;
  label: string;
  coalesce?: string;
  fallback?: number;
}

// Number properties that are edited side by side: the bounds of a value, or a count at first and at most.
const RATING_SCALE: readonly NumberPropertySpec[] = [
  { name: 'rateMin', label: 'Lowest rating', fallback: 1 },
  { name: 'rateMax', label: 'Highest rating', fallback: 5 },
  { name: 'rateStep', label: 'Step' },
];
const SELECTED_CHOICES: readonly NumberPropertySpec[] = [
  { name: 'minSelectedChoices', coalesce: 'minSelected', label: 'Choose at least' },
  { name: 'maxSelectedChoices', coalesce: 'maxSelected', label: 'Choose at most' },
];
const VALUE_BOUNDS: readonly NumberPropertySpec[] = [
  { name: 'min', label: 'Minimum' },
  { name: 'max', label: 'Maximum' },
];
const MATRIX_ROWS: readonly NumberPropertySpec[] = [
  { name: 'rowCount', label: 'Rows at first' },
  { name: 'maxRowCount', label: 'At most' },
];
const PANELS: readonly NumberPropertySpec[] = [
  { name: 'panelCount', label: 'Panels at first' },
  { name: 'maxPanelCount', label: 'At most' },
];

function NumberProperties({
  element,
  set,
  properties,
}: Omit<TypePropertiesProps, 'problems'> & { properties: readonly NumberPropertySpec[] }) {
  return properties.map((property) => <NumberProperty key={property.name} element={element} set={set} {...property} />);
}

/** Number properties that belong together, side by side on one row. */
function NumberPropertyRow(
  props: Omit<TypePropertiesProps, 'problems'> & { properties: readonly NumberPropertySpec[] },
) {
  return (
    <div className="builder__row">
      <NumberProperties {...props} />
    </div>
  );
}

function ChoiceProperties({ element, problems, set }: TypePropertiesProps) {
  return (
    <>
      <ItemsProperty element={element} set={set} problems={problems} name="choices" label="Choices" />
      {SPECIAL_ITEM_TYPES.has(element.type) ? (
        <div className="builder__row">
          <CheckboxField
            label='Add "Other (describe)"'
            checked={element.showOtherItem === true || element.hasOther === true}
            onChange={(checked) => set({ showOtherItem: checked ? true : undefined, hasOther: undefined })}
          />
          <FlagProperty element={element} set={set} name="showNoneItem" label='Add "None"' />
          <FlagProperty element={element} set={set} name="showDontKnowItem" label={'Add "Don\u2019t know"'} />
        </div>
      ) : null}
      {element.showOtherItem === true ? (
        <LocalizedTextProperty element={element} set={set} name="otherText" label='Label of "Other"' />
      ) : null}
      {element.type === 'checkbox' || element.type === 'tagbox' ? (
        <NumberPropertyRow element={element} set={set} properties={SELECTED_CHOICES} />
      ) : null}
      {element.type === 'imagepicker' ? (
        <FlagProperty element={element} set={set} name="multiSelect" label="Several images may be chosen" />
      ) : null}
    </>
  );
}

function MatrixColumns({ element, problems, set }: TypePropertiesProps) {
  const columns = listOf(element.columns) as Array<Record<string, unknown>>;
  const update = (index: number, changes: Record<string, unknown>) =>
    set(
      {
        columns: columns.map((column, at) => {
          if (at !== index) return column;
          const next = { ...column };
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) delete next[key];
            else next[key] = value;
          }
          return next;
        }),
      },
      `column-${String(index)}`,
    );
  return (
    <>
      <ItemListEditor
        label="Columns"
        keyKind="name"
        items={columns}
        onChange={(next) => set({ columns: next }, 'columns')}
        problems={fieldProblems(problems, '.columns').filter((_message, index) => index < 1 || columns.length === 0)}
      />
      {columns.map((column, index) => {
        const cellType = typeof column.cellType === 'string' ? column.cellType : 'dropdown';
        const needsChoices = ['dropdown', 'checkbox', 'radiogroup', 'tagbox'].includes(cellType);
        return (
          <div key={index} className="builder__subsection">
            <SelectField
              label={`Column ${String(column.name)}: answer type`}
              value={cellType}
              options={optionsOf(CELL_TYPES)}
              onChange={(value) => update(index, { cellType: value })}
            />
            {needsChoices ? (
              <ItemListEditor
                label={`Column ${String(column.name)} choices`}
                items={listOf(column.choices)}
                onChange={(choices) => update(index, { choices })}
                problems={fieldProblems(problems, `.columns[${String(index)}].choices`)}
              />
            ) : null}
            {cellType === 'rating' ? (
              <div className="builder__row">
                <NumberField
                  label="From"
                  value={column.rateMin}
                  onChange={(value) => update(index, { rateMin: value })}
                />
                <NumberField
                  label="To"
                  value={column.rateMax}
                  onChange={(value) => update(index, { rateMax: value })}
                />
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

/** The properties that belong to the element's type. */
export function TypeProperties(props: TypePropertiesProps) {
  const { element, problems, set } = props;
  const type = element.type;
  if (CHOICE_QUESTION_TYPES.has(type)) return <ChoiceProperties {...props} />;
  switch (type) {
    case 'rating':
      return (
        <>
          <NumberPropertyRow element={element} set={set} properties={RATING_SCALE} />
          <div className="builder__row">
            <LocalizedTextProperty
              element={element}
              set={set}
              name="minRateDescription"
              coalesce="minRate"
              label="Label of the lowest"
            />
            <LocalizedTextProperty
              element={element}
              set={set}
              name="maxRateDescription"
              coalesce="maxRate"
              label="Label of the highest"
            />
          </div>
        </>
      );
    case 'boolean':
      return (
        <div className="builder__row">
          <LocalizedTextProperty element={element} set={set} name="labelTrue" label="Label for yes" />
          <LocalizedTextProperty element={element} set={set} name="labelFalse" label="Label for no" />
        </div>
      );
    case 'text': {
      const inputType = typeof element.inputType === 'string' ? element.inputType : 'text';
      return (
        <>
          <div className="builder__row">
            <SelectField
              label="Input type"
              value={inputType}
              options={optionsOf(TEXT_INPUT_TYPES)}
              onChange={(value) => set({ inputType: value === 'text' ? undefined : value })}
            />
            {inputType === 'number' || inputType === 'range' ? (
              <NumberProperties element={element} set={set} properties={VALUE_BOUNDS} />
            ) : (
              <NumberProperty element={element} set={set} name="maxLength" label="Maximum length" />
            )}
          </div>
          <LocalizedTextProperty element={element} set={set} name="placeholder" label="Placeholder" />
        </>
      );
    }
    case 'comment':
      return <NumberProperty element={element} set={set} name="maxLength" label="Maximum length" />;
    case 'multipletext':
      return (
        <ItemsProperty element={element} set={set} problems={problems} name="items" label="Text boxes" keyKind="name" />
      );
    case 'matrix':
      return (
        <>
          <ItemsProperty element={element} set={set} problems={problems} name="rows" label="Rows" />
          <ItemsProperty element={element} set={set} problems={problems} name="columns" label="Columns" />
        </>
      );
    case 'matrixdropdown':
      return (
        <>
          <ItemsProperty element={element} set={set} problems={problems} name="rows" label="Rows" />
          <MatrixColumns {...props} />
        </>
      );
    case 'matrixdynamic':
      return (
        <>
          <NumberPropertyRow element={element} set={set} properties={MATRIX_ROWS} />
          <MatrixColumns {...props} />
        </>
      );
    case 'slider':
      return <NumberPropertyRow element={element} set={set} properties={VALUE_BOUNDS} />;
    case 'file':
      return <FlagProperty element={element} set={set} name="allowMultiple" label="Several files" />;
    case 'expression':
      return (
        <TextField
          label="Expression"
          value={typeof element.expression === 'string' ? element.expression : ''}
          onChange={(text) => set({ expression: text }, 'expression')}
          problems={fieldProblems(problems, '.expression')}
        />
      );
    case 'html':
      return (
        <LocalizedTextProperty
          element={element}
          set={set}
          name="html"
          label="Content (HTML)"
          multiline
          problems={fieldProblems(problems, '.html')}
        />
      );
    case 'paneldynamic':
      return <NumberPropertyRow element={element} set={set} properties={PANELS} />;
    default:
      return null;
  }
}

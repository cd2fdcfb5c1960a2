import type { ElementJson } from '@concord/shared';

import { defaultTextOf, withDefaultText } from './definition-edits';
import { fieldProblems, type PlacedProblem } from './element-problems';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';
import { ItemListEditor } from './item-list-editor';
import { CELL_TYPES, CHOICE_QUESTION_TYPES, SPECIAL_ITEM_TYPES, TEXT_INPUT_TYPES } from './question-types';

interface TypePropertiesProps {
  element: ElementJson;
  problems: readonly PlacedProblem[];
  set: (changes: Record<string, unknown>, coalesce?: string) => void;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

function ChoiceProperties({ element, problems, set }: TypePropertiesProps) {
  return (
    <>
      <ItemListEditor
        label="Choices"
        items={list(element.choices)}
        onChange={(choices) => set({ choices }, 'choices')}
        problems={fieldProblems(problems, '.choices')}
      />
      {SPECIAL_ITEM_TYPES.has(element.type) ? (
        <div className="builder__row">
          <CheckboxField
            label='Add "Other (describe)"'
            checked={element.showOtherItem === true || element.hasOther === true}
            onChange={(checked) => set({ showOtherItem: checked ? true : undefined, hasOther: undefined })}
          />
          <CheckboxField
            label='Add "None"'
            checked={element.showNoneItem === true}
            onChange={(checked) => set({ showNoneItem: checked ? true : undefined })}
          />
          <CheckboxField
            label={'Add "Don\u2019t know"'}
            checked={element.showDontKnowItem === true}
            onChange={(checked) => set({ showDontKnowItem: checked ? true : undefined })}
          />
        </div>
      ) : null}
      {element.showOtherItem === true ? (
        <TextField
          label='Label of "Other"'
          value={defaultTextOf(element.otherText)}
          onChange={(text) => set({ otherText: withDefaultText(element.otherText, text) }, 'otherText')}
        />
      ) : null}
      {element.type === 'checkbox' || element.type === 'tagbox' ? (
        <div className="builder__row">
          <NumberField
            label="Choose at least"
            value={element.minSelectedChoices}
            onChange={(value) => set({ minSelectedChoices: value }, 'minSelected')}
          />
          <NumberField
            label="Choose at most"
            value={element.maxSelectedChoices}
            onChange={(value) => set({ maxSelectedChoices: value }, 'maxSelected')}
          />
        </div>
      ) : null}
      {element.type === 'imagepicker' ? (
        <CheckboxField
          label="Several images may be chosen"
          checked={element.multiSelect === true}
          onChange={(checked) => set({ multiSelect: checked ? true : undefined })}
        />
      ) : null}
    </>
  );
}

function MatrixColumns({ element, problems, set }: TypePropertiesProps) {
  const columns = list(element.columns) as Array<Record<string, unknown>>;
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
                items={list(column.choices)}
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
          <div className="builder__row">
            <NumberField
              label="Lowest rating"
              value={element.rateMin ?? 1}
              onChange={(value) => set({ rateMin: value }, 'rateMin')}
            />
            <NumberField
              label="Highest rating"
              value={element.rateMax ?? 5}
              onChange={(value) => set({ rateMax: value }, 'rateMax')}
            />
            <NumberField
              label="Step"
              value={element.rateStep}
              onChange={(value) => set({ rateStep: value }, 'rateStep')}
            />
          </div>
          <div className="builder__row">
            <TextField
              label="Label of the lowest"
              value={defaultTextOf(element.minRateDescription)}
              onChange={(text) =>
                set({ minRateDescription: withDefaultText(element.minRateDescription, text) }, 'minRate')
              }
            />
            <TextField
              label="Label of the highest"
              value={defaultTextOf(element.maxRateDescription)}
              onChange={(text) =>
                set({ maxRateDescription: withDefaultText(element.maxRateDescription, text) }, 'maxRate')
              }
            />
          </div>
        </>
      );
    case 'boolean':
      return (
        <div className="builder__row">
          <TextField
            label="Label for yes"
            value={defaultTextOf(element.labelTrue)}
            onChange={(text) => set({ labelTrue: withDefaultText(element.labelTrue, text) }, 'labelTrue')}
          />
          <TextField
            label="Label for no"
            value={defaultTextOf(element.labelFalse)}
            onChange={(text) => set({ labelFalse: withDefaultText(element.labelFalse, text) }, 'labelFalse')}
          />
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
              <>
                <NumberField label="Minimum" value={element.min} onChange={(value) => set({ min: value }, 'min')} />
                <NumberField label="Maximum" value={element.max} onChange={(value) => set({ max: value }, 'max')} />
              </>
            ) : (
              <NumberField
                label="Maximum length"
                value={element.maxLength}
                onChange={(value) => set({ maxLength: value }, 'maxLength')}
              />
            )}
          </div>
          <TextField
            label="Placeholder"
            value={defaultTextOf(element.placeholder)}
            onChange={(text) => set({ placeholder: withDefaultText(element.placeholder, text) }, 'placeholder')}
          />
        </>
      );
    }
    case 'comment':
      return (
        <NumberField
          label="Maximum length"
          value={element.maxLength}
          onChange={(value) => set({ maxLength: value }, 'maxLength')}
        />
      );
    case 'multipletext':
      return (
        <ItemListEditor
          label="Text boxes"
          keyKind="name"
          items={list(element.items)}
          onChange={(items) => set({ items }, 'items')}
          problems={fieldProblems(problems, '.items')}
        />
      );
    case 'matrix':
      return (
        <>
          <ItemListEditor
            label="Rows"
            items={list(element.rows)}
            onChange={(rows) => set({ rows }, 'rows')}
            problems={fieldProblems(problems, '.rows')}
          />
          <ItemListEditor
            label="Columns"
            items={list(element.columns)}
            onChange={(columns) => set({ columns }, 'columns')}
            problems={fieldProblems(problems, '.columns')}
          />
        </>
      );
    case 'matrixdropdown':
      return (
        <>
          <ItemListEditor
            label="Rows"
            items={list(element.rows)}
            onChange={(rows) => set({ rows }, 'rows')}
            problems={fieldProblems(problems, '.rows')}
          />
          <MatrixColumns {...props} />
        </>
      );
    case 'matrixdynamic':
      return (
        <>
          <div className="builder__row">
            <NumberField
              label="Rows at first"
              value={element.rowCount}
              onChange={(value) => set({ rowCount: value }, 'rowCount')}
            />
            <NumberField
              label="At most"
              value={element.maxRowCount}
              onChange={(value) => set({ maxRowCount: value }, 'maxRowCount')}
            />
          </div>
          <MatrixColumns {...props} />
        </>
      );
    case 'slider':
      return (
        <div className="builder__row">
          <NumberField label="Minimum" value={element.min} onChange={(value) => set({ min: value }, 'min')} />
          <NumberField label="Maximum" value={element.max} onChange={(value) => set({ max: value }, 'max')} />
        </div>
      );
    case 'file':
      return (
        <CheckboxField
          label="Several files"
          checked={element.allowMultiple === true}
          onChange={(checked) => set({ allowMultiple: checked ? true : undefined })}
        />
      );
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
        <TextField
          label="Content (HTML)"
          multiline
          value={defaultTextOf(element.html)}
          onChange={(text) => set({ html: withDefaultText(element.html, text) }, 'html')}
          problems={fieldProblems(problems, '.html')}
        />
      );
    case 'paneldynamic':
      return (
        <div className="builder__row">
          <NumberField
            label="Panels at first"
            value={element.panelCount}
            onChange={(value) => set({ panelCount: value }, 'panelCount')}
          />
          <NumberField
            label="At most"
            value={element.maxPanelCount}
            onChange={(value) => set({ maxPanelCount: value }, 'maxPanelCount')}
          />
        </div>
      );
    default:
      return null;
  }
}

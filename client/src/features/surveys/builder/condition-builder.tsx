import { useId } from 'react';

import type { QuestionDescriptor } from '@concord/shared';

import { SmallButton } from '@/components/small-button';

import {
  buildExpression,
  type Condition,
  type ConditionClause,
  type ConditionOperator,
  type ConditionValue,
  operatorNeedsValue,
  OPERATORS,
  parseExpression,
} from './conditions';
import { ProblemMessages } from './fields';

interface ConditionBuilderProps {
  /** "Show this question when", "Enable it when", "Require it when". */
  label: string;
  expression: string | undefined;
  /** Questions a condition may name (not the element itself). */
  questions: readonly QuestionDescriptor[];
  onChange: (expression: string | undefined) => void;
  problems: string[];
}

const MULTIPLE = new Set<ConditionOperator>(['anyof', 'allof']);

function valueOptions(
  question: QuestionDescriptor | undefined,
): Array<{ value: string | number | boolean; text: string }> {
  if (question === undefined) return [];
  if (question.type === 'boolean')
    return [
      { value: true, text: 'Yes' },
      { value: false, text: 'No' },
    ];
  return (question.choices ?? []).flatMap((choice) =>
    typeof choice.value === 'string' || typeof choice.value === 'number'
      ? [{ value: choice.value, text: choice.text }]
      : [],
  );
}

function ValueInput({
  clause,
  question,
  label,
  onChange,
}: {
  clause: ConditionClause;
  question: QuestionDescriptor | undefined;
  label: string;
  onChange: (value: ConditionValue) => void;
}) {
  const options = valueOptions(question);
  if (MULTIPLE.has(clause.operator) && options.length > 0) {
    const chosen = Array.isArray(clause.value) ? clause.value.map(String) : [];
    return (
      <select
        multiple
        aria-label={label}
        value={chosen}
        onChange={(event) =>
          onChange(
            Array.from(event.target.selectedOptions, (option) => {
              const found = options.find((candidate) => String(candidate.value) === option.value);
              return typeof found?.value === 'number' ? found.value : option.value;
            }),
          )
        }
      >
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.text}
          </option>
        ))}
      </select>
    );
  }
  if (options.length > 0) {
    return (
      <select
        aria-label={label}
        value={clause.value === undefined ? '' : String(clause.value)}
        onChange={(event) => {
          const found = options.find((candidate) => String(candidate.value) === event.target.value);
          onChange(found?.value ?? event.target.value);
        }}
      >
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.text}
          </option>
        ))}
      </select>
    );
  }
  const numeric = question?.type === 'rating' || question?.type === 'slider';
  return (
    <input
      aria-label={label}
      type={numeric ? 'number' : 'text'}
      value={clause.value === undefined || Array.isArray(clause.value) ? '' : String(clause.value)}
      onChange={(event) =>
        onChange(numeric && event.target.value !== '' ? Number(event.target.value) : event.target.value)
      }
    />
  );
}

/** A condition built by picking question, operator and value, joined by "and" or "or". */
export function ConditionBuilder({ label, expression, questions, onChange, problems }: ConditionBuilderProps) {
  const id = useId();
  const condition = parseExpression(expression);
  const emit = (next: Condition) => {
    const text = buildExpression(next);
    onChange(text === '' ? undefined : text);
  };
  if (condition === null) {
    return (
      <fieldset className="condition" aria-invalid={problems.length > 0}>
        <legend>{label}</legend>
        <p className="field__hint">Written by hand; edit it as text, or start again with the picker.</p>
        <textarea
          aria-label={`${label} (expression)`}
          value={expression ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
        <SmallButton onClick={() => onChange(undefined)}>Start again</SmallButton>
        <ProblemMessages problems={problems} />
      </fieldset>
    );
  }
  const update = (index: number, clause: ConditionClause) =>
    emit({ ...condition, clauses: condition.clauses.map((current, at) => (at === index ? clause : current)) });
  // New clauses start complete enough to be written out: a question and an operator.
  const firstQuestion = questions[0]?.name ?? '';
  return (
    <fieldset className="condition" aria-invalid={problems.length > 0}>
      <legend>{label}</legend>
      {condition.clauses.length > 1 ? (
        <div className="condition__join">
          <label htmlFor={`${id}-join`}>Match</label>
          <select
            id={`${id}-join`}
            value={condition.join}
            onChange={(event) => emit({ ...condition, join: event.target.value as 'and' | 'or' })}
          >
            <option value="and">all of these (and)</option>
            <option value="or">any of these (or)</option>
          </select>
        </div>
      ) : null}
      {condition.clauses.map((clause, index) => {
        const question = questions.find((candidate) => candidate.name === clause.question);
        const prefix = `${label}, condition ${String(index + 1)}`;
        return (
          <div className="condition__clause" key={index}>
            <select
              aria-label={`${prefix}: question`}
              value={clause.question}
              onChange={(event) => update(index, { question: event.target.value, operator: clause.operator })}
            >
              {question === undefined ? <option value={clause.question}>{clause.question} (unknown)</option> : null}
              {questions.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.name}: {candidate.title}
                </option>
              ))}
            </select>
            <select
              aria-label={`${prefix}: operator`}
              value={clause.operator}
              onChange={(event) => {
                const operator = event.target.value as ConditionOperator;
                const keepsValue =
                  operatorNeedsValue(operator) && MULTIPLE.has(operator) === MULTIPLE.has(clause.operator);
                update(index, {
                  question: clause.question,
                  operator,
                  ...(keepsValue && clause.value !== undefined ? { value: clause.value } : {}),
                });
              }}
            >
              {OPERATORS.map((entry) => (
                <option key={entry.operator} value={entry.operator}>
                  {entry.label}
                </option>
              ))}
            </select>
            {operatorNeedsValue(clause.operator) ? (
              <ValueInput
                clause={clause}
                question={question}
                label={`${prefix}: value`}
                onChange={(value) => update(index, { ...clause, value })}
              />
            ) : null}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${prefix}`}
              onClick={() => emit({ ...condition, clauses: condition.clauses.filter((_clause, at) => at !== index) })}
            >
              ×
            </button>
          </div>
        );
      })}
      <SmallButton
        disabled={firstQuestion === ''}
        onClick={() =>
          emit({ ...condition, clauses: [...condition.clauses, { question: firstQuestion, operator: 'notempty' }] })
        }
      >
        {condition.clauses.length === 0 ? `Add a condition` : 'Add another condition'}
      </SmallButton>
      {expression !== undefined ? (
        <p className="field__hint">
          <code>{expression}</code>
        </p>
      ) : null}
      <ProblemMessages problems={problems} />
    </fieldset>
  );
}

import type { ValidatorJson } from '@concord/shared';

import { SmallButton } from '@/components/small-button';

import { defaultTextOf, withDefaultText } from './definition-edits';
import { ProblemMessages } from './fields';

const VALIDATOR_TYPES = [
  { type: 'numeric', label: 'Number range', fields: ['minValue', 'maxValue'] },
  { type: 'text', label: 'Text length', fields: ['minLength', 'maxLength'] },
  { type: 'answercount', label: 'Number of choices', fields: ['minCount', 'maxCount'] },
  { type: 'regex', label: 'Pattern', fields: ['regex'] },
  { type: 'email', label: 'E-mail address', fields: [] },
  { type: 'expression', label: 'Expression', fields: ['expression'] },
] as const;

const FIELD_LABELS: Record<string, string> = {
  minValue: 'Minimum',
  maxValue: 'Maximum',
  minLength: 'Minimum length',
  maxLength: 'Maximum length',
  minCount: 'At least',
  maxCount: 'At most',
  regex: 'Regular expression',
  expression: 'Must be true',
};
const TEXT_FIELDS = new Set(['regex', 'expression']);

interface ValidatorsEditorProps {
  validators: readonly ValidatorJson[];
  onChange: (validators: ValidatorJson[] | undefined) => void;
  problems: string[];
}

/** The checks an answer must pass, each with the message respondents see. */
export function ValidatorsEditor({ validators, onChange, problems }: ValidatorsEditorProps) {
  const emit = (next: ValidatorJson[]) => onChange(next.length === 0 ? undefined : next);
  const update = (index: number, changes: Record<string, unknown>) =>
    emit(
      validators.map((validator, at) => {
        if (at !== index) return validator;
        const next: Record<string, unknown> = { ...validator };
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') delete next[key];
          else next[key] = value;
        }
        return next as ValidatorJson;
      }),
    );
  return (
    <fieldset className="validators" aria-invalid={problems.length > 0}>
      <legend>Validation</legend>
      {validators.map((validator, index) => {
        const kind = VALIDATOR_TYPES.find((candidate) => candidate.type === validator.type);
        const prefix = `Validator ${String(index + 1)}`;
        return (
          <div className="validators__row" key={index}>
            <select
              aria-label={`${prefix} type`}
              value={validator.type}
              onChange={(event) =>
                emit(validators.map((current, at) => (at === index ? { type: event.target.value } : current)))
              }
            >
              {VALIDATOR_TYPES.map((candidate) => (
                <option key={candidate.type} value={candidate.type}>
                  {candidate.label}
                </option>
              ))}
            </select>
            {(kind?.fields ?? []).map((field) => (
              <label key={field} className="validators__field">
                {FIELD_LABELS[field]}
                <input
                  type={TEXT_FIELDS.has(field) ? 'text' : 'number'}
                  value={validator[field] === undefined ? '' : String(validator[field] as string | number)}
                  onChange={(event) =>
                    update(index, {
                      [field]:
                        TEXT_FIELDS.has(field) || event.target.value === ''
                          ? event.target.value
                          : Number(event.target.value),
                    })
                  }
                />
              </label>
            ))}
            <label className="validators__field validators__field--wide">
              Message
              <input
                value={defaultTextOf(validator.text)}
                placeholder="The default message"
                onChange={(event) => update(index, { text: withDefaultText(validator.text, event.target.value) })}
              />
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${prefix.toLowerCase()}`}
              onClick={() => emit(validators.filter((_validator, at) => at !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <SmallButton onClick={() => emit([...validators, { type: 'numeric' }])}>Add a check</SmallButton>
      <ProblemMessages problems={problems} />
    </fieldset>
  );
}

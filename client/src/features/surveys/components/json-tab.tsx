import { useEffect, useId, useMemo, useRef, useState } from 'react';

import type { DefinitionProblem, SurveyDefinition } from '@concord/shared';

import { SmallButton } from '@/components/small-button';

import { formatWithPaths } from '../utils/json-lines';
import { DefinitionEditor } from './definition-editor';

interface JsonTabProps {
  definition: SurveyDefinition;
  problems: DefinitionProblem[];
  readOnly: boolean;
  change: (next: SurveyDefinition, coalesce?: string) => void;
}

function parse(text: string): { value: SurveyDefinition } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { error: 'The definition must be a JSON object' };
    return { value: value as SurveyDefinition };
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'Not valid JSON' };
  }
}

/**
 * The definition as JSON, kept in step with the builder both ways: valid JSON typed here becomes the
 * builder's definition, and changes made in the builder rewrite the text.
 */
export function JsonTab({ definition, problems, readOnly, change }: JsonTabProps) {
  const id = useId();
  const [text, setText] = useState(() => formatWithPaths(definition).text);
  const emitted = useRef<SurveyDefinition>(definition);
  useEffect(() => {
    if (definition !== emitted.current) {
      emitted.current = definition;
      setText(formatWithPaths(definition).text);
    }
  }, [definition]);
  const parsed = useMemo(() => parse(text), [text]);
  const formatted = useMemo(() => ('value' in parsed ? formatWithPaths(parsed.value) : null), [parsed]);
  const lines = formatted !== null && formatted.text === text ? formatted.lines : null;
  return (
    <section className="stack" aria-label="JSON">
      <label htmlFor={`${id}-json`}>SurveyJS definition (JSON)</label>
      <DefinitionEditor
        id={`${id}-json`}
        value={text}
        readOnly={readOnly}
        problems={'value' in parsed ? problems : []}
        lines={lines}
        onChange={(next) => {
          setText(next);
          const result = parse(next);
          if ('value' in result) {
            emitted.current = result.value;
            change(result.value, 'json');
          }
        }}
      />
      {'error' in parsed ? <p className="alert alert--warning">Not valid JSON: {parsed.error}</p> : null}
      {formatted !== null && lines === null && !readOnly ? (
        <SmallButton onClick={() => setText(formatted.text)}>Format</SmallButton>
      ) : null}
    </section>
  );
}

import { useRef } from 'react';

import type { DefinitionProblem } from '@concord/shared';

import { lineOfPath } from '../utils/json-lines';

interface DefinitionEditorProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  problems: DefinitionProblem[];
  /** Line of each JSON path, known while the text is as the editor formatted it. */
  lines: Map<string, number> | null;
}

/** A plain textarea with line numbers; the server's problems are listed beneath and marked in the gutter. */
export function DefinitionEditor({ id, value, onChange, readOnly, problems, lines }: DefinitionEditorProps) {
  const gutter = useRef<HTMLPreElement>(null);
  const lineCount = value.split('\n').length;
  const problemLines = new Map<number, string[]>();
  for (const problem of problems) {
    const line = lines === null ? undefined : lineOfPath(lines, problem.path);
    if (line !== undefined) problemLines.set(line, [...(problemLines.get(line) ?? []), problem.message]);
  }
  const numbers = Array.from({ length: lineCount }, (_unused, index) => {
    const line = index + 1;
    return problemLines.has(line) ? `! ${String(line)}` : String(line);
  }).join('\n');
  return (
    <div className="stack">
      <div className="definition-editor">
        <pre className="definition-editor__gutter" aria-hidden="true" ref={gutter}>
          {numbers}
        </pre>
        <textarea
          id={id}
          className="definition-editor__text"
          spellCheck={false}
          readOnly={readOnly}
          value={value}
          wrap="off"
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
      {problems.length > 0 ? (
        <ul className="alert alert--error definition-editor__problems" role="alert">
          {problems.map((problem, index) => {
            const line = lines === null ? undefined : lineOfPath(lines, problem.path);
            return (
              <li key={index}>
                {line === undefined ? null : <strong>line {line}: </strong>}
                <code>{problem.path}</code> {problem.message}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

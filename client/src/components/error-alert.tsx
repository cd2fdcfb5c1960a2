import { ApiError } from '@/lib/api-client';

interface DetailLine {
  label: string | null;
  message: string;
}

const LABEL_KEYS = ['path', 'field', 'property', 'question', 'line'] as const;

function detailLabel(record: Record<string, unknown>): string | null {
  for (const key of LABEL_KEYS) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}

/**
 * Details come in two shapes: the validation pipe's `[{field, messages[]}]` and the domain
 * checks' `[{path|question|…, message}]`. Fields a form shows beside their inputs are left out.
 */
function detailLines(details: unknown, fieldsShownBeside: readonly string[]): DetailLine[] {
  if (!Array.isArray(details)) return [];
  const lines: DetailLine[] = [];
  for (const item of details as unknown[]) {
    if (typeof item === 'string') {
      lines.push({ label: null, message: item });
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    if (typeof record.field === 'string' && fieldsShownBeside.includes(record.field)) continue;
    if (Array.isArray(record.messages)) {
      const label = detailLabel(record);
      for (const message of record.messages) if (typeof message === 'string') lines.push({ label, message });
      continue;
    }
    if (typeof record.message !== 'string') continue;
    lines.push({ label: detailLabel(record), message: record.message });
  }
  return lines;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

interface ErrorAlertProps {
  error: unknown;
  /** Short context shown before the message, e.g. "Could not add the user". */
  title?: string;
  className?: string;
  /** Fields whose errors the form shows beside their inputs (see FieldErrorText): not repeated here. */
  fieldsShownBeside?: readonly string[];
}

/** Shows an error (typically an ApiError) as an assertive alert; renders nothing without one. */
export function ErrorAlert({ error, title, className, fieldsShownBeside = [] }: ErrorAlertProps) {
  if (error === null || error === undefined) return null;
  const lines = error instanceof ApiError ? detailLines(error.details, fieldsShownBeside) : [];
  return (
    <div className={['alert', 'alert--error', className].filter(Boolean).join(' ')} role="alert">
      <p className="alert__message">
        {title ? <strong>{title}: </strong> : null}
        {errorMessage(error)}
      </p>
      {lines.length > 0 ? (
        <ul className="alert__details">
          {lines.map((line, index) => (
            <li key={index}>
              {line.label === null ? null : <code>{line.label}</code>} {line.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

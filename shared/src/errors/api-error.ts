import { isErrorCode, type ErrorCode } from './error-codes';

/** The one error body every endpoint answers with. `code` names the problem for programs. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** One field that failed validation, as the server's validation pipe reports it in `details`. */
export interface FieldError {
  field: string;
  messages: string[];
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.statusCode === 'number' && typeof body.message === 'string' && isErrorCode(body.code);
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.field === 'string' &&
    Array.isArray(record.messages) &&
    record.messages.every((message) => typeof message === 'string')
  );
}

/** The field errors in an error body's `details`; empty when the details are of another shape. */
export function fieldErrorsOf(details: unknown): FieldError[] {
  return Array.isArray(details) ? details.filter(isFieldError) : [];
}

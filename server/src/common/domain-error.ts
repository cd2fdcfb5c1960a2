import { ERROR_STATUS, type ErrorCode } from '@concord/shared';

/**
 * The error services throw. It carries a code from the shared catalogue; the global
 * exception filter turns it into the HTTP status and body, so services never know HTTP.
 *
 * A refusal (4xx) is an answer, not a fault: nobody reads its stack, and capturing one was the
 * largest single cost of a 401. Only errors answered with 5xx, which the filter logs, keep theirs.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    const stackLimit = Error.stackTraceLimit;
    if (ERROR_STATUS[code] < 500) Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = stackLimit;
    }
    this.code = code;
    this.details = details;
    this.name = 'DomainError';
  }
}

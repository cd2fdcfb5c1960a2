import type { ErrorCode } from '@concord/shared';

/**
 * The error services throw. It carries a code from the shared catalogue; the global
 * exception filter turns it into the HTTP status and body, so services never know HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

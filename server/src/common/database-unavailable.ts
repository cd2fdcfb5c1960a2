// Apart from the HTTP exception filter so that services (audit sealing) can ask without depending
// on HTTP.

/** PostgreSQL SQLSTATEs and driver messages that mean "the database cannot be reached now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  // Checked by shape, not instanceof: socket errors may come from another realm (test sandboxes).
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  // A Unix-domain socket that is not there: the embedded cluster is stopped (over TCP, ECONNREFUSED).
  if (code === 'ENOENT' && (error as { syscall?: unknown }).syscall === 'connect') return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError !== undefined && driverError !== error && isDatabaseUnavailable(driverError)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}

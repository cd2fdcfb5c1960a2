const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const preciseDateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "21 Nov 2025, 06:33", or the raw value when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : iso;
}

/** With seconds, for logs where the order of close events matters. */
export function formatPreciseDateTime(iso: string): string {
  const date = parse(iso);
  return date ? preciseDateTimeFormat.format(date) : iso;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

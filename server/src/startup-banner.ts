/**
 * The first admin's credentials in a box of their own, set apart by blank lines from the JSON
 * log lines around them, so they are found at a glance and copied without a stray brace.
 */
export function framed(lines: readonly string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const horizontal = '═'.repeat(width + 2);
  return ['', `╔${horizontal}╗`, ...lines.map((line) => `║ ${line.padEnd(width)} ║`), `╚${horizontal}╝`, ''].join('\n');
}

/**
 * Positional parameters collected while a query is written. Shared so that a feature can add the
 * conditions it owns (a SQL fragment) to a query another feature is writing, in one numbering.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

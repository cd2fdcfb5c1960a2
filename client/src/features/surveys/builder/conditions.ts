/**
 * Conditions (`visibleIf`, `enableIf`, `requiredIf`) as a list of clauses joined by "and" or "or",
 * built by picking a question, an operator and a value, and written as a SurveyJS expression.
 * Expressions the builder did not write (brackets, functions, mixed and/or) are kept as text.
 */

export const OPERATORS = [
  { operator: '=', label: 'is' },
  { operator: '<>', label: 'is not' },
  { operator: '>', label: 'is greater than' },
  { operator: '<', label: 'is less than' },
  { operator: '>=', label: 'is at least' },
  { operator: '<=', label: 'is at most' },
  { operator: 'contains', label: 'includes' },
  { operator: 'notcontains', label: 'does not include' },
  { operator: 'anyof', label: 'is any of' },
  { operator: 'allof', label: 'includes all of' },
  { operator: 'notempty', label: 'is answered' },
  { operator: 'empty', label: 'is not answered' },
] as const;

export type ConditionOperator = (typeof OPERATORS)[number]['operator'];
export type ConditionValue = string | number | boolean | Array<string | number>;

export interface ConditionClause {
  question: string;
  operator: ConditionOperator;
  /** Absent for `empty` and `notempty`. */
  value?: ConditionValue;
}

export interface Condition {
  join: 'and' | 'or';
  clauses: ConditionClause[];
}

/** Every operator compares with a value except the two that ask whether the question is answered. */
export function operatorNeedsValue(operator: ConditionOperator): boolean {
  return operator !== 'empty' && operator !== 'notempty';
}

function literal(value: string | number | boolean): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function clauseText(clause: ConditionClause): string {
  const subject = `{${clause.question}}`;
  if (!operatorNeedsValue(clause.operator)) return `${subject} ${clause.operator}`;
  const value = clause.value ?? '';
  const text = Array.isArray(value) ? `[${value.map(literal).join(', ')}]` : literal(value);
  return `${subject} ${clause.operator} ${text}`;
}

/** The SurveyJS expression of a condition; '' for none. */
export function buildExpression(condition: Condition): string {
  return condition.clauses
    .filter((clause) => clause.question !== '')
    .map(clauseText)
    .join(` ${condition.join} `);
}

// A small tokenizer for the expressions buildExpression writes.
type Token =
  | { kind: 'variable'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; text: string }
  | { kind: 'symbol'; text: string };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    const variable = /^\{([^{}]+)\}/.exec(rest);
    if (variable) {
      tokens.push({ kind: 'variable', text: variable[1] ?? '' });
      index += variable[0].length;
      continue;
    }
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      let value = '';
      let position = 1;
      while (position < rest.length && rest[position] !== quote) {
        if (rest[position] === '\\' && position + 1 < rest.length) position += 1;
        value += rest[position];
        position += 1;
      }
      if (position >= rest.length) return null;
      tokens.push({ kind: 'string', value });
      index += position + 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      index += number[0].length;
      continue;
    }
    const symbol = /^(<>|>=|<=|!=|==|=|>|<|\[|\]|,)/.exec(rest);
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol[0] });
      index += symbol[0].length;
      continue;
    }
    const word = /^[A-Za-z_]+/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0].toLowerCase() });
      index += word[0].length;
      continue;
    }
    return null;
  }
  return tokens;
}

const SYMBOL_OPERATORS: Record<string, ConditionOperator> = {
  '=': '=',
  '==': '=',
  '<>': '<>',
  '!=': '<>',
  '>': '>',
  '<': '<',
  '>=': '>=',
  '<=': '<=',
};
/** The operators written as words (`contains`, `anyof`, `empty`…), as the table lists them. */
const WORD_OPERATORS = new Set<string>(
  OPERATORS.map((entry) => entry.operator).filter((operator) => /^[a-z]+$/.test(operator)),
);

function scalar(token: Token | undefined): string | number | boolean | undefined {
  if (token === undefined) return undefined;
  if (token.kind === 'string' || token.kind === 'number') return token.value;
  if (token.kind === 'word' && (token.text === 'true' || token.text === 'false')) return token.text === 'true';
  return undefined;
}

/** The clauses of an expression the builder can show, or null when it must stay as text. */
export function parseExpression(text: string | undefined): Condition | null {
  if (text === undefined || text.trim() === '') return { join: 'and', clauses: [] };
  const tokens = tokenize(text);
  if (tokens === null) return null;
  const clauses: ConditionClause[] = [];
  let join: 'and' | 'or' | null = null;
  let position = 0;
  while (position < tokens.length) {
    const subject = tokens[position];
    const operatorToken = tokens[position + 1];
    if (subject?.kind !== 'variable' || operatorToken === undefined) return null;
    position += 2;
    let operator: ConditionOperator | undefined;
    if (operatorToken.kind === 'symbol') operator = SYMBOL_OPERATORS[operatorToken.text];
    else if (operatorToken.kind === 'word' && WORD_OPERATORS.has(operatorToken.text))
      operator = operatorToken.text as ConditionOperator;
    if (operator === undefined) return null;
    const clause: ConditionClause = { question: subject.text, operator };
    if (operatorNeedsValue(operator)) {
      const next = tokens[position];
      if (next?.kind === 'symbol' && next.text === '[') {
        const values: Array<string | number> = [];
        position += 1;
        for (;;) {
          const item = tokens[position];
          if (item?.kind === 'symbol' && item.text === ']') {
            position += 1;
            break;
          }
          const value = scalar(item);
          if (value === undefined || typeof value === 'boolean') return null;
          values.push(value);
          position += 1;
          const separator = tokens[position];
          if (separator?.kind === 'symbol' && separator.text === ',') position += 1;
        }
        clause.value = values;
      } else {
        const value = scalar(next);
        if (value === undefined) return null;
        clause.value = value;
        position += 1;
      }
    }
    clauses.push(clause);
    const connector = tokens[position];
    if (connector === undefined) break;
    if (connector.kind !== 'word' || (connector.text !== 'and' && connector.text !== 'or')) return null;
    // Mixed "and" and "or" depend on precedence the list cannot show.
    if (join !== null && join !== connector.text) return null;
    join = connector.text;
    position += 1;
    if (position >= tokens.length) return null;
  }
  return { join: join ?? 'and', clauses };
}

/**
 * The writers accept a table in any of the shapes a notebook has at hand: an
 * Arquero table, an array of row objects, or an object of column arrays.
 */
import { UserInputError } from '../util/errors';

/** Something with columns: an Arquero table (anything with `columnNames()` and `array(name)`). */
export interface ColumnarTable {
  columnNames(): string[];
  array(name: string): ArrayLike<unknown>;
  numRows(): number;
}

export type TableInput = ColumnarTable | ReadonlyArray<Record<string, unknown>> | Record<string, ArrayLike<unknown>>;

export interface NamedColumn {
  name: string;
  values: unknown[];
}

function isColumnar(x: unknown): x is ColumnarTable {
  return typeof x === 'object' && x !== null && typeof (x as ColumnarTable).columnNames === 'function' && typeof (x as ColumnarTable).array === 'function';
}

/**
 * The columns of a table input, in order. Row objects give the union of
 * their keys in order of first appearance; a missing key is an empty value.
 *
 * @example
 *   toColumns([{ a: 1, b: 'x' }, { a: 2 }]); // [{ name: 'a', values: [1, 2] }, { name: 'b', values: ['x', undefined] }]
 */
export function toColumns(input: TableInput): NamedColumn[] {
  if (isColumnar(input)) return input.columnNames().map((name) => ({ name, values: Array.from(input.array(name)) }));
  if (Array.isArray(input)) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const row of input as ReadonlyArray<Record<string, unknown>>) {
      if (typeof row !== 'object' || row === null) throw new UserInputError('Expected a table: an Arquero table, a list of row objects, or an object of column arrays.');
      for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), names.push(k));
    }
    return names.map((name) => ({ name, values: (input as ReadonlyArray<Record<string, unknown>>).map((r) => r[name]) }));
  }
  if (typeof input === 'object' && input !== null) {
    return Object.entries(input as Record<string, ArrayLike<unknown>>).map(([name, values]) => {
      if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
        throw new UserInputError(`Column "${name}" is not a list of values; expected an object of column arrays such as { network: [...], trust: [...] }.`);
      }
      return { name, values: Array.from(values) };
    });
  }
  throw new UserInputError('Expected a table: an Arquero table, a list of row objects, or an object of column arrays.');
}

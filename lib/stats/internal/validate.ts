/**
 * Input checks shared by the functions in lib/stats (internal; not exported from
 * the barrel). Every check throws a {@link UserInputError} whose message names the
 * offending item or value and says how to fix it; no NaN is ever passed on.
 */
import { UserInputError } from '../../util/errors';

/** A cell of a data matrix: a number, or null/undefined for a missing value. */
export type Cell = number | null | undefined;

/** True for null or undefined (the two spellings of "missing" we accept). */
export function isMissing(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/**
 * Human label for column `j`: the given name if any, otherwise its 0-based index,
 * e.g. `item "q4" (column 3)` or `item at column 3`.
 */
export function columnLabel(j: number, names: readonly string[] | undefined, noun = 'item'): string {
  return names ? `${noun} "${names[j]}" (column ${j})` : `${noun} at column ${j}`;
}

/** Describes a non-finite or non-numeric value for an error message. */
export function describeBadValue(v: unknown): string {
  if (typeof v === 'number') return String(v); // NaN, Infinity, -Infinity
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `a value of type ${typeof v}`;
}

export interface MatrixCheck {
  /** Name of the argument in messages, e.g. "matrix". */
  what: string;
  /** Whether null/undefined cells are allowed. */
  allowMissing: boolean;
  /** Optional column names (must have one per column). */
  names?: readonly string[];
  /** Noun used for a column in messages ("item", "rater"). */
  columnNoun: string;
  /** Noun used for a row in messages ("case", "target"). */
  rowNoun: string;
  /** Option that handles missing data, quoted in the message when missing values are not allowed. */
  missingHint?: string;
}

/**
 * Checks that `matrix` is a non-empty rectangular array of rows whose cells are
 * finite numbers (or missing, if allowed). Returns the dimensions and whether any
 * cell is missing.
 */
export function checkMatrix(
  matrix: unknown,
  opts: MatrixCheck,
): { nRows: number; nCols: number; hasMissing: boolean } {
  const { what, names, columnNoun, rowNoun } = opts;
  if (!Array.isArray(matrix)) {
    throw new UserInputError(`${what} must be an array of rows (one row per ${rowNoun}, one column per ${columnNoun}); got ${describeBadValue(matrix)}.`);
  }
  if (matrix.length === 0) {
    throw new UserInputError(`${what} has no rows; pass one row per ${rowNoun}.`);
  }
  const first = matrix[0];
  if (!Array.isArray(first)) {
    throw new UserInputError(`${what}[0] is not an array; pass a matrix as an array of rows (number[][]).`);
  }
  const nCols = first.length;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length !== nCols) {
      throw new UserInputError(
        `options.names has ${Array.isArray(names) ? names.length : 'no'} entries but ${what} has ${nCols} columns; give exactly one name per column.`,
      );
    }
  }
  let hasMissing = false;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    if (!Array.isArray(row)) {
      throw new UserInputError(`${what}[${i}] (${rowNoun} ${i}) is not an array; every row must be an array of numbers.`);
    }
    if (row.length !== nCols) {
      throw new UserInputError(
        `${what} is ragged: row ${i} has ${row.length} values but row 0 has ${nCols}; every ${rowNoun} needs one value per ${columnNoun} (use null for a missing value).`,
      );
    }
    for (let j = 0; j < nCols; j++) {
      const v = row[j];
      if (isMissing(v)) {
        if (!opts.allowMissing) {
          throw new UserInputError(
            `${what}[${i}][${j}] (${rowNoun} ${i}, ${columnLabel(j, names, columnNoun)}) is missing; ` +
              (opts.missingHint ?? `remove incomplete ${rowNoun}s first.`),
          );
        }
        hasMissing = true;
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new UserInputError(
          `${what}[${i}][${j}] (${rowNoun} ${i}, ${columnLabel(j, names, columnNoun)}) is ${describeBadValue(v)}; ` +
            `every value must be a finite number (use null for a missing value).`,
        );
      }
    }
  }
  return { nRows: matrix.length, nCols, hasMissing };
}

/** Checks a probability-like option strictly between 0 and 1. */
export function checkOpenUnit(value: number, option: string): void {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new UserInputError(`${option} must be a number strictly between 0 and 1; got ${describeBadValue(value)}.`);
  }
}

/** Checks that an option is one of the allowed strings. */
export function checkChoice<T extends string>(value: unknown, allowed: readonly T[], option: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UserInputError(`${option} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(value)}.`);
  }
  return value as T;
}

/**
 * Guards against NaN/Infinity leaking out of a computation after the inputs were
 * validated. Reaching it is a bug, not a user error, hence a plain Error.
 */
export function assertFinite(value: number, label: string): number {
  if (!Number.isFinite(value)) {
    throw new Error(`internal error: ${label} is ${value}; please report this with the input that caused it.`);
  }
  return value;
}

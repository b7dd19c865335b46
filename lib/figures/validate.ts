/**
 * Checks of the builders' inputs and options. Every problem is a
 * UserInputError with a message that says what was found and what is expected.
 */
import { UserInputError } from '../util/errors';

/** A table (array of rows) must have at least one row. */
export function checkNonEmpty<T>(rows: readonly T[] | null | undefined, what: string, figure: string): readonly T[] {
  if (!Array.isArray(rows)) throw new UserInputError(`${figure}: expected ${what} as a list of rows, found ${rows === null ? 'null' : typeof rows}.`);
  if (rows.length === 0) throw new UserInputError(`${figure}: ${what} is empty; there is nothing to draw. Check that the data loaded (survey.csv has rows, the network names match).`);
  return rows;
}

/** A network name must be one of the known ones. */
export function checkNetwork(name: unknown, known: readonly string[], figure: string): string {
  if (typeof name !== 'string' || !known.includes(name)) {
    throw new UserInputError(`${figure}: unknown network ${JSON.stringify(name)}. Known networks: ${known.join(', ')}.`);
  }
  return name;
}

/** Several network names (e.g. `highlight`) must all be known. */
export function checkNetworks(names: readonly unknown[], known: readonly string[], figure: string): string[] {
  return names.map((n) => checkNetwork(n, known, figure));
}

/** A value on a 1-5 figure: null (missing) or a number from 1 to 5. */
export function checkScaleValue(value: unknown, where: string, figure: string, min = 1, max = 5): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UserInputError(`${figure}: ${where} is ${JSON.stringify(value)}; expected a number from ${min} to ${max} or null.`);
  }
  if (value < min - 1e-9 || value > max + 1e-9) {
    throw new UserInputError(`${figure}: ${where} is ${value}, outside the scale ${min}-${max} of this figure. Means of answers on a ${min}-${max} scale lie inside it; check the data or the construct.`);
  }
  return value;
}

/** A finite number (or null when `allowNull`). */
export function checkNumber(value: unknown, where: string, figure: string, allowNull = false): number | null {
  if ((value === null || value === undefined) && allowNull) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UserInputError(`${figure}: ${where} is ${JSON.stringify(value)}; expected a finite number${allowNull ? ' or null' : ''}.`);
  }
  return value;
}

/** A number inside [min, max]. */
export function checkRange(value: unknown, where: string, figure: string, min: number, max: number): number {
  const v = checkNumber(value, where, figure) as number;
  if (v < min || v > max) throw new UserInputError(`${figure}: ${where} is ${v}; expected a number from ${min} to ${max}.`);
  return v;
}

/** Two lists that belong together must have the same length. */
export function checkSameLength(a: readonly unknown[], b: readonly unknown[], names: [string, string], figure: string): void {
  if (!Array.isArray(a) || !Array.isArray(b)) throw new UserInputError(`${figure}: ${names[0]} and ${names[1]} must be lists.`);
  if (a.length !== b.length) {
    throw new UserInputError(`${figure}: ${names[0]} has ${a.length} entries but ${names[1]} has ${b.length}; they must match one to one.`);
  }
}

/** A choice among known options. */
export function checkOption<T extends string>(value: unknown, allowed: readonly T[], name: string, figure: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UserInputError(`${figure}: option ${name} is ${JSON.stringify(value)}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}.`);
  }
  return value as T;
}

/** A width or height in pixels. */
export function checkSize(value: unknown, name: string, figure: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 5000) {
    throw new UserInputError(`${figure}: option ${name} is ${JSON.stringify(value)}; expected a whole number of pixels from 100 to 5000.`);
  }
  return value;
}

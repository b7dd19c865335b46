/**
 * Problems with a user's input, collected and reported as one readable
 * `UserInputError` (every reader and validator uses them), with the helpers
 * their messages share: a value shown quoted, a list of names, and a
 * "did you mean" suggestion for a mistyped name.
 */
import { UserInputError } from './errors';

/** How many problems an error message lists by default; the rest are counted. */
export const DEFAULT_MAX_PROBLEMS = 20;

/**
 * Collects problems. Each is one line of the final message, in the order
 * found: header problems first, then rows top to bottom.
 */
export class ProblemList {
  readonly items: string[] = [];

  get length(): number {
    return this.items.length;
  }

  add(message: string): void {
    this.items.push(message);
  }

  /**
   * A problem in one cell: `row N, column "x": found "v", expected ...`; `note`
   * says what is wrong with the value when that is not obvious, e.g. `(not a whole number)`.
   */
  cell(row: number, column: string, found: string, expected: string, note?: string): void {
    this.add(`row ${row}, column "${column}": found ${showValue(found)}${note ? ` (${note})` : ''}, expected ${expected}`);
  }

  /**
   * Throws one UserInputError listing the first `max` problems, if there are any.
   * `what` names the kind of file, e.g. "survey file".
   */
  throwIfAny(file: string, what: string, max = DEFAULT_MAX_PROBLEMS): void {
    const n = this.items.length;
    if (n === 0) return;
    const shown = this.items.slice(0, Math.max(0, max));
    const rest = n - shown.length;
    const lines = [
      `${file}: ${n} problem${n === 1 ? '' : 's'} in the ${what}${rest > 0 ? ` (the first ${shown.length} are listed)` : ''}:`,
      ...shown.map((p) => `  - ${p}`),
    ];
    if (rest > 0) lines.push(`  ... and ${rest} more problem${rest === 1 ? '' : 's'}`);
    throw new UserInputError(lines.join('\n'));
  }
}

/** A cell value as messages show it: quoted, with line breaks made visible; empty cells named. */
export function showValue(value: string): string {
  if (value.trim() === '') return 'an empty cell';
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(shown);
}

/** Lists names for a message: `"a", "b" or "c"`. */
export function listNames(names: readonly string[], conjunction = 'or'): string {
  const q = names.map((n) => `"${n}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}

/** Lower-case letters and digits only: `Trust_1`, `trust1` and `TRUST-1` all become `trust1`. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate a mistyped name most likely meant, or undefined: first a match
 * ignoring case, spaces, dashes and underscores, then the closest name with
 * the same digits within a small edit distance (1 for short names, 2 from 6
 * characters on).
 *
 * @example
 *   suggestName('Trust_1', ['trust_1', 'trust_2']) // => 'trust_1'
 *   suggestName('trust1', ['trust_1', 'trust_2'])  // => 'trust_1'
 *   suggestName('netwerk', ['network'])            // => 'network'
 *   suggestName('age', ['network'])                // => undefined
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const key = normaliseName(name);
  if (key === '') return undefined;
  const exact = candidates.find((c) => normaliseName(c) === key);
  if (exact !== undefined) return exact;
  // Numbers must agree: "trust_7" is not a typo of "trust_1", whatever the edit distance.
  const digits = (s: string) => s.replace(/\D/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (digits(c) !== digits(key)) continue;
    const d = editDistance(key, normaliseName(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = key.length >= 6 ? 2 : key.length >= 3 ? 1 : 0;
  return bestDistance <= allowed ? best : undefined;
}

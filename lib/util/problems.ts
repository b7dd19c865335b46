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
 * How many problems a ProblemList keeps in memory at most; the rest are only
 * counted. A file with a million bad cells then costs a count, not a million
 * messages (an error message lists DEFAULT_MAX_PROBLEMS of them anyway).
 */
export const MAX_KEPT_PROBLEMS = 1000;

/** The longest single problem message kept; longer ones are cut with "...". */
export const MAX_PROBLEM_LENGTH = 2000;

/**
 * Collects problems. Each is one line of the final message, in the order
 * found: header problems first, then rows top to bottom. Only the first
 * `keep` (default MAX_KEPT_PROBLEMS) are kept; `length` counts them all.
 */
export class ProblemList {
  readonly items: string[] = [];
  private total = 0;

  constructor(private readonly keep: number = MAX_KEPT_PROBLEMS) {}

  /** The number of problems found (kept or only counted). */
  get length(): number {
    return this.total;
  }

  add(message: string): void {
    this.total++;
    if (this.items.length < this.keep) this.items.push(capLength(message, MAX_PROBLEM_LENGTH));
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
    const n = this.total;
    if (n === 0) return;
    throw new UserInputError(formatProblems(file, what, this.items, n, max));
  }
}

/**
 * The text of an error listing problems: a first line with the count, then the
 * first `max` problems (`total` counts those not passed in `items` as well).
 *
 * @example
 *   formatProblems('codebook.json', 'codebook', ['a: bad'], 1) // => 'codebook.json: 1 problem in the codebook:\n  - a: bad'
 */
export function formatProblems(file: string, what: string, items: readonly string[], total = items.length, max = DEFAULT_MAX_PROBLEMS): string {
  const shown = items.slice(0, Math.max(0, Math.min(max, items.length)));
  const rest = total - shown.length;
  const lines = [
    `${file}: ${total} problem${total === 1 ? '' : 's'} in the ${what}${rest > 0 ? ` (the first ${shown.length} are listed)` : ''}:`,
    ...shown.map((p) => `  - ${p}`),
  ];
  if (rest > 0) lines.push(`  ... and ${rest} more problem${rest === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** A text cut to at most `max` characters, ending in "..." when cut. */
export function capLength(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 3))}...`;
}

/** A cell value as messages show it: quoted, with line breaks made visible; empty cells named. */
export function showValue(value: string): string {
  if (value.trim() === '') return 'an empty cell';
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(shown);
}

/** Lists names for a message: `"a", "b" or "c"`. */
export function listNames(names: readonly string[], conjunction = 'or', max = 100): string {
  const quote = (n: string) => `"${capLength(n, 80)}"`;
  if (names.length > max) return `${names.slice(0, max).map(quote).join(', ')}, ... (${names.length} in all)`;
  const q = names.map(quote);
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
  const normalised = candidates.map(normaliseName);
  const exact = normalised.indexOf(key);
  if (exact >= 0) return candidates[exact];
  // Numbers must agree: "trust_7" is not a typo of "trust_1", whatever the edit distance.
  const digits = (s: string) => s.replace(/\D/g, '');
  const keyDigits = digits(key);
  const allowed = key.length >= 6 ? 2 : key.length >= 3 ? 1 : 0;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const c = normalised[i];
    // Only names within the allowed distance matter: a cheap length test first, then a banded distance.
    if (Math.abs(c.length - key.length) > allowed || digits(c) !== keyDigits) continue;
    const d = boundedEditDistance(key, c, Math.min(allowed, bestDistance));
    if (d < bestDistance) {
      best = candidates[i];
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/**
 * The edit distance of a and b when it is at most `limit`, else limit + 1:
 * only the diagonal band |i - j| <= limit is computed, so long names cost
 * their length, not its square.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const big = limit + 1;
  let prev = new Array<number>(b.length + 1).fill(big);
  for (let j = 0; j <= Math.min(b.length, limit); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(big);
    if (i <= limit) cur[0] = i;
    let rowMin = cur[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), big);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > limit) return big;
    prev = cur;
  }
  return Math.min(prev[b.length], big);
}

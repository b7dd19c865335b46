/**
 * Reliability data shared by the agreement coefficients (internal): a matrix
 * with one row per coder and one column per unit (a document, a paragraph, a
 * document x code pair), cells holding the value the coder gave the unit or
 * null when the coder did not rate it. Values are numbers or strings
 * (categories); `ratingTable` turns two coders' ratings into a contingency table.
 */
import { UserInputError } from '../../util/errors';

/** A rating: a category (string or number), or null/undefined when missing. */
export type Rating = string | number | null | undefined;

/** Checks the coders x units matrix and returns its size. */
export function checkRatings(ratings: unknown, fn: string, minCoders = 2): { coders: number; units: number } {
  if (!Array.isArray(ratings) || ratings.length < minCoders) {
    throw new UserInputError(`${fn}: expected ratings as an array with one row per coder (at least ${minCoders}), each row one value per unit; got ${Array.isArray(ratings) ? `${ratings.length} row(s)` : typeof ratings}.`);
  }
  const units = Array.isArray(ratings[0]) ? ratings[0].length : -1;
  ratings.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row)) throw new UserInputError(`${fn}: coder row ${i} is not an array of ratings.`);
    if (row.length !== units) throw new UserInputError(`${fn}: coder row ${i} has ${row.length} ratings but row 0 has ${units}; every coder needs one entry per unit (null when not rated).`);
    row.forEach((v: unknown, j: number) => {
      if (v === null || v === undefined) return;
      if (typeof v === 'number' && !Number.isFinite(v)) throw new UserInputError(`${fn}: coder ${i}, unit ${j} is ${v}; expected a category (string or finite number) or null.`);
      if (typeof v !== 'number' && typeof v !== 'string') throw new UserInputError(`${fn}: coder ${i}, unit ${j} is a ${typeof v}; expected a category (string or finite number) or null.`);
    });
  });
  if (units <= 0) throw new UserInputError(`${fn}: there are no units to compare.`);
  return { coders: ratings.length, units };
}

/** A key that keeps 1 and "1" apart. */
export const ratingKey = (v: string | number): string => `${typeof v}:${v}`;

/** A square contingency table of two coders over the categories. */
export interface RatingTable {
  /** Categories in table order. */
  categories: Array<string | number>;
  /** counts[i][j]: units coder 1 put in category i and coder 2 in category j. */
  counts: number[][];
  /** Units rated by both coders. */
  n: number;
  /** Units left out because one or both ratings were missing. */
  dropped: number;
}

/**
 * Cross-tabulates two coders' ratings (pairs with a missing rating are dropped).
 * Categories are sorted (numbers ascending, then strings) unless given.
 */
export function ratingTable(a: readonly Rating[], b: readonly Rating[], categories?: ReadonlyArray<string | number>): RatingTable {
  checkRatings([a, b], 'ratingTable');
  const seen = new Map<string, string | number>();
  for (const v of [...a, ...b]) if (v !== null && v !== undefined) seen.set(ratingKey(v), v);
  const cats = categories ? [...categories] : [...seen.values()].sort((x, y) => (typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1));
  const index = new Map(cats.map((c, i) => [ratingKey(c), i]));
  for (const [k, v] of seen) if (!index.has(k)) throw new UserInputError(`ratingTable: the rating ${JSON.stringify(v)} is not among the categories ${JSON.stringify(cats)}.`);
  const counts = cats.map(() => cats.map(() => 0));
  let n = 0;
  let dropped = 0;
  for (let u = 0; u < a.length; u++) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) {
      dropped++;
      continue;
    }
    counts[index.get(ratingKey(x))!][index.get(ratingKey(y))!]++;
    n++;
  }
  return { categories: cats, counts, n, dropped };
}

/** Checks a square table of non-negative counts. */
export function checkTable(counts: unknown, fn: string): number[][] {
  if (!Array.isArray(counts) || counts.length < 1 || counts.some((r) => !Array.isArray(r) || r.length !== counts.length)) {
    throw new UserInputError(`${fn}: expected a square table of counts (rows: coder 1, columns: coder 2, same categories in the same order).`);
  }
  for (const r of counts as unknown[][]) {
    for (const v of r) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new UserInputError(`${fn}: the table holds ${JSON.stringify(v)}; expected counts (numbers >= 0).`);
    }
  }
  return counts as number[][];
}

import { UserInputError } from '../../util/errors';
import { normalQuantile } from '../internal/distributions';
import { percentAgreement } from './percentAgreement';
import type { Rating } from './ratings';

export interface BrennanPredigerOptions {
  /**
   * Number of categories q, so that chance agreement is 1/q. Default: the number of
   * distinct values in the ratings (at least 2). MAXQDA uses q = 2 for code presence
   * and, at segment level, the number of codes compared.
   */
  categories?: number;
  /** Confidence level; default 0.95. */
  level?: number;
}

export interface BrennanPredigerResult {
  /** kappa_n = (po - 1/q) / (1 - 1/q); null when no unit has two ratings. */
  kappa: number | null;
  po: number | null;
  /** Chance agreement 1/q. */
  pe: number;
  q: number;
  /** Units with at least two ratings. */
  n: number;
  /** Standard error (Gwet 2014, without finite-population correction); null for n < 2. */
  se: number | null;
  level: number;
  lower: number | null;
  upper: number | null;
}

/**
 * Brennan & Prediger's kappa ("free-marginal" kappa): chance agreement is
 * fixed at 1/q instead of estimated from the coders' marginals, the
 * coefficient MAXQDA reports as kappa in its intercoder agreement.
 *
 *   kappa_n = (po - 1/q) / (1 - 1/q),
 * with po the percent agreement (mean pairwise agreement per unit for more than
 * two coders, Randolph 2005). Standard error from the unit-level coefficients
 * k_u = (p_u - 1/q) / (1 - 1/q):
 *   se^2 = sum_u (k_u - kappa_n)^2 / (n (n - 1))       (Gwet 2014, ch. 5, f = 0),
 * which for two coders is po (1 - po) / ((n - 1)(1 - 1/q)^2); interval kappa_n -/+ z se,
 * bounded to [-1, 1].
 *
 * References: Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: some uses,
 * misuses, and alternatives. Educational and Psychological Measurement, 41, 687-699.
 * Gwet, K. L. (2014). Handbook of Inter-Rater Reliability (4th ed.), ch. 5.
 * Validated: tests/stats/agreement/intercoder.test.ts (closed form on hand-counted tables).
 *
 * @example
 *   brennanPredigerKappa([[1, 0, 1, 1], [1, 1, 1, 0]], { categories: 2 }).kappa; // 0 (po = .5 = 1/2)
 */
export function brennanPredigerKappa(ratings: ReadonlyArray<readonly Rating[]>, options: BrennanPredigerOptions = {}): BrennanPredigerResult {
  const pa = percentAgreement(ratings);
  const distinct = new Set(ratings.flat().filter((v) => v !== null && v !== undefined).map((v) => `${typeof v}:${v}`)).size;
  const q = options.categories ?? Math.max(2, distinct);
  if (!Number.isInteger(q) || q < 2) throw new UserInputError(`brennanPredigerKappa: option categories is ${q}; expected a whole number >= 2.`);
  if (distinct > q) throw new UserInputError(`brennanPredigerKappa: the ratings use ${distinct} categories, more than categories = ${q}.`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new UserInputError(`brennanPredigerKappa: option level is ${level}; expected a number between 0 and 1.`);
  const pe = 1 / q;
  const n = pa.units;
  if (pa.agreement === null) return { kappa: null, po: null, pe, q, n, se: null, level, lower: null, upper: null };
  const kappa = (pa.agreement - pe) / (1 - pe);
  let se: number | null = null;
  if (n >= 2) {
    let ss = 0;
    for (const p of pa.perUnit) if (p !== null) ss += ((p - pe) / (1 - pe) - kappa) ** 2;
    se = Math.sqrt(ss / (n * (n - 1)));
  }
  const zq = normalQuantile(1 - (1 - level) / 2);
  return { kappa, po: pa.agreement, pe, q, n, se, level, lower: se === null ? null : Math.max(-1, kappa - zq * se), upper: se === null ? null : Math.min(1, kappa + zq * se) };
}

/** Brennan & Prediger's kappa from an observed agreement and q (MAXQDA's formula, no standard error). */
export function brennanPredigerFromAgreement(po: number, q: number): number {
  if (!(po >= 0 && po <= 1)) throw new UserInputError(`brennanPredigerFromAgreement: po is ${po}; expected a proportion from 0 to 1.`);
  if (!Number.isInteger(q) || q < 2) throw new UserInputError(`brennanPredigerFromAgreement: q is ${q}; expected a whole number >= 2.`);
  return (po - 1 / q) / (1 - 1 / q);
}

/** Brennan & Prediger's kappa from counts, with its standard error and interval. */
export interface BrennanPredigerCounts {
  /** (po - 1/q) / (1 - 1/q), po = agree / total; null when there is nothing to compare (total 0 or q < 2). */
  kappa: number | null;
  q: number;
  /** sqrt(po (1 - po) / (total - 1)) / (1 - 1/q); null for total < 2. */
  se: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Brennan & Prediger's kappa from a count of agreements among `total`
 * comparisons with q categories (MAXQDA's segment-level kappa), with the
 * two-coder standard error of brennanPredigerKappa,
 *   se = sqrt(po (1 - po) / (total - 1)) / (1 - 1/q),
 * and the interval kappa -/+ z se at `level`, bounded to [-1, 1].
 * Validated: tests/stats/agreement/intercoder.test.ts and the segment agreement
 * of tests/qual/agreement.test.ts.
 *
 * @example
 *   brennanPredigerFromCounts(8, 10, 2, 0.95).kappa; // 0.6
 */
export function brennanPredigerFromCounts(agree: number, total: number, q: number, level: number): BrennanPredigerCounts {
  if (total === 0 || q < 2) return { kappa: null, q, se: null, lower: null, upper: null };
  const po = agree / total;
  const pe = 1 / q;
  const kappa = (po - pe) / (1 - pe);
  const se = total > 1 ? Math.sqrt((po * (1 - po)) / (total - 1)) / (1 - pe) : null;
  const z = normalQuantile(1 - (1 - level) / 2);
  return { kappa, q, se, lower: se === null ? null : Math.max(-1, kappa - z * se), upper: se === null ? null : Math.min(1, kappa + z * se) };
}

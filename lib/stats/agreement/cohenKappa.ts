import { UserInputError } from '../../util/errors';
import { normalCdf, normalQuantile } from '../internal/distributions';
import { checkTable, type Rating, ratingTable } from './ratings';

export interface CohenKappaOptions {
  /** Confidence level of the interval; default 0.95. */
  level?: number;
  /** Category order when ratings (not a table) are given. */
  categories?: ReadonlyArray<string | number>;
}

export interface CohenKappaResult {
  /** Cohen's kappa; null when undefined (chance agreement pe = 1: both coders used one and the same category throughout). */
  kappa: number | null;
  /** Observed agreement sum p_ii. */
  po: number;
  /** Chance agreement sum p_i. p_.i. */
  pe: number;
  /** Units rated by both coders. */
  n: number;
  /** Asymptotic standard error for the confidence interval (Fleiss, Cohen & Everitt 1969, non-null). */
  se: number | null;
  /** Standard error under H0: kappa = 0 (for the z test). */
  se0: number | null;
  /** z = kappa / se0. */
  z: number | null;
  /** One-sided p of H0: kappa = 0 against kappa > 0 (Stata's Prob>Z). */
  p: number | null;
  level: number;
  lower: number | null;
  upper: number | null;
  /** Why something is null, or a caution (n < 30: the normal approximation is rough). */
  note: string | null;
}

/**
 * Cohen's kappa for two coders with its asymptotic standard errors.
 *
 *   kappa = (po - pe) / (1 - pe),  po = sum_i p_ii,  pe = sum_i p_i. p_.i
 * Standard error for the confidence interval (Fleiss, Cohen & Everitt 1969):
 *   se^2 = [ A + B - C ] / ((1 - pe)^2 n),
 *   A = sum_i p_ii (1 - (p_i. + p_.i)(1 - kappa))^2,
 *   B = (1 - kappa)^2 sum_{i != j} p_ij (p_.i + p_j.)^2,
 *   C = (kappa - pe (1 - kappa))^2;
 * interval kappa -/+ z_{1 - (1-level)/2} se, bounded to [-1, 1].
 * Standard error under H0 (kappa = 0):
 *   se0^2 = [ pe + pe^2 - sum_i p_i. p_.i (p_i. + p_.i) ] / ((1 - pe)^2 n),
 *   z = kappa / se0, p = P(Z > z).
 *
 * References: Cohen, J. (1960). A coefficient of agreement for nominal scales.
 * Educational and Psychological Measurement, 20, 37-46. Fleiss, J. L., Cohen, J., &
 * Everitt, B. S. (1969). Large sample standard errors of kappa and weighted kappa.
 * Psychological Bulletin, 72, 323-327.
 * Validated (tests/stats/agreement/intercoder.test.ts): Stata [R] kappa, example 1 (two radiologists,
 * 85 xeromammograms): agreement 63.53%, expected 30.82%, kappa 0.4728, Std. Err.
 * (under H0) 0.0694, Z 6.81; R psych::cohen.kappa (same FCE formula) for se and the
 * interval on three tables (tests/qual/r/kappa-reference.R).
 *
 * @example
 *   cohenKappa([[21, 12, 0, 0], [4, 17, 1, 0], [3, 9, 15, 2], [0, 0, 0, 1]]);
 *   // { kappa: 0.4728, se0: 0.0694, z: 6.81, se: 0.0727, lower: 0.330, upper: 0.615, ... }
 *   cohenKappa({ a: [1, 0, 1, 1, 0], b: [1, 0, 0, 1, 0] });
 */
export function cohenKappa(input: ReadonlyArray<readonly number[]> | { a: readonly Rating[]; b: readonly Rating[] }, options: CohenKappaOptions = {}): CohenKappaResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new UserInputError(`cohenKappa: option level is ${level}; expected a number between 0 and 1 (e.g. 0.95).`);
  let counts: number[][];
  if (Array.isArray(input)) counts = checkTable(input, 'cohenKappa');
  else {
    const pair = input as { a?: readonly Rating[]; b?: readonly Rating[] };
    if (!pair || !Array.isArray(pair.a) || !Array.isArray(pair.b)) throw new UserInputError('cohenKappa: expected a square table of counts or { a, b } with the two coders\' ratings.');
    counts = ratingTable(pair.a, pair.b, options.categories).counts;
  }
  const q = counts.length;
  const n = counts.reduce((s, r) => s + r.reduce((t, v) => t + v, 0), 0);
  const empty: CohenKappaResult = { kappa: null, po: NaN, pe: NaN, n, se: null, se0: null, z: null, p: null, level, lower: null, upper: null, note: null };
  if (n === 0) return { ...empty, note: 'no unit was rated by both coders' };
  const p = counts.map((r) => r.map((v) => v / n));
  const row = p.map((r) => r.reduce((s, v) => s + v, 0));
  const col = p[0].map((_, j) => p.reduce((s, r) => s + r[j], 0));
  let po = 0;
  let pe = 0;
  for (let i = 0; i < q; i++) {
    po += p[i][i];
    pe += row[i] * col[i];
  }
  if (1 - pe < 1e-12) {
    return { ...empty, po, pe, note: 'kappa is undefined: both coders put every unit in the same single category (chance agreement is 1)' };
  }
  const kappa = (po - pe) / (1 - pe);
  let A = 0;
  let B = 0;
  let S = 0;
  for (let i = 0; i < q; i++) {
    A += p[i][i] * (1 - (row[i] + col[i]) * (1 - kappa)) ** 2;
    S += row[i] * col[i] * (row[i] + col[i]);
    for (let j = 0; j < q; j++) if (i !== j) B += p[i][j] * (col[i] + row[j]) ** 2;
  }
  B *= (1 - kappa) ** 2;
  const C = (kappa - pe * (1 - kappa)) ** 2;
  const v = (A + B - C) / ((1 - pe) ** 2 * n);
  const v0 = (pe + pe * pe - S) / ((1 - pe) ** 2 * n);
  const se = Math.sqrt(Math.max(0, v));
  const se0 = v0 > 0 ? Math.sqrt(v0) : null;
  const zq = normalQuantile(1 - (1 - level) / 2);
  const z = se0 !== null ? kappa / se0 : null;
  return {
    kappa,
    po,
    pe,
    n,
    se,
    se0,
    z,
    p: z !== null ? 1 - normalCdf(z) : null,
    level,
    lower: Math.max(-1, kappa - zq * se),
    upper: Math.min(1, kappa + zq * se),
    note:
      se === 0
        ? 'the asymptotic standard error is 0 (perfect agreement, or no unit in a category); the interval says nothing about the uncertainty'
        : n < 30
          ? `only ${n} units: the asymptotic standard error and interval are rough`
          : null,
  };
}

/**
 * The findings' p and interval for many groups (internal to evaluateFindings):
 * above `asymptoticAbove` networks (default 200) the permutation test and the
 * bootstrap are replaced by the large-sample results they converge to, in
 * O(1) once the coefficient is known.
 *
 * p: the t distribution of the coefficient on n - 2 df,
 *   t = r sqrt((n - 2) / (1 - r^2)),
 *   two-sided p = 2 min(P(T <= t), P(T >= t)), one-sided in the expected
 *   direction P(T >= t) (+) or P(T <= t) (-). For Spearman rho the same t
 *   approximation (R: cor.test(method = "spearman", exact = FALSE)). The
 *   permutation distribution of r has mean 0 and variance 1 / (n - 1), as the
 *   t-based null distribution has, and both tend to the same normal limit;
 *   tests/analysis/findings.test.ts compares Monte Carlo and t p at the
 *   threshold.
 * CI: on Fisher's z scale with the jackknife standard error,
 *   tanh(atanh(r) -/+ z_.975 SE_jack),
 *   SE_jack = sqrt((n - 1) / n sum_i (z_(-i) - mean z_(-i))^2), z_(-i) = atanh(r_(-i)),
 *   from the leave-one-out coefficients the findings compute anyway (Efron &
 *   Tibshirani 1993, ch. 11 and 14: the jackknife SE estimates the bootstrap's
 *   SE, and the bootstrap distribution of atanh(r) tends to a normal one, so
 *   the BCa interval tends to this one). The normal-theory SE
 *   1 / sqrt(n - 3) (Pearson) or 1.06 / sqrt(n - 3) (Spearman; Fieller,
 *   Hartley & Pearson 1957, Biometrika 44, 470-481) assumes bivariate normal
 *   data: on generated group means with N = 200 it made intervals up to 15%
 *   narrower or wider than the BCa bootstrap's, the jackknife SE within 3%
 *   (docs/methods.md, "Many groups"). That interval ('fisher-z') is used only
 *   when the jackknife is undefined (a leave-one-out coefficient of +/-1 or
 *   undefined).
 *
 * Validated against R 4.2.2: cor.test's p (both methods, the three
 * alternatives) and conf.int (Pearson); the jackknife and Spearman intervals
 * computed in R with the formulas above (tests/r/large-n-findings-reference.R).
 */
import { normalQuantile, pFromTails, tCdf } from '../../stats/internal/distributions';

/** Fieller, Hartley & Pearson's (1957) factor of the standard error of atanh(rho) for Spearman's rho. */
export const SPEARMAN_SE_FACTOR = 1.06;

export interface TPValues {
  twoSided: number;
  greater: number;
  less: number;
}

/** p of a correlation `r` on n cases from the t distribution on n - 2 df (as R's cor.test). */
export function tPValues(r: number, n: number): TPValues {
  const df = n - 2;
  const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
  const lower = tCdf(t, df);
  const upper = tCdf(-t, df);
  return { twoSided: pFromTails(lower, upper, 'two.sided'), greater: upper, less: lower };
}

/** The two-sided Fisher-z interval of a correlation `r` on n (> 3) cases. */
export function fisherZInterval(r: number, n: number, method: 'pearson' | 'spearman', level = 0.95): { lower: number; upper: number } {
  const z = Math.atanh(r);
  const se = (method === 'spearman' ? SPEARMAN_SE_FACTOR : 1) / Math.sqrt(n - 3);
  const h = se * normalQuantile((1 + level) / 2);
  return { lower: Math.tanh(z - h), upper: Math.tanh(z + h) };
}

/**
 * The two-sided interval tanh(atanh(r) -/+ z SE_jack) from the leave-one-out
 * coefficients `loo` (one per case); null when one of them is undefined or
 * +/-1 (the jackknife of atanh(r) is then undefined).
 */
export function jackknifeZInterval(r: number, loo: readonly (number | null)[], level = 0.95): { lower: number; upper: number } | null {
  const n = loo.length;
  const z = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = loo[i];
    if (v === null || !(Math.abs(v) < 1)) return null;
    z[i] = Math.atanh(v);
    sum += z[i];
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (z[i] - mean) * (z[i] - mean);
  const se = Math.sqrt(((n - 1) / n) * ss);
  if (Math.abs(r) === 1) return { lower: r, upper: r };
  const h = se * normalQuantile((1 + level) / 2);
  const c = Math.atanh(r);
  return { lower: Math.tanh(c - h), upper: Math.tanh(c + h) };
}

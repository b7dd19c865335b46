/**
 * Thin wrappers around the @stdlib distribution functions (internal). Upper tails
 * are computed without the cancellation of `1 - cdf`:
 * P(F(d1, d2) > f) = P(F(d2, d1) < 1/f), P(T > t) = P(T < -t), P(Z > z) = P(Z < -z).
 */
// The single-function packages, not the namespaces (@stdlib/stats-base-dists-f
// etc.): those load every property of a distribution, twice the start-up time
// of every process that imports this library (each notebook kernel).
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import fQuantileStdlib from '@stdlib/stats-base-dists-f-quantile';
import tCdfStdlib from '@stdlib/stats-base-dists-t-cdf';
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';

/** P(F > f) for an F(d1, d2) variable (R: pf(f, d1, d2, lower.tail = FALSE)). */
export function fUpper(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return fCdf(1 / f, d2, d1);
}

/** Quantile of F(d1, d2) (R: qf(p, d1, d2)). */
export function fQuantile(p: number, d1: number, d2: number): number {
  return fQuantileStdlib(p, d1, d2);
}

/** P(T <= t) for Student's t with df degrees of freedom (R: pt). */
export function tCdf(t: number, df: number): number {
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return tCdfStdlib(t, df);
}

/** Quantile of Student's t (R: qt). */
export function tQuantile(p: number, df: number): number {
  return tQuantileStdlib(p, df);
}

/** Standard normal CDF (R: pnorm). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return normalCdfStdlib(z, 0, 1);
}

/** Standard normal quantile (R: qnorm). */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}

/** Two-sided or one-sided p-value from a CDF value and its upper tail. */
export function pFromTails(lower: number, upper: number, alternative: 'two.sided' | 'less' | 'greater'): number {
  if (alternative === 'less') return lower;
  if (alternative === 'greater') return upper;
  return Math.min(1, 2 * Math.min(lower, upper));
}

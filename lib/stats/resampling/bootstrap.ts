import { UserInputError } from '../../util/errors';
import { checkChoice, checkOpenUnit, describeBadValue } from '../internal/validate';
import { type SeedOptions, checkWhole, resolveRandom } from './internal/coefficients';
import { type BcaInterval, type BootstrapCi, type BootstrapInterval, bootstrapIntervals } from './bootstrapIntervals';

export interface BootstrapOptions extends SeedOptions {
  /** Number of bootstrap resamples R; default 9999. */
  iterations?: number;
  /** Which intervals; default 'both' (percentile and BCa). */
  ci?: BootstrapCi;
  /** Confidence level; default 0.95. */
  level?: number;
}

export interface BootstrapResult {
  /** The statistic on the data as given. */
  t0: number;
  /** The R replicates in draw order (non-finite ones included, see `nonFinite`). */
  replicates: number[];
  /** Number of resamples drawn. */
  iterations: number;
  /** Replicates that were not finite (e.g. a correlation of a constant resample); left out below. */
  nonFinite: number;
  /** mean(t*) - t0 over the finite replicates. */
  bias: number;
  /** Standard deviation of the finite replicates (denominator R - 1). */
  se: number;
  level: number;
  percentile: BootstrapInterval | null;
  bca: BcaInterval | null;
  /** Jackknife values t_(-i) (null when BCa was not asked for). */
  jackknife: number[] | null;
  /** Number of cases. */
  n: number;
  /** Seed of the stream (null for an injected generator). */
  seed: string | null;
  warnings: string[];
}

function finiteOrThrow(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new UserInputError(
      `bootstrap: the statistic returned ${describeBadValue(v)} ${what}; it must return a finite number (check for constant variables or too few cases).`,
    );
  }
  return v;
}

/**
 * Nonparametric (case) bootstrap: draws R resamples of the n cases (rows) with
 * replacement, evaluates `statistic` on each, and reports bias, standard error and
 * percentile and/or BCa confidence intervals. For a correlation between network-level
 * scores, `data` is an array of rows such as `[{ x, y }, ...]` or `[[x, y], ...]` and
 * the statistic computes r from a resample.
 *
 *   bias = mean(t*) - t0,   se = sd(t*) (denominator R - 1),
 *   percentile and BCa limits as in {@link bootstrapIntervals} (boot::boot.ci),
 *   with the BCa acceleration from the jackknife t_(-i) (statistic without case i).
 * Replicates that are not finite (e.g. r of a resample with a constant variable) are
 * counted in `nonFinite` and left out of bias, se and intervals, as boot.ci does.
 *
 * Resampling uses `random.int(n)` n times per replicate from the seeded stream, so
 * the same seed gives identical replicates; R's boot uses another generator, so the
 * replicates (not the method) differ from R's.
 *
 * References: Efron, B. (1987). Better bootstrap confidence intervals. JASA, 82,
 * 171-185. Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap,
 * ch. 13-14. Davison, A. C., & Hinkley, D. V. (1997). Bootstrap Methods and their
 * Application, ch. 5.
 *
 * Validated: the interval step is {@link bootstrapIntervals}, checked against
 * boot::boot.ci on identical replicates (1e-12); the resampling is checked by
 * properties (same seed same replicates, the mean statistic's replicates average to
 * about the sample mean, se of the mean close to s / sqrt(n)).
 *
 * Throws {@link UserInputError} for fewer than 3 cases, a statistic that is not finite
 * on the data or on a jackknife sample (BCa), or bad options.
 *
 * @example
 *   const scores = [3.1, 3.4, 2.9, 3.8, 3.3, 3.6, 3.0, 3.5, 3.2, 3.7];
 *   const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
 *   bootstrap(scores, mean, { seed: 'demo', iterations: 4999 });
 *   // { t0: 3.35, se: 0.0896, bias: 0.0008, percentile: { lower: 3.18, upper: 3.53 },
 *   //   bca: { lower: 3.16, upper: 3.51, z0: -0.064, acceleration: 0 }, ... }
 *   // for a correlation: bootstrap(rows, (s) => r(s.map((p) => p[0]), s.map((p) => p[1])))
 */
export function bootstrap<T>(data: readonly T[], statistic: (sample: readonly T[]) => number, options: BootstrapOptions = {}): BootstrapResult {
  if (!Array.isArray(data)) {
    throw new UserInputError(`bootstrap: data must be an array with one element (row) per case; got ${describeBadValue(data)}.`);
  }
  const n = data.length;
  if (n < 3) throw new UserInputError(`bootstrap needs at least 3 cases but got ${n}; add cases.`);
  if (typeof statistic !== 'function') {
    throw new UserInputError('bootstrap: statistic must be a function of a resample (an array of rows) returning a number.');
  }
  const iterations = checkWhole(options.iterations ?? 9999, 2, 'options.iterations');
  const ci = checkChoice(options.ci ?? 'both', ['percentile', 'bca', 'both'] as const, 'options.ci');
  const level = options.level ?? 0.95;
  checkOpenUnit(level, 'options.level');
  const { random, seed } = resolveRandom(options, 'bootstrap');

  const t0 = finiteOrThrow(statistic(data.slice()), 'on the data');
  const replicates = new Array<number>(iterations);
  const sample = new Array<T>(n);
  for (let b = 0; b < iterations; b++) {
    for (let i = 0; i < n; i++) sample[i] = data[random.int(n)];
    const v = statistic(sample.slice());
    replicates[b] = typeof v === 'number' ? v : NaN;
  }
  const finite = replicates.filter((v) => Number.isFinite(v));
  const nonFinite = iterations - finite.length;
  if (finite.length < 2) {
    throw new UserInputError(`bootstrap: the statistic was finite on only ${finite.length} of ${iterations} resamples; check the statistic and the data.`);
  }
  let m = 0;
  for (const v of finite) m += v;
  m /= finite.length;
  let ss = 0;
  for (const v of finite) ss += (v - m) * (v - m);
  const se = Math.sqrt(ss / (finite.length - 1));

  let jackknife: number[] | null = null;
  if (ci !== 'percentile') {
    jackknife = data.map((_, i) => finiteOrThrow(statistic(data.filter((__, j) => j !== i)), `without case ${i} (jackknife, needed for BCa)`));
  }
  const iv = bootstrapIntervals({ t0, replicates, jackknife: jackknife ?? undefined }, { level, ci });
  const warnings = iv.warnings.slice();
  if (nonFinite > 0) warnings.unshift(`${nonFinite} of ${iterations} replicates were not finite and were left out`);
  return {
    t0,
    replicates,
    iterations,
    nonFinite,
    bias: m - t0,
    se,
    level,
    percentile: iv.percentile,
    bca: iv.bca,
    jackknife,
    n,
    seed,
    warnings,
  };
}

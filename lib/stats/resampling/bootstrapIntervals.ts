import { UserInputError } from '../../util/errors';
import { checkChoice, checkOpenUnit, describeBadValue } from '../internal/validate';
import { normalCdf, normalQuantile } from '../internal/distributions';

export type BootstrapCi = 'percentile' | 'bca' | 'both';

export interface BootstrapIntervalsInput {
  /** The statistic on the original data. */
  t0: number;
  /** Bootstrap replicates t*_1..t*_R; non-finite ones are ignored (as boot.ci does). */
  replicates: readonly number[];
  /** Jackknife values t_(-1)..t_(-n) (statistic without case i); needed for BCa. */
  jackknife?: readonly number[];
}

export interface BootstrapIntervalsOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** Which intervals; default 'both'. */
  ci?: BootstrapCi;
}

export interface BootstrapInterval {
  lower: number;
  upper: number;
}

export interface BcaInterval extends BootstrapInterval {
  /** Bias correction z0 = qnorm(#{t* < t0} / R). */
  z0: number;
  /** Acceleration a from the jackknife. */
  acceleration: number;
  /** The adjusted tail probabilities used for the lower and upper limit. */
  adjustedLevels: [number, number];
}

export interface BootstrapIntervalsResult {
  level: number;
  percentile: BootstrapInterval | null;
  bca: BcaInterval | null;
  /** Number of finite replicates used. */
  used: number;
  /** Warnings (e.g. extreme order statistics used as end points: too few replicates). */
  warnings: string[];
}

/**
 * boot's norm.inter: the alpha-quantile of the replicates, interpolated on the normal
 * quantile scale between order statistics k = trunc((R + 1) alpha) and k + 1:
 *   t_(k) + (qnorm(alpha) - qnorm(k/(R+1))) / (qnorm((k+1)/(R+1)) - qnorm(k/(R+1))) (t_(k+1) - t_(k));
 * exactly t_(k) when (R + 1) alpha is whole; the extreme order statistic when k = 0 or R.
 */
function normInter(sorted: readonly number[], alpha: number, warnings: string[]): number {
  const R = sorted.length;
  const rk = (R + 1) * alpha;
  if (!(rk > 1 && rk < R)) {
    const w = 'extreme order statistics used as end points; use more replicates for this level';
    if (!warnings.includes(w)) warnings.push(w);
  }
  const k = Math.trunc(rk);
  if (k === 0) return sorted[0];
  if (k >= R) return sorted[R - 1];
  if (k === rk) return sorted[k - 1];
  const z = normalQuantile(alpha);
  const zk = normalQuantile(k / (R + 1));
  const zk1 = normalQuantile((k + 1) / (R + 1));
  const tk = sorted[k - 1];
  const tk1 = sorted[k];
  return tk + ((z - zk) / (zk1 - zk)) * (tk1 - tk);
}

function checkNumbers(v: unknown, what: string, allowNonFinite: boolean): readonly number[] {
  if (!Array.isArray(v)) throw new UserInputError(`${what} must be an array of numbers; got ${describeBadValue(v)}.`);
  v.forEach((x: unknown, i: number) => {
    if (typeof x !== 'number' || (!allowNonFinite && !Number.isFinite(x))) {
      throw new UserInputError(`${what}[${i}] is ${describeBadValue(x)}; every value must be a finite number.`);
    }
  });
  return v as number[];
}

/**
 * Percentile and BCa bootstrap intervals from given replicates, computed exactly as
 * R's boot::boot.ci(type = c("perc", "bca")) does (used by {@link bootstrap}; exposed
 * so that it can be checked against boot.ci on identical replicates).
 *
 * With alpha = ((1 - level)/2, (1 + level)/2) and the R finite replicates:
 *   percentile: (q(alpha_1), q(alpha_2)), q = boot's norm.inter interpolation;
 *   BCa (Efron 1987): z0 = qnorm(#{t* < t0} / R),
 *     a = sum L_i^3 / (6 (sum L_i^2)^(3/2)), L_i = mean(t_(-.)) - t_(-i) (jackknife),
 *     adjusted alpha_j = pnorm(z0 + (z0 + z_j) / (1 - a (z0 + z_j))), z_j = qnorm(alpha_j),
 *     interval (q(adjusted alpha_1), q(adjusted alpha_2)).
 * L is Efron's jackknife estimate of the empirical influence values (Efron &
 * Tibshirani 1993, eq. 14.15). boot.ci's own default L is a regression estimate from
 * the replicates (empinf type "reg"); pass L explicitly to boot.ci to reproduce this.
 *
 * References: Efron, B. (1987). Better bootstrap confidence intervals. JASA, 82,
 * 171-185. Davison, A. C., & Hinkley, D. V. (1997). Bootstrap Methods and their
 * Application, section 5.3. Canty & Ripley, boot::boot.ci (R).
 *
 * Validated: on replicates and jackknife values written by R, equals
 * boot.ci(b, type = c("perc", "bca"), L = (n-1) (mean(tj) - tj)) to 1e-12 for two
 * data sets and two levels (tests/r/cluster-resampling-reference.R).
 *
 * Throws {@link UserInputError} when fewer than 2 finite replicates, BCa without
 * jackknife values, all replicates on one side of t0 (z0 infinite) or a jackknife
 * without spread (a undefined).
 *
 * @example
 *   bootstrapIntervals({ t0: 0.5, replicates: [0.1, 0.3, 0.45, 0.6, 0.7, 0.9], jackknife: [0.4, 0.55, 0.5] }, { ci: 'percentile', level: 0.5 });
 *   // percentile interval from order statistics 1.75 and 5.25 of 6, interpolated on the normal scale
 */
export function bootstrapIntervals(input: BootstrapIntervalsInput, options: BootstrapIntervalsOptions = {}): BootstrapIntervalsResult {
  const level = options.level ?? 0.95;
  checkOpenUnit(level, 'options.level');
  const ci = checkChoice(options.ci ?? 'both', ['percentile', 'bca', 'both'] as const, 'options.ci');
  if (typeof input?.t0 !== 'number' || !Number.isFinite(input.t0)) {
    throw new UserInputError(`t0 (the statistic on the original data) must be a finite number; got ${describeBadValue(input?.t0)}.`);
  }
  const t0 = input.t0;
  const all = checkNumbers(input.replicates, 'replicates', true);
  const t = all.filter((v) => Number.isFinite(v));
  if (t.length < 2) {
    throw new UserInputError(`only ${t.length} finite bootstrap replicates; intervals need at least 2 (use more iterations).`);
  }
  const sorted = t.slice().sort((a, b) => a - b);
  const alpha: [number, number] = [(1 + -level) / 2, (1 + level) / 2];
  const warnings: string[] = [];

  let percentile: BootstrapInterval | null = null;
  if (ci !== 'bca') {
    percentile = { lower: normInter(sorted, alpha[0], warnings), upper: normInter(sorted, alpha[1], warnings) };
  }

  let bca: BcaInterval | null = null;
  if (ci !== 'percentile') {
    if (input.jackknife === undefined) {
      throw new UserInputError('BCa intervals need the jackknife values (statistic without each case in turn); pass input.jackknife or ci: "percentile".');
    }
    const jack = checkNumbers(input.jackknife, 'jackknife', false);
    if (jack.length < 2) throw new UserInputError(`BCa needs at least 2 jackknife values; got ${jack.length}.`);
    let below = 0;
    for (const v of t) if (v < t0) below++;
    const z0 = normalQuantile(below / t.length);
    if (!Number.isFinite(z0)) {
      throw new UserInputError(
        `BCa is undefined: ${below === 0 ? 'no' : 'every'} bootstrap replicate lies below t0, so the bias correction z0 is infinite; use the percentile interval.`,
      );
    }
    let jm = 0;
    for (const v of jack) jm += v;
    jm /= jack.length;
    let s2 = 0;
    let s3 = 0;
    for (const v of jack) {
      const L = jm - v;
      s2 += L * L;
      s3 += L * L * L;
    }
    const acceleration = s3 / (6 * Math.pow(s2, 1.5));
    if (!Number.isFinite(acceleration)) {
      throw new UserInputError('BCa is undefined: all jackknife values are equal, so the acceleration is 0/0; use the percentile interval.');
    }
    const adj = alpha.map((al) => {
      const z = normalQuantile(al);
      return normalCdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)));
    }) as [number, number];
    bca = {
      lower: normInter(sorted, adj[0], warnings),
      upper: normInter(sorted, adj[1], warnings),
      z0,
      acceleration,
      adjustedLevels: adj,
    };
  }
  return { level, percentile, bca, used: t.length, warnings };
}

import { UserInputError } from '../../util/errors';
import { checkChoice, describeBadValue, isMissing } from '../internal/validate';
import { summarize } from '../internal/summarize';

/**
 * The uncertainty band around a mean.
 * - `'2se'`: mean +/- 2 x SE, the report's band (note 1 under Figures 1-10: "the
 *   mean plus and minus 2 x the standard deviation of the mean").
 * - `'t95'`: the t-based 95% confidence interval, mean +/- t(.975, n - 1) x SE.
 */
export type Band = '2se' | 't95';

export interface DescribeOptions {
  /** Band around the mean; default `'2se'` (the report's). */
  band?: Band;
}

/** Summary of one variable. Statistics that are undefined for the n at hand are null, with `note` saying why. */
export interface Description {
  /** Number of non-missing values. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (denominator n - 1). */
  sd: number | null;
  /** Standard error of the mean, sd / sqrt(n). */
  se: number | null;
  /** Lower end of the band. */
  lower: number | null;
  /** Upper end of the band. */
  upper: number | null;
  /** Which band `lower`/`upper` are. */
  band: Band;
  /** Why some statistics are null (n = 0 or n = 1), otherwise null. */
  note: string | null;
}

/** The band options accepted. */
export const BANDS: readonly Band[] = ['2se', 't95'];

/**
 * Describes one numeric variable: n (non-missing), mean, standard deviation,
 * standard error of the mean and a band around the mean.
 *
 * Formulas: mean = sum(x) / n; sd = sqrt(sum((x - mean)^2) / (n - 1));
 * se = sd / sqrt(n); band `'2se'`: mean +/- 2 se (the report's figures);
 * band `'t95'`: mean +/- t(.975, n - 1) se.
 *
 * Missing values are `null` or `undefined` and are skipped. NaN, Infinity or a
 * non-number throws a {@link UserInputError} naming the index. With n = 1 the sd,
 * se and band are null (and with n = 0 also the mean), with a `note`; never NaN.
 *
 * Reference: Delicate verbanden (2024), note 1 under Figures 1-10.
 * Validated against R (mean, sd, qt) in tests/fixtures/psych-reference.json to 1e-10.
 *
 * @example
 *   describe([4, 5, null, 3, 4])
 *   // { n: 4, mean: 4, sd: 0.8165, se: 0.4082, lower: 3.1835, upper: 4.8165, band: '2se', note: null }
 *   describe([4, 5, 3, 4], { band: 't95' }).lower // 4 - 3.1824 * 0.4082 = 2.7009
 */
export function describe(values: ReadonlyArray<number | null | undefined>, options: DescribeOptions = {}): Description {
  const band = checkChoice(options.band ?? '2se', BANDS, 'options.band');
  if (!Array.isArray(values)) {
    throw new UserInputError(`describe(values) needs an array of numbers (null for missing); got ${describeBadValue(values)}.`);
  }
  const present: number[] = [];
  values.forEach((v, i) => {
    if (isMissing(v)) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new UserInputError(`values[${i}] is ${describeBadValue(v)}; every value must be a finite number (use null for a missing value).`);
    }
    present.push(v);
  });
  return summarize(present, band);
}

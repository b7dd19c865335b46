/** Summary statistics shared by describe and describeByGroup (internal). */
import type { Band, Description } from '../descriptives/describe';
import { mean, variance } from './moments';
import { tQuantile } from './distributions';

/** Summary of already validated values (shared by describe and describeByGroup). */
export function summarize(values: readonly number[], band: Band): Description {
  const n = values.length;
  if (n === 0) {
    return { n, mean: null, sd: null, se: null, lower: null, upper: null, band, note: 'no non-missing values: mean, sd, se and band are undefined' };
  }
  const m = mean(values);
  if (n === 1) {
    return { n, mean: m, sd: null, se: null, lower: null, upper: null, band, note: 'only 1 non-missing value: sd, se and band need n >= 2' };
  }
  const sd = Math.sqrt(variance(values, m));
  const se = sd / Math.sqrt(n);
  const half = band === '2se' ? 2 * se : tQuantile(0.975, n - 1) * se;
  return { n, mean: m, sd, se, lower: m - half, upper: m + half, band, note: null };
}


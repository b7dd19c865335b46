/**
 * Network-level construct means: the mean of the respondents' construct
 * scores per network (report 5.4), the step every comparison between the ten
 * networks starts from. For the full table with SE and bands use
 * `describeByGroup` on the scale scores.
 */
import { Instrument } from '../io/instrument';
import { scaleScores, SurveyRow, ScaleScoreOptions } from './scaleScores';

/** network -> construct -> mean (null when no respondent of the network has a score). */
export type NetworkMeans = Map<string, Record<string, number | null>>;

/**
 * @example
 *   const means = networkMeans(survey.table.objects(), instrument);
 *   means.get('Notos')!.trust; // e.g. 4.46
 */
export function networkMeans(rows: readonly SurveyRow[], instrument: Instrument, options: ScaleScoreOptions = {}): NetworkMeans {
  const scores = scaleScores(rows, instrument, options);
  // One pass over the rows: sums and counts per network in flat arrays (network index x construct).
  const keys = scores.length > 0 ? Object.keys(scores[0]) : [];
  const k = keys.length;
  const index = new Map<string, number>();
  let sum = new Float64Array(64 * k);
  let count = new Float64Array(64 * k);
  rows.forEach((row, r) => {
    const network = String(row.network);
    let g = index.get(network);
    if (g === undefined) {
      g = index.size;
      index.set(network, g);
      if ((g + 1) * k > sum.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(2 * a.length);
          b.set(a);
          return b;
        };
        sum = grow(sum);
        count = grow(count);
      }
    }
    const score = scores[r];
    for (let j = 0; j < k; j++) {
      const value = score[keys[j]];
      if (value !== null) {
        sum[g * k + j] += value;
        count[g * k + j]++;
      }
    }
  });
  const out: NetworkMeans = new Map();
  for (const [network, g] of index) {
    const m: Record<string, number | null> = {};
    for (let j = 0; j < k; j++) m[keys[j]] = count[g * k + j] > 0 ? sum[g * k + j] / count[g * k + j] : null;
    out.set(network, m);
  }
  return out;
}

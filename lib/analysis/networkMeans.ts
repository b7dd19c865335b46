/**
 * Network-level construct means: the mean of the respondents' construct
 * scores per network (report 5.4), the step every comparison between the ten
 * networks starts from. For the full table with SE and bands use
 * `describeByGroup` on the scale scores.
 */
import { Instrument } from '../io/instrument';
import { scaleScoreColumns, SurveyRow, ScaleScoreOptions } from './scaleScores';

/** network -> construct -> mean (null when no respondent of the network has a score). */
export type NetworkMeans = Map<string, Record<string, number | null>>;

/**
 * @example
 *   const means = networkMeans(survey.table.objects(), instrument);
 *   means.get('Notos')!.trust; // e.g. 4.46
 */
export function networkMeans(rows: readonly SurveyRow[], instrument: Instrument, options: ScaleScoreOptions = {}): NetworkMeans {
  const { ids: keys, columns } = scaleScoreColumns(rows, instrument, options);
  // One pass over the rows: sums and counts per network in flat arrays (network index x construct).
  const k = keys.length;
  const group = new Int32Array(rows.length);
  const index = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const network = String(rows[r].network);
    let g = index.get(network);
    if (g === undefined) index.set(network, (g = index.size));
    group[r] = g;
  }
  const sum = new Float64Array(index.size * k);
  const count = new Float64Array(index.size * k);
  for (let j = 0; j < k; j++) {
    const col = columns[j];
    for (let r = 0; r < rows.length; r++) {
      const value = col[r];
      if (!Number.isNaN(value)) {
        sum[group[r] * k + j] += value;
        count[group[r] * k + j]++;
      }
    }
  }
  const out: NetworkMeans = new Map();
  for (const [network, g] of index) {
    const m: Record<string, number | null> = {};
    for (let j = 0; j < k; j++) m[keys[j]] = count[g * k + j] > 0 ? sum[g * k + j] / count[g * k + j] : null;
    out.set(network, m);
  }
  return out;
}

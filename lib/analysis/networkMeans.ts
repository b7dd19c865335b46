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
  const sums = new Map<string, Record<string, { sum: number; n: number }>>();
  rows.forEach((row, k) => {
    const network = String(row.network);
    const acc = sums.get(network) ?? {};
    for (const [construct, value] of Object.entries(scores[k])) {
      const a = (acc[construct] ??= { sum: 0, n: 0 });
      if (value !== null) {
        a.sum += value;
        a.n++;
      }
    }
    sums.set(network, acc);
  });
  const out: NetworkMeans = new Map();
  for (const [network, acc] of sums) {
    out.set(network, Object.fromEntries(Object.entries(acc).map(([c, { sum, n }]) => [c, n > 0 ? sum / n : null])));
  }
  return out;
}

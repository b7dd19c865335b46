/**
 * Figure 12: how much each of the four boundary dimensions (administrative
 * divisions, reputation of members, socio-cultural lines, natural borders)
 * bounds each network, as the network mean of the dimension's scale with the
 * report's band (mean +/- 2 SE).
 */
import { Instrument } from '../io/instrument';
import { UserInputError } from '../util/errors';
import { networkSummary } from './networkSummary';
import { SurveyRow } from './scaleScores';

export interface BoundaryRow {
  network: string;
  /** Construct id of the dimension (bnd_administrative, ...). */
  dimension: string;
  n: number;
  mean: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
}

export interface BoundaryProfileOptions {
  /** The networks table; gives the order of the networks. */
  networks?: readonly SurveyRow[];
  /** The dimensions (default: the codebook's scales of group "boundary", in its order). */
  dimensions?: readonly string[];
}

/**
 * @example
 *   const rows = boundaryProfile(survey.table.objects(), instrument);
 *   rows.filter((r) => r.network === 'Erus'); // four rows, socio-cultural highest
 */
export function boundaryProfile(rows: readonly SurveyRow[], instrument: Instrument, options: BoundaryProfileOptions = {}): BoundaryRow[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new UserInputError('boundaryProfile: the survey table is empty; load survey.csv first.');
  const dimensions = [...(options.dimensions ?? instrument.constructs.filter((c) => c.kind === 'scale' && c.group === 'boundary').map((c) => c.id))];
  if (dimensions.length === 0) throw new UserInputError('boundaryProfile: the codebook has no boundary dimensions (scales of group "boundary"); pass options.dimensions.');
  const summary = networkSummary(rows, instrument, { networks: options.networks, constructs: dimensions });
  return summary.flatMap((s) => s.scores.map((x) => ({ network: s.network, dimension: x.construct, n: x.n, mean: x.mean, se: x.se, lower: x.lower, upper: x.upper })));
}

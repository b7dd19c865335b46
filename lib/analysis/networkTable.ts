/**
 * One row per network with everything the comparisons across networks use
 * (chapters 3-4, Figures 12-18): members, years, response, and the network
 * mean of every construct. It is the "network level" data set of the report's
 * exploration (N = 10).
 */
import { Instrument } from '../io/instrument';
import { UserInputError } from '../util/errors';
import { networkMeans } from './networkMeans';
import { groupRows } from './networkSummary';
import { PrivacyFlag, PrivacyOptions, resolvePrivacy } from './privacy';
import { SurveyRow } from './scaleScores';

export interface NetworkTableRow {
  network: string;
  /** Member organisations: networks.csv `members`, else the network's rows in the survey. */
  members: number | null;
  /** Survey rows of the network (members approached). */
  approached: number;
  /** Rows with response_status complete or partial (all rows when the column is absent). */
  responded: number;
  complete: number;
  /** responded / approached, in percent; null when nobody was approached. */
  responseRate: number | null;
  /** Years the network exists (networks.csv `years`, the portrait's number). */
  years: number | null;
  /** The class Figure 13's prose gives, where it differs from the portrait (networks.csv `years_fig13`). */
  yearsFig13: string | null;
  /** The network's letter in Figure 18 (networks.csv `fig18_letter`). */
  letter: string | null;
  /**
   * construct id -> network mean: scales as the mean of the respondents'
   * scale scores, counts (other_networks) as the mean answer; null when no
   * respondent of the network has a value.
   */
  means: Record<string, number | null>;
  /** Only with `options.privacy`: the network's complete questionnaires against the minimum. */
  privacy?: PrivacyFlag;
}

export interface NetworkTableOptions {
  /** The networks table (`readNetworksCsv(...).table.objects()`): order, members, years, letters. */
  networks?: readonly SurveyRow[];
  /**
   * Minimum number of complete questionnaires per network (default none: every
   * network, no flag). With it every row carries a `privacy` flag; with
   * action 'suppress' networks below the minimum are left out.
   */
  privacy?: PrivacyOptions;
}

const text = (v: unknown): string | null => (v === null || v === undefined || String(v).trim() === '' ? null : String(v));
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * @example
 *   const table = networkTable(survey.table.objects(), instrument, { networks: networks.table.objects() });
 *   table.find((r) => r.network === 'Notos')!.means.trust; // e.g. 4.75 (synthetic default data)
 */
export function networkTable(rows: readonly SurveyRow[], instrument: Instrument, options: NetworkTableOptions = {}): NetworkTableRow[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new UserInputError('networkTable: the survey table is empty; load survey.csv first (readSurveyCsv(...).table.objects()).');
  }
  const facts = new Map<string, SurveyRow>();
  for (const n of options.networks ?? []) {
    const name = text(n.network);
    if (name !== null) facts.set(name, n);
  }
  // One pass over the rows: each network's rows by name (not a filter per network).
  const byNetwork = groupRows(rows);
  const order = [...facts.keys(), ...[...byNetwork.keys()].filter((name) => !facts.has(name))];
  const privacy = options.privacy === undefined ? null : resolvePrivacy(options.privacy);
  const means = networkMeans(rows, instrument);
  const counts = instrument.constructs.filter((c) => c.kind === 'count');
  const table = order.map((network): NetworkTableRow => {
    const own = byNetwork.get(network) ?? [];
    const hasStatus = own.some((r) => r.response_status !== undefined && r.response_status !== null);
    const responded = hasStatus ? own.filter((r) => r.response_status === 'complete' || r.response_status === 'partial').length : own.length;
    const complete = hasStatus ? own.filter((r) => r.response_status === 'complete').length : own.length;
    const f = facts.get(network);
    const m: Record<string, number | null> = { ...(means.get(network) ?? {}) };
    for (const c of instrument.constructs.filter((k) => k.kind === 'scale')) if (!(c.id in m)) m[c.id] = null;
    for (const c of counts) {
      const item = c.items[0].id;
      const v = own.map((r) => r[item]).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      m[c.id] = v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null;
    }
    return {
      network,
      members: f && whole(f.members) !== null ? whole(f.members) : own.length > 0 ? own.length : null,
      approached: own.length,
      responded,
      complete,
      responseRate: own.length > 0 ? (100 * responded) / own.length : null,
      years: f ? whole(f.years) : null,
      yearsFig13: f ? text(f.years_fig13) : null,
      letter: f ? text(f.fig18_letter) : null,
      means: m,
      ...(privacy ? { privacy: { complete, minComplete: privacy.minComplete, belowMinimum: complete < privacy.minComplete } } : {}),
    };
  });
  return privacy?.action === 'suppress' ? table.filter((r) => !r.privacy?.belowMinimum) : table;
}

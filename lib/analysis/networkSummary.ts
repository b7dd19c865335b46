/**
 * The summary per network that `npm run reproduce` prints: members
 * approached, responses, complete questionnaires, and for each portrait
 * characteristic the mean with the report's band (mean +/- 2 SE, note 1 under
 * Figures 1-10).
 */
import { Instrument, Language } from '../io/instrument';
import { describeByGroup } from '../stats';
import { scaleScores, SurveyRow } from './scaleScores';
import { PrivacyFlag, PrivacyOptions, resolvePrivacy } from './privacy';
import { formatDecimal } from '../util/formatNumber';

export interface NetworkSummaryRow {
  network: string;
  members: number;
  responded: number;
  complete: number;
  /** responded / members, in percent. */
  responseRate: number;
  scores: Array<{ construct: string; n: number; mean: number | null; se: number | null; lower: number | null; upper: number | null }>;
  /** Only with `options.privacy`: the network's complete questionnaires against the minimum. */
  privacy?: PrivacyFlag;
}

export interface NetworkSummaryOptions {
  /** The networks table; gives the order of the networks (default: order of first appearance in the survey). */
  networks?: readonly SurveyRow[];
  /** Constructs to summarise (default: the eight portrait characteristics). */
  constructs?: readonly string[];
  /** Band rule (default '2se', the report's). */
  band?: '2se' | 't95';
  /**
   * Minimum number of complete questionnaires per network (default none: every
   * network, no flag). With it every row carries a `privacy` flag; with
   * action 'suppress' networks below the minimum are left out.
   */
  privacy?: PrivacyOptions;
}

/**
 * @example
 *   const summary = networkSummary(survey.table.objects(), instrument);
 *   summary[0].scores[0]; // { construct: 'persons_turnover', n: 20, mean: 2.5, se: .11, lower: 2.28, upper: 2.72 }
 */
export function networkSummary(rows: readonly SurveyRow[], instrument: Instrument, options: NetworkSummaryOptions = {}): NetworkSummaryRow[] {
  const constructs = [...(options.constructs ?? defaultPortrait(instrument))];
  const privacy = options.privacy === undefined ? null : resolvePrivacy(options.privacy);
  const order = options.networks ? options.networks.map((n) => String(n.network)) : [...new Set(rows.map((r) => String(r.network)))];
  const scores = scaleScores(rows, instrument, { constructs });
  const scored = rows.map((r, k) => ({ network: String(r.network), ...scores[k] }));
  const described = describeByGroup(scored, 'network', constructs, { band: options.band ?? '2se' });
  // One pass over the rows: each network's rows and described scores by name (not a filter per network).
  const byNetwork = groupRows(rows);
  const describedBy = new Map(described.map((d) => [`${d.group}\u0000${d.variable}`, d]));
  const summary = order.map((network): NetworkSummaryRow => {
    const own = byNetwork.get(network) ?? [];
    const hasStatus = own.some((r) => r.response_status !== undefined && r.response_status !== null);
    const responded = hasStatus ? own.filter((r) => r.response_status === 'complete' || r.response_status === 'partial').length : own.length;
    const complete = hasStatus ? own.filter((r) => r.response_status === 'complete').length : own.length;
    return {
      network,
      members: own.length,
      responded,
      complete,
      responseRate: own.length > 0 ? (100 * responded) / own.length : 0,
      scores: constructs.map((construct) => {
        const d = describedBy.get(`${network}\u0000${construct}`);
        return { construct, n: d?.n ?? 0, mean: d?.mean ?? null, se: d?.se ?? null, lower: d?.lower ?? null, upper: d?.upper ?? null };
      }),
      ...(privacy ? { privacy: { complete, minComplete: privacy.minComplete, belowMinimum: complete < privacy.minComplete } } : {}),
    };
  });
  return privacy?.action === 'suppress' ? summary.filter((r) => !r.privacy?.belowMinimum) : summary;
}

/** Plain-text rendering for the terminal, labels in Dutch (default) or English. */
export function formatNetworkSummary(summary: readonly NetworkSummaryRow[], instrument: Instrument, lang: Language = 'nl'): string {
  const t = lang === 'nl'
    ? { members: 'leden', responded: 'respons', complete: 'volledig', band: 'band (gem. +/- 2 SE)', mean: 'gem.' }
    : { members: 'members', responded: 'responded', complete: 'complete', band: 'band (mean +/- 2 SE)', mean: 'mean' };
  const label = (id: string) => instrument.constructs.find((c) => c.id === id)?.[lang] ?? id;
  const width = Math.max(...summary.flatMap((s) => s.scores.map((x) => label(x.construct).length)));
  const f = (x: number | null) => (x === null ? '  -  ' : formatDecimal(x, 2, lang));
  const sep = lang === 'nl' ? ';' : ',';
  const lines: string[] = [];
  for (const s of summary) {
    lines.push(`${s.network}: ${s.members} ${t.members}, ${s.responded} ${t.responded} (${Math.round(s.responseRate)}%), ${s.complete} ${t.complete}`);
    lines.push(`  ${''.padEnd(width)}    n  ${t.mean}   ${t.band}`);
    for (const x of s.scores) lines.push(`  ${label(x.construct).padEnd(width)}  ${String(x.n).padStart(3)}  ${f(x.mean)}  [${f(x.lower)}${sep} ${f(x.upper)}]`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The constructs of a portrait when the caller names none: the codebook's
 * scales of group "portrait" (in its order), or every scale when it has none.
 */
export function defaultPortrait(instrument: Instrument): string[] {
  const scales = instrument.constructs.filter((c) => c.kind === 'scale');
  const portrait = scales.filter((c) => c.group === 'portrait');
  return (portrait.length > 0 ? portrait : scales).map((c) => c.id);
}

/** The rows of each network, in one pass (first-seen order of the networks). */
export function groupRows(rows: readonly SurveyRow[]): Map<string, SurveyRow[]> {
  const out = new Map<string, SurveyRow[]>();
  for (const r of rows) {
    const name = String(r.network);
    let own = out.get(name);
    if (own === undefined) out.set(name, (own = []));
    own.push(r);
  }
  return out;
}

/**
 * Figure 11: how important each reason to take part in a network is, as the
 * mean answer per reason (1 = not at all important ... 5 = very important).
 * The motivation items are an item set: each reason is read on its own, never
 * averaged into a scale.
 */
import { Instrument } from '../io/instrument';
import { describeByGroup } from '../stats/descriptives/describeByGroup';
import { UserInputError } from '../util/errors';
import { SurveyRow } from './scaleScores';

export interface MotivationRow {
  /** Item id (motivation_1 ... motivation_11). */
  item: string;
  /** null: all respondents; otherwise the network. */
  network: string | null;
  n: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
}

export interface MotivationSummaryOptions {
  /** Also one row per network x reason (default false). */
  byNetwork?: boolean;
  /** The item-set construct (default 'motivation'). */
  construct?: string;
  /** Order of the networks in the per-network rows (default: first appearance). */
  networkOrder?: readonly string[];
}

/**
 * @example
 *   const rows = motivationSummary(survey.table.objects(), instrument);
 *   rows.filter((r) => r.network === null).sort((a, b) => b.mean! - a.mean!)[0].item; // 'motivation_1'
 */
export function motivationSummary(rows: readonly SurveyRow[], instrument: Instrument, options: MotivationSummaryOptions = {}): MotivationRow[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new UserInputError('motivationSummary: the survey table is empty; load survey.csv first.');
  const id = options.construct ?? 'motivation';
  const c = instrument.constructs.find((k) => k.id === id);
  if (!c) throw new UserInputError(`motivationSummary: unknown construct "${id}". Known item sets: ${instrument.constructs.filter((k) => k.kind === 'itemset').map((k) => k.id).join(', ') || 'none'}.`);
  if (c.kind !== 'itemset') throw new UserInputError(`motivationSummary: "${id}" is a ${c.kind}, not an item set of reasons read one by one.`);
  const items = c.items.filter((i) => i.final).map((i) => i.id);
  const pick = (r: SurveyRow) => Object.fromEntries(items.map((i) => [i, r[i] ?? null]));
  const all = describeByGroup(rows.map((r) => ({ all: 'all', ...pick(r) })), 'all', items);
  const out: MotivationRow[] = all.map((d) => ({ item: d.variable, network: null, n: d.n, mean: d.mean, sd: d.sd, se: d.se }));
  if (options.byNetwork) {
    const per = describeByGroup(rows.map((r) => ({ network: String(r.network), ...pick(r) })), 'network', items, { groupOrder: options.networkOrder });
    for (const d of per) out.push({ item: d.variable, network: String(d.group), n: d.n, mean: d.mean, sd: d.sd, se: d.se });
  }
  return out;
}

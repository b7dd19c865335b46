/**
 * Scale construction on the pilot (report 5.3): from each construct's long
 * item pool to the final scale, with the report's criteria.
 *
 * The report's criteria: at least 3 items per scale, Cronbach's alpha > .80,
 * inter-item correlation > .30, a factor analysis per variable; items were
 * removed because they (also) load on another factor, by alpha if item
 * deleted, by face validity (keep at least one item of each content group),
 * negatively worded items (sometimes), and by inter-item correlation.
 *
 * `reduceScale` makes those decisions one at a time, in a fixed order, and
 * records each with its numbers, so a notebook can show the path and compare
 * the end with the codebook's `final` flags:
 *
 * 1. Cross-loading: two-factor EFAs (minres, oblimin) of the construct's pool
 *    together with the pool of each of its three nearest constructs (those
 *    whose pool means correlate most with this one's). An item whose loading
 *    on another construct's factor is at least .30 in absolute value is
 *    removed (the largest such loading first).
 * 2. Item by item, while more than 3 items remain: among the items whose
 *    removal the criteria call for (mean correlation with the other items
 *    below .30, or alpha if item deleted above the scale's alpha), remove the
 *    one with the lowest corrected item-total (item-rest) correlation, unless
 *    it is the last item of its content group (face validity): then the next.
 *    The reason recorded: negatively worded (a reverse-keyed item), low
 *    inter-item correlation, or alpha if item deleted.
 * 3. Check the result against alpha > .80, mean inter-item r > .30, >= 3 items.
 *
 * Reverse-keyed items are scored (min + max - answer) first, as in the
 * scale scores. Missing answers: pairwise, as psych.
 */
import type { Construct, Instrument, Item, RemovalReason } from '../io/instrument';
import type { SurveyRow } from './scaleScores';
import { efa, type EfaResult } from '../stats/factor/efa';
import { kmo, type KmoResult } from '../stats/factor/kmo';
import { bartlett, type BartlettResult } from '../stats/factor/bartlett';
import { parallelAnalysis, type ParallelAnalysisResult } from '../stats/factor/parallelAnalysis';
import { reliability, type ReliabilityResult } from '../stats/reliability/reliability';
import { pearson } from '../stats/internal/moments';
import { UserInputError } from '../util/errors';

/** The report's criteria (5.3), and the loading that counts as "also loads on another factor". */
export const REDUCTION_CRITERIA = {
  minItems: 3,
  alpha: 0.8,
  interItemR: 0.3,
  crossLoading: 0.3,
} as const;

export interface PilotItems {
  construct: Construct;
  items: Item[];
  /** Item ids, in pool order. */
  names: string[];
  /** Respondents x items, reverse-keyed items already reversed; null = missing. */
  matrix: (number | null)[][];
}

function scaleConstructs(instrument: Instrument): Construct[] {
  return instrument.constructs.filter((c) => c.kind === 'scale');
}

function getScale(instrument: Instrument, id: string): Construct {
  const c = instrument.constructs.find((k) => k.id === id);
  if (!c) throw new UserInputError(`Unknown construct "${id}". Scales: ${scaleConstructs(instrument).map((k) => k.id).join(', ')}.`);
  if (c.kind !== 'scale') throw new UserInputError(`"${id}" is not a scale (${c.kind}); only scales are reduced on the pilot.`);
  return c;
}

/**
 * The pilot answers to one construct's items as a matrix (reverse-keyed items
 * reversed; `reverse: false` keeps the answers as given). `pool: false` takes
 * the final items only.
 */
export function pilotItems(pilot: readonly SurveyRow[], instrument: Instrument, constructId: string, options: { pool?: boolean; only?: readonly string[]; reverse?: boolean } = {}): PilotItems {
  if (!Array.isArray(pilot) || pilot.length === 0) throw new UserInputError('The pilot table is empty: this step needs pilot.csv in the data folder.');
  const construct = getScale(instrument, constructId);
  const scale = instrument.responseScales[construct.responseScale];
  let items = construct.items.filter((i) => options.pool !== false || i.final);
  if (options.only) items = items.filter((i) => options.only!.includes(i.id));
  const missing = items.filter((i) => !(i.id in pilot[0]));
  if (missing.length > 0) throw new UserInputError(`The pilot has no column ${missing.map((i) => `"${i.id}"`).join(', ')}; the pilot must hold every item of the long pool.`);
  const matrix = pilot.map((row) =>
    items.map((i) => {
      const v = row[i.id];
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      return i.reverse && options.reverse !== false ? scale.min + scale.max - v : v;
    }),
  );
  return { construct, items, names: items.map((i) => i.id), matrix };
}

export interface PoolAdequacy {
  construct: string;
  nItems: number;
  kmo: KmoResult;
  bartlett: BartlettResult;
  parallel: ParallelAnalysisResult;
  /** One-factor EFA of the pool (minres). */
  efa: EfaResult;
  reliability: ReliabilityResult;
}

/**
 * Is the pool fit for factor analysis, and how many factors does it hold?
 * KMO, Bartlett's test, parallel analysis (seeded), a one-factor EFA and the
 * reliability of the whole pool.
 */
export function poolAdequacy(pilot: readonly SurveyRow[], instrument: Instrument, constructId: string, options: { seed?: string; iterations?: number } = {}): PoolAdequacy {
  const p = pilotItems(pilot, instrument, constructId);
  const raw = pilotItems(pilot, instrument, constructId, { reverse: false });
  const scale = instrument.responseScales[p.construct.responseScale];
  const reversed = p.items.filter((i) => i.reverse).map((i) => i.id);
  return {
    construct: constructId,
    nItems: p.items.length,
    kmo: kmo(p.matrix, { names: p.names }),
    bartlett: bartlett(p.matrix, { names: p.names }),
    parallel: parallelAnalysis(p.matrix, { names: p.names, seed: options.seed ?? `pilot/${constructId}`, iterations: options.iterations ?? 100 }),
    efa: efa(p.matrix, { names: p.names, nfactors: 1 }),
    // the raw answers with the reverse keys, so that the item table says which items were reversed
    reliability: reliability(raw.matrix, { names: p.names, missing: 'pairwise', reverse: reversed, min: scale.min, max: scale.max }),
  };
}

/** Correlation of two score vectors over the cases that have both. */
function pairCorrelation(x: (number | null)[], y: (number | null)[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  x.forEach((v, k) => {
    if (v !== null && y[k] !== null) {
      xs.push(v);
      ys.push(y[k] as number);
    }
  });
  // 0 where r is undefined (no cases, or a score that does not vary)
  const r = pearson(xs, ys);
  return Number.isFinite(r) ? r : 0;
}

/** Each respondent's mean over the answered items of a matrix. */
function rowMeans(matrix: (number | null)[][]): (number | null)[] {
  return matrix.map((row) => {
    const v = row.filter((x): x is number => x !== null);
    return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null;
  });
}

/** The other scales, by how much their pool mean correlates with this scale's pool mean (highest first). */
export function nearestConstructs(pilot: readonly SurveyRow[], instrument: Instrument, constructId: string): Array<{ construct: string; r: number }> {
  const own = rowMeans(pilotItems(pilot, instrument, constructId).matrix);
  return scaleConstructs(instrument)
    .filter((c) => c.id !== constructId)
    .map((c) => ({ construct: c.id, r: pairCorrelation(own, rowMeans(pilotItems(pilot, instrument, c.id).matrix)) }))
    .sort((a, b) => b.r - a.r);
}

/** How many nearest constructs the cross-loading step checks. */
export const CROSS_LOADING_PARTNERS = 3;

export interface CrossLoadingCheck {
  construct: string;
  /** The construct analysed with it, and the correlation of the two pool means. */
  partner: string;
  partnerR: number;
  /** The two-factor EFA of both pools. */
  efa: EfaResult;
  /** Per item of the construct: loading on its own factor and on the partner's. */
  items: Array<{ item: string; own: number; other: number; crossLoads: boolean }>;
}

/**
 * Step 1 for one partner: which items of a construct (also) load on the
 * factor of another construct, in a two-factor EFA of both pools (minres,
 * oblimin).
 */
export function crossLoadingCheck(pilot: readonly SurveyRow[], instrument: Instrument, constructId: string, partner: string): CrossLoadingCheck {
  const a = pilotItems(pilot, instrument, constructId);
  const b = pilotItems(pilot, instrument, partner);
  const matrix = a.matrix.map((row, k) => [...row, ...b.matrix[k]]);
  const names = [...a.names, ...b.names];
  const fit = efa(matrix, { names, nfactors: 2, rotate: 'oblimin' });
  const meanAbs = (rows: number[][], f: number) => rows.reduce((s, r) => s + Math.abs(r[f]), 0) / rows.length;
  const partnerRows = fit.loadings.slice(a.names.length);
  const partnerFactor = meanAbs(partnerRows, 0) >= meanAbs(partnerRows, 1) ? 0 : 1;
  const ownFactor = 1 - partnerFactor;
  const ownR = pairCorrelation(rowMeans(a.matrix), rowMeans(b.matrix));
  return {
    construct: constructId,
    partner,
    partnerR: ownR,
    efa: fit,
    items: a.names.map((item, k) => ({
      item,
      own: fit.loadings[k][ownFactor],
      other: fit.loadings[k][partnerFactor],
      crossLoads: Math.abs(fit.loadings[k][partnerFactor]) >= REDUCTION_CRITERIA.crossLoading,
    })),
  };
}

export interface ReductionStep {
  step: number;
  /** What was decided. */
  action: 'remove' | 'keep' | 'stop';
  item: string | null;
  reason: RemovalReason | 'face_validity' | 'criteria_met' | 'min_items' | null;
  /** The numbers behind the decision, in words. */
  detail: string;
  /** Alpha, mean inter-item r and number of items after the step. */
  alpha: number;
  averageR: number;
  nItems: number;
}

export interface ScaleReduction {
  construct: string;
  label: { nl: string; en: string };
  pool: string[];
  kept: string[];
  removed: Array<{ item: string; reason: RemovalReason; step: number }>;
  steps: ReductionStep[];
  /** The cross-loading checks (one per partner construct; empty for a pool of 3). */
  crossLoading: CrossLoadingCheck[];
  before: { alpha: number; averageR: number; nItems: number };
  after: { alpha: number; averageR: number; nItems: number };
  /** The final scale meets alpha > .80, mean r > .30 and >= 3 items. */
  meetsCriteria: boolean;
  /** The codebook's final items, and whether the reduction ended with exactly those. */
  codebookFinal: string[];
  matchesCodebook: boolean;
  /** Items on which the reduction and the codebook disagree. */
  differences: Array<{ item: string; reduction: 'kept' | 'removed'; codebook: 'final' | 'pilot only' }>;
  /** Items both removed, for a different reason than the codebook's `removedBecause`. */
  reasonDifferences: Array<{ item: string; reduction: RemovalReason; codebook: RemovalReason | null }>;
}

/** Mean correlation of item j with the other items (from a correlation matrix). */
function meanInterItemR(R: number[][], j: number): number {
  let s = 0;
  for (let k = 0; k < R.length; k++) if (k !== j) s += R[j][k];
  return s / (R.length - 1);
}

const f2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/**
 * The item-by-item reduction of one scale (steps above). Deterministic.
 *
 * @example
 *   const r = reduceScale(study.pilot, study.instrument, 'trust');
 *   r.kept;      // ['trust_1', 'trust_2', 'trust_3', 'trust_4']
 *   r.removed;   // [{ item: 'trust_5', reason: 'cross_loading', step: 1 }, ...]
 */
export function reduceScale(pilot: readonly SurveyRow[], instrument: Instrument, constructId: string): ScaleReduction {
  const construct = getScale(instrument, constructId);
  const all = pilotItems(pilot, instrument, constructId);
  const byId = new Map(all.items.map((i) => [i.id, i]));
  const rel = (ids: readonly string[]) => reliability(pilotItems(pilot, instrument, constructId, { only: ids }).matrix, { names: ids, missing: 'pairwise' });
  const summary = (r: ReliabilityResult) => ({ alpha: r.alpha, averageR: r.averageR, nItems: r.nItems });

  let kept = [...all.names];
  const removed: ScaleReduction['removed'] = [];
  const steps: ReductionStep[] = [];
  const before = summary(rel(kept));
  let step = 0;

  // 1. cross-loading items (only when the pool is larger than the minimum)
  const crossLoading: CrossLoadingCheck[] = [];
  if (kept.length > REDUCTION_CRITERIA.minItems) {
    for (const p of nearestConstructs(pilot, instrument, constructId).slice(0, CROSS_LOADING_PARTNERS)) crossLoading.push(crossLoadingCheck(pilot, instrument, constructId, p.construct));
    const flagged = crossLoading
      .flatMap((c) => c.items.filter((i) => i.crossLoads).map((i) => ({ ...i, partner: c.partner })))
      .sort((x, y) => Math.abs(y.other) - Math.abs(x.other))
      .filter((f, k, all) => all.findIndex((g) => g.item === f.item) === k);
    for (const f of flagged) {
      if (kept.length <= REDUCTION_CRITERIA.minItems) break;
      const group = byId.get(f.item)?.contentGroup;
      const lastOfGroup = group !== undefined && kept.filter((id) => byId.get(id)?.contentGroup === group).length === 1;
      step++;
      if (lastOfGroup) {
        const r = rel(kept);
        steps.push({ step, action: 'keep', item: f.item, reason: 'face_validity', detail: `loads ${f2(f.other)} on the factor of ${f.partner}, but is the last item of content group "${group}"`, ...summary(r) });
        continue;
      }
      kept = kept.filter((id) => id !== f.item);
      removed.push({ item: f.item, reason: 'cross_loading', step });
      const r = rel(kept);
      steps.push({ step, action: 'remove', item: f.item, reason: 'cross_loading', detail: `loads ${f2(f.other)} on the factor of ${f.partner} (own factor ${f2(f.own)}; criterion |loading| >= ${REDUCTION_CRITERIA.crossLoading})`, ...summary(r) });
    }
  }

  // 2. item by item
  for (;;) {
    const r = rel(kept);
    if (kept.length <= REDUCTION_CRITERIA.minItems) {
      step++;
      steps.push({ step, action: 'stop', item: null, reason: 'min_items', detail: `${kept.length} items left: the minimum of ${REDUCTION_CRITERIA.minItems}`, ...summary(r) });
      break;
    }
    const candidates = r.items
      .map((it, j) => ({ id: kept[j], itemRest: it.itemRestR ?? -Infinity, alphaIfDeleted: it.alphaIfDeleted ?? -Infinity, meanR: meanInterItemR(r.correlation, j) }))
      .filter((c) => c.meanR < REDUCTION_CRITERIA.interItemR || c.alphaIfDeleted > r.alpha)
      .sort((x, y) => x.itemRest - y.itemRest);
    let done = true;
    for (const c of candidates) {
      const item = byId.get(c.id)!;
      const group = item.contentGroup;
      const lastOfGroup = group !== undefined && kept.filter((id) => byId.get(id)?.contentGroup === group).length === 1;
      if (lastOfGroup) {
        if (!steps.some((s) => s.item === c.id && s.reason === 'face_validity')) {
          step++;
          steps.push({ step, action: 'keep', item: c.id, reason: 'face_validity', detail: `item-rest r ${f2(c.itemRest)}, but the last item of content group "${group}"`, ...summary(r) });
        }
        continue;
      }
      const reason: RemovalReason = item.reverse ? 'negatively_worded' : c.meanR < REDUCTION_CRITERIA.interItemR ? 'low_inter_item_r' : 'alpha_if_deleted';
      kept = kept.filter((id) => id !== c.id);
      removed.push({ item: c.id, reason, step: ++step });
      const after = rel(kept);
      const why = [
        item.reverse ? 'negatively worded' : null,
        `item-rest r ${f2(c.itemRest)}`,
        `mean inter-item r ${f2(c.meanR)}${c.meanR < REDUCTION_CRITERIA.interItemR ? ` < ${REDUCTION_CRITERIA.interItemR}` : ''}`,
        `alpha if deleted ${f2(c.alphaIfDeleted)}${c.alphaIfDeleted > r.alpha ? ` > alpha ${f2(r.alpha)}` : ''}`,
      ].filter(Boolean);
      steps.push({ step, action: 'remove', item: c.id, reason, detail: why.join('; '), ...summary(after) });
      done = false;
      break;
    }
    if (done) {
      step++;
      steps.push({ step, action: 'stop', item: null, reason: 'criteria_met', detail: `no item has mean inter-item r < ${REDUCTION_CRITERIA.interItemR} or raises alpha when deleted`, ...summary(r) });
      break;
    }
  }

  const after = summary(rel(kept));
  const codebookFinal = construct.items.filter((i) => i.final).map((i) => i.id);
  const differences: ScaleReduction['differences'] = construct.items
    .filter((i) => kept.includes(i.id) !== i.final)
    .map((i) => ({ item: i.id, reduction: kept.includes(i.id) ? ('kept' as const) : ('removed' as const), codebook: i.final ? ('final' as const) : ('pilot only' as const) }));
  const reasonDifferences: ScaleReduction['reasonDifferences'] = removed
    .map((x) => ({ item: x.item, reduction: x.reason, codebook: byId.get(x.item)?.removedBecause ?? null }))
    .filter((x) => byId.get(x.item)?.final === false && x.codebook !== x.reduction);
  return {
    construct: constructId,
    label: { nl: construct.nl, en: construct.en },
    pool: all.names,
    kept,
    removed,
    steps,
    crossLoading,
    before,
    after,
    meetsCriteria: after.alpha > REDUCTION_CRITERIA.alpha && after.averageR > REDUCTION_CRITERIA.interItemR && after.nItems >= REDUCTION_CRITERIA.minItems,
    codebookFinal,
    matchesCodebook: differences.length === 0,
    differences,
    reasonDifferences,
  };
}

/** `reduceScale` for every scale of the codebook, in codebook order. */
export function reduceAllScales(pilot: readonly SurveyRow[], instrument: Instrument): ScaleReduction[] {
  return scaleConstructs(instrument).map((c) => reduceScale(pilot, instrument, c.id));
}

/** One row per scale: pool, kept, removed with reasons, alpha and mean r before and after, agreement with the codebook. */
export function reductionTable(reductions: readonly ScaleReduction[], lang: 'nl' | 'en' = 'nl') {
  return reductions.map((r) => ({
    scale: r.label[lang],
    pool: r.pool.length,
    kept: r.kept.length,
    removed: r.removed.map((x) => `${x.item} (${x.reason.replace(/_/g, ' ')})`).join('; ') || '–',
    alpha_before: r.before.alpha,
    alpha_after: r.after.alpha,
    r_before: r.before.averageR,
    r_after: r.after.averageR,
    meets_criteria: r.meetsCriteria,
    items_as_codebook: r.matchesCodebook,
    reasons_as_codebook: r.reasonDifferences.length === 0 ? true : r.reasonDifferences.map((d) => `${d.item}: codebook ${d.codebook?.replace(/_/g, ' ') ?? '–'}`).join('; '),
  }));
}

/** The steps of one reduction as table rows. */
export function reductionSteps(reduction: ScaleReduction) {
  return reduction.steps.map((s) => ({ step: s.step, action: s.action, item: s.item ?? '–', reason: s.reason?.replace(/_/g, ' ') ?? '–', detail: s.detail, alpha: s.alpha, mean_r: s.averageR, items: s.nItems }));
}

/** The item statistics of a reliability analysis as table rows (SPSS "Item-Total Statistics"). */
export function itemTable(result: ReliabilityResult) {
  return result.items.map((i) => ({ item: i.name ?? String(i.index + 1), reversed: i.reversed, n: i.n, mean: i.mean, sd: i.sd, 'item-rest r': i.itemRestR, 'alpha if deleted': i.alphaIfDeleted }));
}

/** Kaiser's (1974) words for a KMO value. */
export function kmoLabel(msa: number): string {
  return msa >= 0.9 ? 'marvelous' : msa >= 0.8 ? 'meritorious' : msa >= 0.7 ? 'middling' : msa >= 0.6 ? 'mediocre' : msa >= 0.5 ? 'miserable' : 'unacceptable';
}

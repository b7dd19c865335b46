import { UserInputError } from '../../util/errors';
import { bootstrap } from '../resampling/bootstrap';
import { checkRatings, type Rating, ratingKey } from './ratings';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export interface KrippendorffAlphaOptions {
  /** Metric of the values; default 'nominal'. Ordinal, interval and ratio need numbers (or `order` for ordinal). */
  level?: AlphaLevel;
  /** For ordinal data given as strings: the categories from low to high. */
  order?: ReadonlyArray<string | number>;
  /**
   * Bootstrap interval over units (columns): number of resamples (0 = none, the
   * default), seed and confidence level. Resampling units is the plain case
   * bootstrap; Hayes & Krippendorff's (2007) KALPHA macro resamples pairable values
   * instead, so its intervals differ somewhat.
   */
  bootstrap?: { iterations?: number; seed?: string; level?: number };
}

export interface KrippendorffAlphaResult {
  /** 1 - Do / De; null when undefined (fewer than two pairable values, or no variation: De = 0). */
  alpha: number | null;
  level: AlphaLevel;
  /** Observed disagreement. */
  observed: number | null;
  /** Expected disagreement. */
  expected: number | null;
  /** Pairable values n (values in units with at least two values). */
  pairable: number;
  /** Units with at least two values. */
  units: number;
  /** Values (categories) in the order of `coincidences`. */
  values: Array<string | number>;
  /** Coincidence matrix o_ck. */
  coincidences: number[][];
  /** Percentile bootstrap interval over units, or null. */
  ci: { level: number; lower: number; upper: number; iterations: number; nonFinite: number; seed: string | null } | null;
  note: string | null;
}

/**
 * Krippendorff's alpha for any number of coders, missing values, and nominal,
 * ordinal, interval or ratio data.
 *
 * From the coders x units matrix, units with m_u >= 2 values are pairable. The
 * coincidence matrix counts ordered pairs of values from different coders:
 *   o_ck = sum_u (number of c-k pairs in u) / (m_u - 1),  n_c = sum_k o_ck,  n = sum_c n_c,
 *   alpha = 1 - Do / De = 1 - (n - 1) sum_ck o_ck d2_ck / sum_ck n_c n_k d2_ck,
 * with the difference functions
 *   nominal  d2 = 0 if c = k else 1,
 *   ordinal  d2 = (sum_{g from c to k} n_g - (n_c + n_k) / 2)^2,
 *   interval d2 = (c - k)^2,
 *   ratio    d2 = ((c - k) / (c + k))^2.
 *
 * Reference: Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
 * Annenberg School for Communication, Departmental Papers 43.
 * Validated (tests/stats/agreement/intercoder.test.ts): the paper's examples: binary data of two
 * observers alpha = .095, nominal data of two observers alpha = .692, and the
 * 4 observers x 12 units data with missing values: nominal .743, ordinal .815,
 * interval .849, ratio .797.
 *
 * @example
 *   krippendorffAlpha([
 *     [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
 *     [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
 *     [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
 *     [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
 *   ]).alpha; // 0.743
 */
export function krippendorffAlpha(ratings: ReadonlyArray<readonly Rating[]>, options: KrippendorffAlphaOptions = {}): KrippendorffAlphaResult {
  const { units } = checkRatings(ratings, 'krippendorffAlpha', 1);
  const level = options.level ?? 'nominal';
  if (!ALPHA_LEVELS.includes(level)) throw new UserInputError(`krippendorffAlpha: option level is ${JSON.stringify(level)}; expected one of ${ALPHA_LEVELS.join(', ')}.`);
  const columns: Rating[][] = [];
  for (let u = 0; u < units; u++) columns.push(ratings.map((r) => r[u]));
  const numeric = toNumbers(ratings, level, options.order);
  const result = alphaOfColumns(columns, level, numeric);
  let ci: KrippendorffAlphaResult['ci'] = null;
  let note = result.note;
  const b = options.bootstrap;
  if (b && (b.iterations ?? 0) > 0) {
    if (result.alpha === null) note = [note, 'no bootstrap interval: alpha is undefined on the data'].filter(Boolean).join('; ');
    else if (result.units < 3) note = [note, 'no bootstrap interval: fewer than 3 pairable units'].filter(Boolean).join('; ');
    else {
      // Resamples are evaluated on the values as small integer ids (alphaOfEncoded: the same arithmetic, faster).
      const encoded = encodeColumns(columns);
      const valueOf = numericById(encoded.ids, numeric);
      const stat = (sample: readonly Int32Array[]) => alphaOfEncoded(sample, level, valueOf, encoded.ids.size) ?? NaN;
      try {
        const r = bootstrap(encoded.columns, stat, { iterations: b.iterations, seed: b.seed ?? 'krippendorff-alpha', level: b.level ?? 0.95, ci: 'percentile' });
        if (r.percentile) ci = { level: r.level, lower: r.percentile.lower, upper: r.percentile.upper, iterations: r.iterations, nonFinite: r.nonFinite, seed: r.seed };
        if (r.nonFinite > 0) note = [note, `${r.nonFinite} of ${r.iterations} resamples had no variation (alpha undefined) and were left out of the interval`].filter(Boolean).join('; ');
      } catch (e) {
        if (!(e instanceof UserInputError)) throw e;
        note = [note, `no bootstrap interval: ${e.message}`].filter(Boolean).join('; ');
      }
    }
  }
  return { ...result, level, ci, note };
}

/** Values as numbers for the metric levels (ordinal: ranks of `order` when given). */
function toNumbers(ratings: ReadonlyArray<readonly Rating[]>, level: AlphaLevel, order?: ReadonlyArray<string | number>): Map<string, number> | null {
  if (level === 'nominal') return null;
  const map = new Map<string, number>();
  if (order) {
    order.forEach((v, i) => map.set(ratingKey(v), i + 1));
    for (const r of ratings) for (const v of r) if (v !== null && v !== undefined && !map.has(ratingKey(v))) {
      throw new UserInputError(`krippendorffAlpha: the value ${JSON.stringify(v)} is not in option order ${JSON.stringify(order)}.`);
    }
    if (level !== 'ordinal') throw new UserInputError(`krippendorffAlpha: option order is only for ordinal data; ${level} data must be numbers.`);
    return map;
  }
  for (const r of ratings) {
    for (const v of r) {
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number') throw new UserInputError(`krippendorffAlpha: ${level} data must be numbers, found ${JSON.stringify(v)}; use level 'nominal', or for ordinal categories give option order.`);
      if (level === 'ratio' && v < 0) throw new UserInputError(`krippendorffAlpha: ratio data must be >= 0, found ${v}.`);
      map.set(ratingKey(v), v);
    }
  }
  return map;
}

function alphaOfColumns(columns: ReadonlyArray<readonly Rating[]>, level: AlphaLevel, numeric: Map<string, number> | null): Omit<KrippendorffAlphaResult, 'ci' | 'level'> {
  const index = new Map<string, number>();
  const values: Array<string | number> = [];
  const pairable: Array<Array<string | number>> = [];
  for (const col of columns) {
    const vs = col.filter((v): v is string | number => v !== null && v !== undefined);
    if (vs.length >= 2) pairable.push(vs);
  }
  for (const vs of pairable) for (const v of vs) if (!index.has(ratingKey(v))) index.set(ratingKey(v), -1);
  // Order the values: by number for metric levels, by first appearance for nominal.
  const keys = [...index.keys()];
  if (numeric) keys.sort((x, y) => numeric.get(x)! - numeric.get(y)!);
  keys.forEach((k, i) => index.set(k, i));
  for (const k of keys) {
    for (const vs of pairable) {
      const v = vs.find((x) => ratingKey(x) === k);
      if (v !== undefined) {
        values.push(v);
        break;
      }
    }
  }
  const q = values.length;
  const o = values.map(() => values.map(() => 0));
  for (const vs of pairable) {
    const m = vs.length;
    const idx = vs.map((v) => index.get(ratingKey(v))!);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) o[idx[i]][idx[j]] += 1 / (m - 1);
  }
  const nc = o.map((r) => r.reduce((s, v) => s + v, 0));
  const n = nc.reduce((s, v) => s + v, 0);
  const base = { values, coincidences: o, pairable: Math.round(n * 1e9) / 1e9, units: pairable.length };
  if (n < 2 || q < 2) {
    return { ...base, alpha: null, observed: null, expected: null, note: n < 2 ? 'alpha is undefined: fewer than two pairable values' : 'alpha is undefined: all pairable values are the same (no variation)' };
  }
  const num = numeric ? values.map((v) => numeric.get(ratingKey(v))!) : null;
  const { observed, expected } = disagreements(q, (c, k) => o[c][k], nc, n, level, num);
  if (expected <= 0) return { ...base, alpha: null, observed, expected, note: 'alpha is undefined: no expected disagreement' };
  return { ...base, alpha: 1 - observed / expected, observed, expected, note: null };
}

/**
 * The pairable columns (at least two values) with each value as a small
 * integer id (`ids`: value key -> id, shared when given), for resampling:
 * `alphaOfEncoded` gives alpha on them. Internal (presenceAgreement uses it
 * for its cluster bootstrap).
 */
export function encodeColumns(columns: ReadonlyArray<readonly Rating[]>, ids: Map<string, number> = new Map()): { columns: Int32Array[]; ids: Map<string, number> } {
  const out: Int32Array[] = [];
  for (const col of columns) {
    const vs = col.filter((v): v is string | number => v !== null && v !== undefined);
    if (vs.length < 2) continue;
    out.push(
      Int32Array.from(vs, (v) => {
        const key = ratingKey(v);
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
        }
        return id;
      }),
    );
  }
  return { columns: out, ids };
}

/** The numbers of the value ids for the metric levels (null for nominal). */
export function numericById(ids: ReadonlyMap<string, number>, numeric: ReadonlyMap<string, number> | null): Float64Array | null {
  if (!numeric) return null;
  const out = new Float64Array(ids.size);
  for (const [key, id] of ids) out[id] = numeric.get(key)!;
  return out;
}

/**
 * Alpha of encoded pairable columns: alphaOfColumns step for step (the same
 * order of the values, of the sums and of the products, so bit for bit the
 * same alpha), on integer ids and typed arrays instead of keyed maps; null
 * when alpha is undefined. For the bootstrap, which evaluates it thousands of
 * times.
 */
export function alphaOfEncoded(columns: ReadonlyArray<Int32Array>, level: AlphaLevel, valueOf: Float64Array | null, nIds: number): number | null {
  // Values in order of first appearance, then (metric levels) stably by number, as alphaOfColumns orders them.
  const local = new Int32Array(nIds).fill(-1);
  const order: number[] = [];
  for (const col of columns) {
    if (col.length < 2) continue;
    for (let i = 0; i < col.length; i++) {
      if (local[col[i]] === -1) {
        local[col[i]] = -2;
        order.push(col[i]);
      }
    }
  }
  if (valueOf) order.sort((x, y) => valueOf[x] - valueOf[y]);
  for (let i = 0; i < order.length; i++) local[order[i]] = i;
  const q = order.length;
  const o = new Float64Array(q * q);
  for (const col of columns) {
    const m = col.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      const row = local[col[i]] * q;
      for (let j = 0; j < m; j++) if (i !== j) o[row + local[col[j]]] += 1 / (m - 1);
    }
  }
  const nc = new Float64Array(q);
  let n = 0;
  for (let c = 0; c < q; c++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += o[c * q + k];
    nc[c] = s;
  }
  for (let c = 0; c < q; c++) n += nc[c];
  if (n < 2 || q < 2) return null;
  const num = valueOf ? order.map((id) => valueOf[id]) : null;
  const { observed, expected } = disagreements(q, (c, k) => o[c * q + k], nc, n, level, num);
  if (expected <= 0) return null;
  return 1 - observed / expected;
}

/**
 * Observed and expected disagreement from the coincidences o_ck (q values in
 * order), their margins n_c and total n: Do = sum o_ck d2_ck / n and
 * De = sum n_c n_k d2_ck / (n (n - 1)), with the level's difference function
 * (see krippendorffAlpha; `num` holds the values' numbers for the metric
 * levels). One code for both evaluators, so their sums run in the same order.
 */
function disagreements(q: number, oAt: (c: number, k: number) => number, nc: ArrayLike<number>, n: number, level: AlphaLevel, num: readonly number[] | null): { observed: number; expected: number } {
  const d2 = (c: number, k: number): number => {
    if (c === k) return 0;
    if (level === 'nominal') return 1;
    const x = num![c];
    const y = num![k];
    if (level === 'interval') return (x - y) ** 2;
    if (level === 'ratio') return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    let s = 0;
    for (let g = lo; g <= hi; g++) s += nc[g];
    return (s - (nc[c] + nc[k]) / 2) ** 2;
  };
  let dObs = 0;
  let dExp = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      const d = d2(c, k);
      dObs += oAt(c, k) * d;
      dExp += nc[c] * nc[k] * d;
    }
  }
  return { observed: dObs / n, expected: dExp / (n * (n - 1)) };
}

import { UserInputError } from '../../util/errors';
import type { Random } from '../../util/random';
import { checkChoice, checkMatrix } from '../internal/validate';
import { type SeedOptions, checkWhole, resolveRandom } from '../resampling/internal/coefficients';
import { type KmeansRun, hartiganWong, lloyd } from './internal/kmeansAlgorithms';

export type KmeansAlgorithm = 'hartigan-wong' | 'lloyd';
export type KmeansInit = 'kmeans++' | 'random';

export interface KmeansOptions extends SeedOptions {
  /** Default 'hartigan-wong' (R's default). */
  algorithm?: KmeansAlgorithm;
  /** Number of random starts; the best (lowest total within SS) is kept. Default 10; ignored with given centres. */
  nstart?: number;
  /** Maximum iterations per start; default 100 (R's iter.max default is 10). */
  maxIterations?: number;
  /**
   * How starting centres are drawn: 'kmeans++' (default; Arthur & Vassilvitskii 2007)
   * or 'random' (k distinct data rows, as R).
   */
  init?: KmeansInit;
}

export interface KmeansResult {
  /** Cluster 1..k of each row (0-based by row). */
  cluster: number[];
  /** k x p cluster means. */
  centers: number[][];
  /** Rows per cluster. */
  size: number[];
  /** Within-cluster sum of squares per cluster. */
  withinss: number[];
  /** Sum of withinss (R: tot.withinss). */
  totWithinss: number;
  /** Total sum of squares around the grand mean. */
  totss: number;
  /** totss - totWithinss. */
  betweenss: number;
  /** Iterations of the kept start (R's count; > maxIterations when it did not converge). */
  iterations: number;
  converged: boolean;
  algorithm: KmeansAlgorithm;
  /** 'given' when centres were passed. */
  init: KmeansInit | 'given';
  /** Starts run, and how many of them ended with an empty cluster (discarded). */
  nstart: number;
  failedStarts: number;
  /** Seed of the starts (null for given centres or an injected generator). */
  seed: string | null;
  warnings: string[];
}

function rowKey(row: readonly number[]): string {
  return row.map((v) => (Object.is(v, -0) ? 0 : v)).join(',');
}

/** Distinct rows, first occurrence order (R: unique(x)). */
function uniqueRows(data: readonly (readonly number[])[]): (readonly number[])[] {
  const seen = new Set<string>();
  const out: (readonly number[])[] = [];
  for (const row of data) {
    const key = rowKey(row);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(row);
    }
  }
  return out;
}

function randomStart(distinct: readonly (readonly number[])[], k: number, random: Random): number[][] {
  const idx = distinct.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + random.int(idx.length - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).map((i) => distinct[i].slice());
}

function plusPlusStart(distinct: readonly (readonly number[])[], k: number, random: Random): number[][] {
  const m = distinct.length;
  const sq = (a: readonly number[], b: readonly number[]) => {
    let s = 0;
    for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
    return s;
  };
  const centers: number[][] = [distinct[random.int(m)].slice()];
  const d2 = distinct.map((row) => sq(row, centers[0]));
  while (centers.length < k) {
    let total = 0;
    for (const v of d2) total += v;
    let u = random.uniform() * total;
    let pick = -1;
    for (let i = 0; i < m; i++) {
      if (d2[i] <= 0) continue;
      pick = i;
      u -= d2[i];
      if (u < 0) break;
    }
    const c = distinct[pick].slice();
    centers.push(c);
    for (let i = 0; i < m; i++) d2[i] = Math.min(d2[i], sq(distinct[i], c));
  }
  return centers;
}

/**
 * k-means clustering of the rows of a complete data matrix: partitions the n rows
 * into k clusters so that the total within-cluster sum of squares
 *   W = sum_l sum_{i in l} ||x_i - mean_l||^2
 * is (locally) minimal, as R's kmeans. Algorithms, ported line by line from R:
 * - 'hartigan-wong' (default, as R): Hartigan & Wong (1979) AS 136 (R's kmns.f);
 *   moves single points when that lowers W, usually the best local optimum;
 * - 'lloyd': Lloyd (1982) / Forgy: assign to the nearest centre, recompute means,
 *   repeat until no assignment changes (R's kmeans_Lloyd).
 * Both depend on the starting centres: with `k` a number, `nstart` starts are drawn
 * from the seeded stream (k-means++ by default, or k distinct rows at random as R
 * does) and the start with the lowest W is kept (first on ties). With `k` a k x p
 * matrix of centres there is a single start from those centres (as R's
 * kmeans(x, centers = <matrix>)); the random streams of R and this library differ,
 * so only given centres reproduce R exactly.
 *
 * Variables are not standardised; with N = 10 networks, clusters are fragile: check
 * them with {@link silhouette} and across seeds.
 *
 * References: Hartigan, J. A., & Wong, M. A. (1979). Algorithm AS 136: A k-means
 * clustering algorithm. Applied Statistics, 28, 100-108. Lloyd, S. P. (1982). Least
 * squares quantization in PCM. IEEE Trans. Information Theory, 28, 128-137. Arthur,
 * D., & Vassilvitskii, S. (2007). k-means++: the advantages of careful seeding. SODA.
 *
 * Validated: with given centres, cluster, centres, withinss, size and iterations equal
 * R 4.2 kmeans(algorithm = "Lloyd") and kmeans(algorithm = "Hartigan-Wong") on a
 * 10 x 6 and a 30 x 4 data set for k = 2, 3, 4 (centres and SS to 1e-10;
 * tests/r/cluster-resampling-reference.R).
 *
 * Throws {@link UserInputError} for missing or non-finite values, k not in 1..n (or
 * k = n with Hartigan-Wong), fewer distinct rows than k, given centres that are not
 * distinct or of the wrong width, an empty cluster from given centres, or bad options.
 *
 * @example
 *   const data = [[1, 1], [1.5, 2], [3, 4], [5, 7], [3.5, 5], [4.5, 5], [3.5, 4.5]];
 *   kmeans(data, [[1, 1], [5, 7]], { algorithm: 'lloyd' }).cluster; // [1, 1, 2, 2, 2, 2, 2]
 *   kmeans(data, 2, { seed: 'demo' }).totWithinss; // 8.525 (the same partition)
 */
export function kmeans(data: readonly (readonly number[])[], k: number | readonly (readonly number[])[], options: KmeansOptions = {}): KmeansResult {
  const { nRows: n, nCols: p } = checkMatrix(data, {
    what: 'data',
    allowMissing: false,
    columnNoun: 'variable',
    rowNoun: 'row',
    missingHint: 'remove or impute incomplete rows first.',
  });
  if (p === 0) throw new UserInputError('data has no columns; pass one column per variable.');
  const algorithm = checkChoice(options.algorithm ?? 'hartigan-wong', ['hartigan-wong', 'lloyd'] as const, 'options.algorithm');
  const maxIterations = checkWhole(options.maxIterations ?? 100, 1, 'options.maxIterations');
  const init = checkChoice(options.init ?? 'kmeans++', ['kmeans++', 'random'] as const, 'options.init');

  let given: number[][] | null = null;
  let kk: number;
  if (Array.isArray(k)) {
    checkMatrix(k, { what: 'centers', allowMissing: false, columnNoun: 'variable', rowNoun: 'centre' });
    given = (k as number[][]).map((row) => row.slice());
    if (given[0].length !== p) {
      throw new UserInputError(`centers has ${given[0].length} columns but data has ${p}; give each centre one value per variable.`);
    }
    if (uniqueRows(given).length < given.length) throw new UserInputError('the initial centers are not distinct; give k different centres.');
    kk = given.length;
  } else {
    if (typeof k !== 'number' || !Number.isInteger(k)) {
      throw new UserInputError(`k must be a whole number of clusters or a k x p matrix of initial centres; got ${String(k)}.`);
    }
    kk = k;
  }
  if (kk < 1 || kk > n) {
    throw new UserInputError(`kmeans: k = ${kk} but there are ${n} rows; k must be between 1 and the number of rows (use fewer clusters).`);
  }
  if (algorithm === 'hartigan-wong' && kk === n && kk > 1) {
    throw new UserInputError(`kmeans: Hartigan-Wong needs fewer clusters than rows (k = ${kk}, n = ${n}); use a smaller k.`);
  }
  const distinct = uniqueRows(data);
  if (!given && distinct.length < kk) {
    throw new UserInputError(`kmeans: only ${distinct.length} distinct rows for k = ${kk} clusters; use k <= ${distinct.length}.`);
  }
  const nstart = given ? 1 : checkWhole(options.nstart ?? 10, 1, 'options.nstart');
  const { random, seed } = given ? { random: null, seed: null } : resolveRandom(options, 'kmeans');

  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) x[i * p + j] = data[i][j];
  const colMeans = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) colMeans[j] += data[i][j];
  for (let j = 0; j < p; j++) colMeans[j] /= n;
  let totss = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) totss += (data[i][j] - colMeans[j]) ** 2;

  const run = (centers: number[][]): KmeansRun => {
    const c = new Float64Array(kk * p);
    centers.forEach((row, l) => row.forEach((v, j) => (c[l * p + j] = v)));
    if (kk === 1) {
      // R switches to MacQueen for k = 1; the result is the grand mean.
      let w = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) w += (data[i][j] - colMeans[j]) ** 2;
      return { cluster: new Int32Array(n).fill(1), centers: Float64Array.from(colMeans), size: Int32Array.of(n), withinss: Float64Array.of(w), iterations: 1, ifault: 0 };
    }
    return algorithm === 'lloyd' ? lloyd(x, n, p, c, kk, maxIterations) : hartiganWong(x, n, p, c, kk, maxIterations);
  };

  let best: KmeansRun | null = null;
  let failed = 0;
  for (let s = 0; s < nstart; s++) {
    const start = given ?? (init === 'random' ? randomStart(distinct, kk, random!) : plusPlusStart(distinct, kk, random!));
    const r = run(start);
    if (r.ifault === 1) {
      failed++;
      continue;
    }
    if (best === null || sum(r.withinss) < sum(best.withinss)) best = r;
  }
  if (best === null) {
    throw new UserInputError(
      given
        ? 'kmeans: the given centres leave a cluster empty; try a better set of initial centres.'
        : `kmeans: every start (${nstart}) left a cluster empty; use a smaller k.`,
    );
  }
  const warnings: string[] = [];
  if (best.ifault === 2) warnings.push(`did not converge in ${maxIterations} iterations; raise options.maxIterations`);
  if (best.ifault === 4) warnings.push(`Quick-TRANSfer stage steps exceeded maximum (= ${50 * n})`);
  if (failed > 0) warnings.push(`${failed} of ${nstart} starts left a cluster empty and were discarded`);
  const tot = sum(best.withinss);
  return {
    cluster: Array.from(best.cluster),
    centers: Array.from({ length: kk }, (_, l) => Array.from(best!.centers.subarray(l * p, (l + 1) * p))),
    size: Array.from(best.size),
    withinss: Array.from(best.withinss),
    totWithinss: tot,
    totss,
    betweenss: totss - tot,
    iterations: best.iterations,
    converged: best.ifault === 0,
    algorithm,
    init: given ? 'given' : init,
    nstart,
    failedStarts: failed,
    seed,
    warnings,
  };
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

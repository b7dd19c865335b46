/**
 * The network level (report 4 and 5.4): ten networks are ten cases. What can
 * correlations and a cluster analysis say with N = 10?
 *
 * - correlations between network means with an exact permutation p (all 10!
 *   orderings) beside Pearson r and Spearman rho;
 * - leave one network out: does one network carry a correlation?
 * - hierarchical clustering (Ward, on z-scores) with silhouette widths, and
 *   the silhouette that random data of the same shape give, to read them
 *   against: the report found no separable clusters.
 */
import type { Instrument, Language } from '../io/instrument';
import type { NetworkTableRow } from './networkTable';
import { FINDING_VARIABLES } from './findings';
import { correlate } from '../stats/correlation/correlate';
import { permutationTest } from '../stats/resampling/permutationTest';
import { leaveOneOut, type LeaveOneOutResult } from '../stats/resampling/leaveOneOut';
import { hclust, type HclustTree } from '../stats/cluster/hclust';
import { cutree } from '../stats/cluster/cutree';
import { silhouette } from '../stats/cluster/silhouette';
import { createRandom } from '../util/random';
import { UserInputError } from '../util/errors';

/** The value of a network-level variable: 'members', 'years', or a construct id (network mean). */
export function networkValue(row: NetworkTableRow, variable: string): number | null {
  if (variable === 'members') return row.members;
  if (variable === 'years') return row.years;
  if (!(variable in row.means)) throw new UserInputError(`Unknown network-level variable "${variable}": use members, years or a construct id (${Object.keys(row.means).join(', ')}).`);
  return row.means[variable];
}

/** Name of a network-level variable in a language. */
export function variableLabel(instrument: Instrument, variable: string, lang: Language = 'nl'): string {
  if (variable === 'members' || variable === 'years') return FINDING_VARIABLES[variable][lang];
  return instrument.constructs.find((c) => c.id === variable)?.[lang] ?? variable;
}

/** Values of two variables over the networks that have both. */
export function pairedValues(rows: readonly NetworkTableRow[], x: string, y: string): { networks: string[]; x: number[]; y: number[] } {
  const out = { networks: [] as string[], x: [] as number[], y: [] as number[] };
  for (const r of rows) {
    const a = networkValue(r, x);
    const b = networkValue(r, y);
    if (a === null || b === null) continue;
    out.networks.push(r.network);
    out.x.push(a);
    out.y.push(b);
  }
  return out;
}

export interface PairCorrelation {
  x: string;
  y: string;
  n: number;
  r: number;
  rho: number;
  /** Exact permutation p of r (two-sided) for n <= 10, Monte Carlo (seeded) above. */
  p: number;
  /** The t-test p of r, for comparison (assumes normality, which ten means cannot show). */
  pT: number;
}

/** Correlation of every pair of variables across networks, with permutation p. */
export function correlationTable(rows: readonly NetworkTableRow[], variables: readonly string[]): PairCorrelation[] {
  const out: PairCorrelation[] = [];
  for (let a = 0; a < variables.length; a++) {
    for (let b = a + 1; b < variables.length; b++) {
      const v = pairedValues(rows, variables[a], variables[b]);
      if (v.x.length < 4) continue;
      const pearson = correlate(v.x, v.y);
      out.push({
        x: variables[a],
        y: variables[b],
        n: v.x.length,
        r: pearson.r,
        rho: correlate(v.x, v.y, { method: 'spearman' }).r,
        p: permutationTest(v.x, v.y, { seed: `network-level/${variables[a]}/${variables[b]}` }).p,
        pT: pearson.p,
      });
    }
  }
  return out;
}

/** The Pearson correlation matrix of the variables (for correlationMatrixFigure). */
export function correlationMatrix(rows: readonly NetworkTableRow[], variables: readonly string[], instrument: Instrument, lang: Language = 'nl'): { names: string[]; matrix: (number | null)[][] } {
  return {
    names: variables.map((v) => variableLabel(instrument, v, lang)),
    matrix: variables.map((a) =>
      variables.map((b) => {
        if (a === b) return 1;
        const v = pairedValues(rows, a, b);
        return v.x.length >= 3 ? correlate(v.x, v.y).r : null;
      }),
    ),
  };
}

/** Leave-one-network-out for one pair, with the input of looScatterFigure. */
export function leaveOneNetworkOut(rows: readonly NetworkTableRow[], x: string, y: string): { result: LeaveOneOutResult; scatter: { x: number[]; y: number[]; labels: string[]; rWithout: number[] } } {
  const v = pairedValues(rows, x, y);
  const result = leaveOneOut(v.x, v.y, { labels: v.networks });
  return { result, scatter: { x: v.x, y: v.y, labels: v.networks, rWithout: result.rows.map((r) => r.r ?? Number.NaN) } };
}

/** Leave-one-out rows as a table. */
export function leaveOneOutTable(result: LeaveOneOutResult) {
  return result.rows.map((r) => ({ without: r.dropped, r: r.r, change: r.change, keeps_sign: r.r !== null && Math.sign(r.r) === result.expectedSign }));
}

export interface NetworkClustering {
  variables: string[];
  networks: string[];
  /** z-scores (networks x variables) that were clustered. */
  z: number[][];
  tree: HclustTree;
  /** Average silhouette width for each number of clusters k. */
  silhouettes: Array<{ k: number; averageWidth: number; sizes: number[]; random: number }>;
  /** The best k and its width. */
  best: { k: number; averageWidth: number };
  /** A height at which the tree falls into best.k clusters (for dendrogramFigure's cut line). */
  cutHeight: number;
  /** Mean best width over random normal data of the same shape (networks x variables). */
  randomBest: number;
  /** Share of the random data sets whose best width is at least the observed best width. */
  randomAtLeast: number;
  /** Kaufman & Rousseeuw's reading of the best width. */
  reading: 'strong' | 'reasonable' | 'weak' | 'no substantial structure';
}

function zScores(values: number[][]): number[][] {
  const p = values[0].length;
  const out = values.map((r) => r.slice());
  for (let j = 0; j < p; j++) {
    const col = values.map((r) => r[j]);
    const m = col.reduce((a, b) => a + b, 0) / col.length;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - m) ** 2, 0) / (col.length - 1));
    for (let i = 0; i < out.length; i++) out[i][j] = sd > 0 ? (values[i][j] - m) / sd : 0;
  }
  return out;
}

function bestSilhouette(z: number[][], tree: HclustTree, ks: number[]): Array<{ k: number; averageWidth: number; sizes: number[] }> {
  return ks.map((k) => {
    const clusters = cutree(tree, k);
    const s = silhouette(z, clusters);
    return { k, averageWidth: s.averageWidth, sizes: s.clusters.map((c) => c.size) };
  });
}

const readingOf = (w: number): NetworkClustering['reading'] => (w > 0.7 ? 'strong' : w > 0.5 ? 'reasonable' : w > 0.25 ? 'weak' : 'no substantial structure');

/**
 * Ward clustering (ward.D2, Euclidean) of the networks on z-scores of the
 * variables, silhouette widths for k = 2..maxK, and the same for `randomSets`
 * random normal data sets of the same shape (seeded): the silhouette that
 * structure-free data reach.
 */
export function clusterNetworks(rows: readonly NetworkTableRow[], variables: readonly string[], options: { maxK?: number; randomSets?: number; seed?: string } = {}): NetworkClustering {
  const complete = rows.filter((r) => variables.every((v) => networkValue(r, v) !== null));
  if (complete.length < 4) throw new UserInputError(`Clustering needs at least 4 networks with a value on every variable; ${complete.length} have.`);
  const z = zScores(complete.map((r) => variables.map((v) => networkValue(r, v) as number)));
  const labels = complete.map((r) => r.network);
  const tree = hclust(z, { method: 'ward.D2', labels });
  const ks: number[] = [];
  for (let k = 2; k <= Math.min(options.maxK ?? 5, complete.length - 1); k++) ks.push(k);
  const observed = bestSilhouette(z, tree, ks);
  const rng = createRandom(options.seed ?? 'network-level/clusters');
  const sets = options.randomSets ?? 200;
  const randomByK = ks.map(() => 0);
  const randomBests: number[] = [];
  for (let s = 0; s < sets; s++) {
    const data = zScores(complete.map(() => variables.map(() => rng.normal())));
    const w = bestSilhouette(data, hclust(data, { method: 'ward.D2' }), ks).map((x) => x.averageWidth);
    w.forEach((v, k) => (randomByK[k] += v / sets));
    randomBests.push(Math.max(...w));
  }
  const best = observed.reduce((a, b) => (b.averageWidth > a.averageWidth ? b : a));
  const randomBest = randomBests.reduce((a, b) => a + b, 0) / sets;
  const randomAtLeast = randomBests.filter((w) => w >= best.averageWidth).length / sets;
  const h = [...tree.height].sort((a, b) => a - b);
  const cutHeight = (h[h.length - best.k] + h[h.length - best.k + 1]) / 2;
  return {
    variables: [...variables],
    networks: labels,
    z,
    tree,
    silhouettes: observed.map((o, k) => ({ ...o, random: randomByK[k] })),
    best: { k: best.k, averageWidth: best.averageWidth },
    cutHeight,
    randomBest,
    randomAtLeast,
    reading: readingOf(best.averageWidth),
  };
}

/** The network-level data as a flat table: one row per network, one column per variable (ids as column names). */
export function networkLevelTable(rows: readonly NetworkTableRow[], variables: readonly string[]): Array<Record<string, string | number | null>> {
  return rows.map((r) => {
    const out: Record<string, string | number | null> = { network: r.network };
    for (const v of variables) out[v] = networkValue(r, v);
    return out;
  });
}

/** Correlation rows as a table with readable names. */
export function correlationRows(pairs: readonly PairCorrelation[], instrument: Instrument, lang: Language = 'nl') {
  return pairs.map((p) => ({ x: variableLabel(instrument, p.x, lang), y: variableLabel(instrument, p.y, lang), n: p.n, r: p.r, rho: p.rho, 'p (permutation)': p.p, 'p (t-test)': p.pT }));
}

/** The silhouette widths per number of clusters as table rows, beside those of random data. */
export function silhouetteTable(c: NetworkClustering) {
  return c.silhouettes.map((s) => ({ clusters: s.k, sizes: s.sizes.join(' + '), 'average width': s.averageWidth, 'random data (mean)': s.random }));
}

import { UserInputError } from '../../util/errors';
import { describeBadValue } from '../internal/validate';
import type { DistanceMatrix, DistanceMethod } from './distanceMatrix';
import { resolveDistances } from './internal/input';

export interface SilhouetteRow {
  /** 0-based object index. */
  index: number;
  label: string;
  /** The object's cluster (as given). */
  cluster: number;
  /** The nearest other cluster (smallest average distance b(i)). */
  neighbor: number;
  /** s(i) in [-1, 1]. */
  width: number;
}

export interface SilhouetteClusterSummary {
  cluster: number;
  size: number;
  /** Mean s(i) of the cluster's objects. */
  averageWidth: number;
}

export interface SilhouetteResult {
  /** One row per object, in object order. */
  rows: SilhouetteRow[];
  /** Per cluster, in increasing cluster order. */
  clusters: SilhouetteClusterSummary[];
  /** Mean s(i) over all objects (R: summary(sil)$avg.width). */
  averageWidth: number;
}

/**
 * Silhouette widths of a clustering (Rousseeuw 1987), as R's cluster::silhouette.
 * For object i in cluster A, with d the distances:
 *   a(i) = mean d(i, j) over the other members j of A,
 *   b(i) = min over clusters C != A of the mean d(i, j) over j in C (that C is the
 *          neighbour; the first in cluster order on ties),
 *   s(i) = (b(i) - a(i)) / max(a(i), b(i)), and s(i) = 0 when A = {i} or a(i) = b(i).
 * Averages per cluster and overall are plain means of s(i). Rough reading (Kaufman &
 * Rousseeuw 1990): > 0.70 strong, 0.51-0.70 reasonable, 0.26-0.50 weak, <= 0.25 no
 * substantial structure.
 *
 * `clusters` holds one number per object (e.g. from {@link cutree} or kmeans); they
 * need not be 1..k. There must be at least 2 clusters and fewer clusters than objects
 * (as R).
 *
 * References: Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the
 * interpretation and validation of cluster analysis. Journal of Computational and
 * Applied Mathematics, 20, 53-65. Kaufman, L., & Rousseeuw, P. J. (1990). Finding
 * Groups in Data, ch. 2. Maechler et al., cluster::silhouette (R).
 *
 * Validated against cluster 2.1.4 silhouette() for hclust and kmeans clusterings of a
 * 10 x 6 and a 30 x 4 data set (width, neighbour, cluster and overall averages; 1e-10;
 * tests/r/cluster-resampling-reference.R).
 *
 * Throws {@link UserInputError} for a bad data or distance matrix, a clusters array of
 * the wrong length or with non-integer entries, or fewer than 2 or n or more clusters.
 *
 * @example
 *   const data = [[1, 1], [1.5, 1], [5, 5], [5, 6], [9, 9]];
 *   silhouette(data, [1, 1, 2, 2, 2]).averageWidth; // 0.6608
 */
export function silhouette(
  input: readonly (readonly number[])[] | DistanceMatrix,
  clusters: readonly number[],
  options: { labels?: readonly string[]; distance?: DistanceMethod } = {},
): SilhouetteResult {
  const dm = resolveDistances(input, options, 'silhouette');
  const n = dm.size;
  if (!Array.isArray(clusters) || clusters.length !== n) {
    throw new UserInputError(
      `silhouette: clusters has ${Array.isArray(clusters) ? clusters.length : 'no'} entries but there are ${n} objects; give one cluster number per object.`,
    );
  }
  clusters.forEach((c: unknown, i: number) => {
    if (typeof c !== 'number' || !Number.isInteger(c)) {
      throw new UserInputError(`silhouette: clusters[${i}] is ${describeBadValue(c)}; cluster numbers must be whole numbers.`);
    }
  });
  const codes = [...new Set(clusters)].sort((a, b) => a - b);
  const K = codes.length;
  if (K < 2 || K >= n) {
    throw new UserInputError(`silhouette needs between 2 and ${n - 1} clusters (n - 1) but got ${K}; silhouettes compare a cluster with its nearest neighbour.`);
  }
  const code = new Map(codes.map((c, j) => [c, j]));
  const cl = clusters.map((c) => code.get(c)!);
  const counts = new Array<number>(K).fill(0);
  for (const c of cl) counts[c]++;
  // diC[i][c] = summed distance from i to cluster c (R's sildist)
  const diC = Array.from({ length: n }, () => new Array<number>(K).fill(0));
  const d = dm.values;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      diC[i][cl[j]] += d[i][j];
      diC[j][cl[i]] += d[i][j];
    }
  }
  const rows: SilhouetteRow[] = [];
  for (let i = 0; i < n; i++) {
    const ci = cl[i];
    let computeSi = true;
    const avg = diC[i].map((s, c) => {
      if (c === ci) {
        if (counts[c] === 1) {
          computeSi = false;
          return s;
        }
        return s / (counts[c] - 1);
      }
      return s / counts[c];
    });
    const ai = avg[ci];
    let neighbor = ci === 0 ? 1 : 0;
    let bi = avg[neighbor];
    for (let c = 1; c < K; c++) {
      if (c !== ci && bi > avg[c]) {
        bi = avg[c];
        neighbor = c;
      }
    }
    const width = computeSi && bi !== ai ? (bi - ai) / Math.max(ai, bi) : 0;
    rows.push({ index: i, label: dm.labels[i], cluster: codes[ci], neighbor: codes[neighbor], width });
  }
  const summaries: SilhouetteClusterSummary[] = codes.map((c, j) => {
    const ws = rows.filter((r) => cl[r.index] === j).map((r) => r.width);
    return { cluster: c, size: counts[j], averageWidth: ws.reduce((a, b) => a + b, 0) / ws.length };
  });
  return { rows, clusters: summaries, averageWidth: rows.reduce((a, r) => a + r.width, 0) / n };
}

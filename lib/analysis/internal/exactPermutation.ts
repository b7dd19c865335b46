/**
 * Exact permutation p-values of a Pearson or Spearman correlation for all
 * three alternatives in ONE walk over the n! orderings (internal to
 * evaluateFindings, which needs the two-sided and a one-sided p of every
 * finding; two calls of `permutationTest` would walk the orderings twice).
 *
 * The method is `permutationTest`'s (lib/stats/resampling/permutationTest.ts):
 * the numerator sum a_i b_pi(i) of centred values (Pearson) or centred doubled
 * average ranks (Spearman) is a monotone function of the statistic under
 * permutation, updated in O(1) per swap of Heap's algorithm and recomputed
 * every 1024 swaps against rounding drift; ties with the observed statistic
 * within 1e-12 on the correlation scale count as "as extreme". p = b / n!.
 * tests/analysis/exactPermutation.test.ts checks equality with
 * permutationTest for every alternative.
 */
import { averageRanks } from '../../stats/internal/ranks';

export interface ExactPValues {
  twoSided: number;
  greater: number;
  less: number;
  permutations: number;
}

const RESYNC = 1024;

export function exactPermutationPValues(x: readonly number[], y: readonly number[], method: 'pearson' | 'spearman'): ExactPValues {
  const n = x.length;
  let xs: number[];
  let ys: number[];
  if (method === 'spearman') {
    xs = averageRanks(x).map((r) => 2 * r - (n + 1));
    ys = averageRanks(y).map((r) => 2 * r - (n + 1));
  } else {
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    xs = x.map((v) => v - mx);
    ys = y.map((v) => v - my);
  }
  const a = Float64Array.from(xs);
  const yv = Float64Array.from(ys);
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += a[i] * a[i];
    syy += yv[i] * yv[i];
  }
  const tol = 1e-12 * Math.sqrt(sxx * syy);
  const numerator = () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * yv[i];
    return s;
  };
  const obs = numerator();
  const hi = obs - tol;
  const lo = obs + tol;
  const absCut = Math.abs(obs) - tol;
  let num = obs;
  let greater = 0;
  let less = 0;
  let two = 0;
  if (num >= hi) greater++;
  if (num <= lo) less++;
  if (Math.abs(num) >= absCut) two++;
  let total = 1;
  const c = new Int32Array(n);
  let steps = 0;
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const p = i % 2 === 0 ? 0 : c[i];
      const yp = yv[p];
      const yq = yv[i];
      num += (a[p] - a[i]) * (yq - yp);
      yv[p] = yq;
      yv[i] = yp;
      if (++steps === RESYNC) {
        steps = 0;
        num = numerator();
      }
      if (num >= hi) greater++;
      if (num <= lo) less++;
      if (num >= absCut || -num >= absCut) two++;
      total++;
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return { twoSided: two / total, greater: greater / total, less: less / total, permutations: total };
}

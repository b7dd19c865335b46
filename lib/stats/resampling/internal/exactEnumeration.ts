/**
 * The exact permutation walk shared by `permutationTest` (one alternative) and
 * evaluateFindings (lib/analysis/internal/exactPermutation.ts: all three
 * alternatives in one walk). Internal: not exported from lib/stats.
 */
import { averageRanks } from '../../internal/ranks';
import type { CorrelationMethod } from './coefficients';
import type { Alternative } from '../permutationTest';

const RESYNC = 1024;

/**
 * The numerator of a built-in statistic, a monotone function of the statistic under
 * permutation of y (the denominators do not change when y is reordered):
 * Pearson sum a_i b_pi(i) with centred values, Spearman the same with centred doubled
 * average ranks 2 rank - (n + 1) (whole numbers, so sums are exact), Kendall
 * S = sum_{i<j} sign(x_i - x_j) sign(y_pi(i) - y_pi(j)). `scale` converts a numerator
 * to the statistic: statistic = numerator / scale.
 */
export interface Kernel {
  a: Float64Array;
  b: Float64Array;
  scale: number;
  kendall: boolean;
  /** sign(x_i - x_j), row-major n x n (Kendall only). */
  sx: Int8Array;
}

export function makeKernel(x: readonly number[], y: readonly number[], method: CorrelationMethod): Kernel {
  const n = x.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const sx = new Int8Array(method === 'kendall' ? n * n : 0);
  if (method === 'kendall') {
    let tx = 0;
    let ty = 0;
    for (let i = 0; i < n; i++) {
      b[i] = y[i];
      for (let j = 0; j < n; j++) sx[i * n + j] = Math.sign(x[i] - x[j]);
      for (let j = i + 1; j < n; j++) {
        if (x[i] === x[j]) tx++;
        if (y[i] === y[j]) ty++;
      }
    }
    const n0 = (n * (n - 1)) / 2;
    return { a, b, sx, kendall: true, scale: Math.sqrt((n0 - tx) * (n0 - ty)) };
  }
  let xs: readonly number[] = x;
  let ys: readonly number[] = y;
  if (method === 'spearman') {
    xs = averageRanks(x).map((r) => 2 * r - (n + 1));
    ys = averageRanks(y).map((r) => 2 * r - (n + 1));
  } else {
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    xs = x.map((v) => v - mx);
    ys = y.map((v) => v - my);
  }
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    a[i] = xs[i];
    b[i] = ys[i];
    sxx += a[i] * a[i];
    syy += b[i] * b[i];
  }
  return { a, b, sx, kendall: false, scale: Math.sqrt(sxx * syy) };
}

/** Numerator for y values `yv` in position order. */
export function numerator(k: Kernel, yv: Float64Array): number {
  const n = yv.length;
  let s = 0;
  if (k.kendall) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) s += k.sx[i * n + j] * Math.sign(yv[i] - yv[j]);
    }
    return s;
  }
  for (let i = 0; i < n; i++) s += k.a[i] * yv[i];
  return s;
}

/** Returns a counter of "as or more extreme" for the alternative, with tolerance tol. */
export function extremeTest(alternative: Alternative, observed: number, tol: number): (t: number) => boolean {
  if (alternative === 'greater') {
    const cut = observed - tol;
    return (t) => t >= cut;
  }
  if (alternative === 'less') {
    const cut = observed + tol;
    return (t) => t <= cut;
  }
  const cut = Math.abs(observed) - tol;
  return (t) => Math.abs(t) >= cut;
}

/** Numerator cut-offs of "as or more extreme" (tolerance included), as `exactCuts` gives them. */
export interface ExactCuts {
  /** Extreme for 'greater': numerator >= greater. */
  greater: number;
  /** Extreme for 'less': numerator <= less. */
  less: number;
  /** Extreme for 'two.sided': |numerator| >= twoSided. */
  twoSided: number;
}

/** The cut-offs for an observed numerator with tolerance tol (every alternative). */
export function exactCuts(observed: number, tol: number): ExactCuts {
  return { greater: observed - tol, less: observed + tol, twoSided: Math.abs(observed) - tol };
}

/**
 * Exact enumeration for a built-in statistic: Heap's algorithm with O(1) / O(n)
 * updates. Counts the orderings (the observed one included) that are as or
 * more extreme for each alternative, all in one walk over the n! orderings
 * (evaluateFindings needs the two-sided and one-sided p of each claim). The
 * cut-offs are compared inline, not through callbacks: this loop runs 10! times.
 */
export function exactCounts(k: Kernel, cuts: ExactCuts): ExactTally {
  return k.kendall ? heapWalk(k, cuts) : splitCounts(k, cuts);
}

/** How many of the n! orderings are as or more extreme, per alternative. */
export interface ExactTally {
  greater: number;
  less: number;
  twoSided: number;
}

/**
 * Pearson and Spearman: the numerator S = sum_i a_i b_pi(i) splits into the
 * positions of a first half (0..h-1, h = floor(n/2)) and a second half. For
 * every set U of h y values placed in the first half (C(n, h) sets), the sums
 * of the h! first-half orderings of U and of the (n - h)! second-half
 * orderings of the other values are sorted, and the pairs l + r that are as
 * or more extreme are counted with one pass of two pointers (meet in the
 * middle; every ordering is one pair of exactly one U). Each pair is
 * compared as fl(l + r) >= cut, which is monotone in l and in r, so the
 * count is that of the predicate itself, not of a rearranged one. For n = 10:
 * 252 x 240 partial sums instead of 3,628,800 orderings. The counts equal the
 * full walk's (tests/stats/resampling: every alternative, with ties, against
 * heapWalk). Equal y values are distinct items here, as in the full walk.
 */
function splitCounts(k: Kernel, cuts: ExactCuts): ExactTally {
  const n = k.b.length;
  const h = n >> 1;
  const a = k.a;
  const b = k.b;
  const fact = (m: number) => {
    let f = 1;
    for (let i = 2; i <= m; i++) f *= i;
    return f;
  };
  const left = new Float64Array(fact(h));
  const right = new Float64Array(fact(n - h));
  const tally: ExactTally = { greater: 0, less: 0, twoSided: 0 };
  const total = fact(n);
  const gCut = cuts.greater;
  const lCut = cuts.less;
  const aCut = cuts.twoSided;
  const items = new Int32Array(n);
  const rest = new Int32Array(n);
  /** Sums of every ordering of `set` (m items) over positions offset..offset+m-1, into out. */
  const sums = (set: Int32Array, m: number, offset: number, out: Float64Array): void => {
    let w = 0;
    const used = new Uint8Array(m);
    const walk = (d: number, sum: number): void => {
      if (d === m) {
        out[w++] = sum;
        return;
      }
      const ad = a[offset + d];
      for (let t = 0; t < m; t++) {
        if (used[t]) continue;
        used[t] = 1;
        walk(d + 1, sum + ad * b[set[t]]);
        used[t] = 0;
      }
    };
    walk(0, 0);
    out.sort();
  };
  for (let mask = 0; mask < 1 << n; mask++) {
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) items[h1++] = i;
      else rest[h2++] = i;
    }
    if (h1 !== h) continue;
    sums(items, h, 0, left);
    sums(rest, n - h, h, right);
    const R = right.length;
    // l + r >= gCut: for l ascending, the r that qualify are a growing suffix of right
    let j = R;
    for (let i = 0; i < left.length; i++) {
      while (j > 0 && left[i] + right[j - 1] >= gCut) j--;
      tally.greater += R - j;
    }
    // l + r <= lCut: for l descending, the r that qualify are a growing prefix
    j = 0;
    for (let i = left.length - 1; i >= 0; i--) {
      while (j < R && left[i] + right[j] <= lCut) j++;
      tally.less += j;
    }
    if (aCut > 0) {
      // |l + r| >= aCut: the two tails (disjoint when aCut > 0)
      j = R;
      for (let i = 0; i < left.length; i++) {
        while (j > 0 && left[i] + right[j - 1] >= aCut) j--;
        tally.twoSided += R - j;
      }
      j = 0;
      for (let i = left.length - 1; i >= 0; i--) {
        while (j < R && -(left[i] + right[j]) >= aCut) j++;
        tally.twoSided += j;
      }
    }
  }
  if (aCut <= 0) tally.twoSided = total; // every |sum| >= a cut-off <= 0
  return tally;
}

/** Every ordering by Heap's algorithm (Kendall; and the reference of the split count in tests). */
export function heapWalk(k: Kernel, cuts: ExactCuts): ExactTally {
  const n = k.b.length;
  const yv = Float64Array.from(k.b);
  const a = k.a;
  const sx = k.sx;
  // Kendall: current original position at each place, and sign(y_u - y_v) by original positions
  const idx = new Int32Array(n).map((_, i) => i);
  const sy = new Int8Array(k.kendall ? n * n : 0);
  if (k.kendall) for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) sy[u * n + v] = Math.sign(k.b[u] - k.b[v]);
  let num = numerator(k, yv);
  const gCut = cuts.greater;
  const lCut = cuts.less;
  const aCut = cuts.twoSided;
  let greater = num >= gCut ? 1 : 0;
  let less = num <= lCut ? 1 : 0;
  let twoSided = num >= aCut || -num >= aCut ? 1 : 0;
  const c = new Int32Array(n);
  let steps = 0;
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const p = i % 2 === 0 ? 0 : c[i];
      const q = i;
      const yp = yv[p];
      const yq = yv[q];
      if (k.kendall) {
        // branch-free: sign(y_u - y_v) from a table indexed by original positions
        const ip = idx[p] * n;
        const iq = idx[q] * n;
        const pn = p * n;
        const qn = q * n;
        let d = 0;
        for (let m = 0; m < n; m++) {
          const im = idx[m];
          d += (sx[pn + m] - sx[qn + m]) * (sy[iq + im] - sy[ip + im]);
        }
        // (the m = p and m = q terms together give the pair's own change 2 sx[p][q] sign(y_q - y_p))
        num += d;
        const t = idx[p];
        idx[p] = idx[q];
        idx[q] = t;
        yv[p] = yq;
        yv[q] = yp;
      } else {
        num += (a[p] - a[q]) * (yq - yp);
        yv[p] = yq;
        yv[q] = yp;
        // Pearson sums are not whole numbers: recompute now and then so that rounding
        // errors of the updates cannot accumulate (at most RESYNC updates, < 1e-13 relative).
        if (++steps === RESYNC) {
          steps = 0;
          num = numerator(k, yv);
        }
      }
      if (num >= gCut) greater++;
      if (num <= lCut) less++;
      if (num >= aCut || -num >= aCut) twoSided++;
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return { greater, less, twoSided };
}

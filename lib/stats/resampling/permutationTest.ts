import { UserInputError } from '../../util/errors';
import { checkChoice } from '../internal/validate';
import { averageRanks } from '../internal/ranks';
import {
  CORRELATION_METHODS,
  type CorrelationMethod,
  type SeedOptions,
  checkPairs,
  checkWhole,
  correlation,
  resolveRandom,
} from './internal/coefficients';

/** A built-in correlation, or a function of the paired data (x, y in case order). */
export type PermutationStatistic = CorrelationMethod | ((x: readonly number[], y: readonly number[]) => number);

export type Alternative = 'two.sided' | 'greater' | 'less';

export interface PermutationTestOptions extends SeedOptions {
  /** Test statistic; default 'pearson'. A function must be pure and return a finite number. */
  statistic?: PermutationStatistic;
  /** Default 'two.sided'. 'greater': large statistics are extreme; 'less': small ones. */
  alternative?: Alternative;
  /**
   * Enumerate all n! orderings of y (default: true when n <= 10). `true` with n > 10
   * throws (11! = 39,916,800 orderings); `false` forces Monte Carlo.
   */
  exact?: boolean;
  /** Monte Carlo permutations (default 9999); ignored for the exact test. */
  iterations?: number;
}

export interface PermutationTestResult {
  /** The statistic's name ('custom' for a function). */
  statistic: CorrelationMethod | 'custom';
  /** The statistic on the data as given (r, rho or tau-b for the built-ins). */
  observed: number;
  /** Permutation p-value, in (0, 1]. */
  p: number;
  /** Number of permutations evaluated: n! (exact) or the Monte Carlo iterations. */
  permutations: number;
  /** How many of them were as or more extreme than the observed statistic. */
  extreme: number;
  exact: boolean;
  alternative: Alternative;
  /** Number of pairs. */
  n: number;
  /** Seed of the Monte Carlo stream (null for the exact test or an injected generator). */
  seed: string | null;
}

const MAX_EXACT_N = 10;
const RESYNC = 1024;

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/**
 * The numerator of a built-in statistic, a monotone function of the statistic under
 * permutation of y (the denominators do not change when y is reordered):
 * Pearson sum a_i b_pi(i) with centred values, Spearman the same with centred doubled
 * average ranks 2 rank - (n + 1) (whole numbers, so sums are exact), Kendall
 * S = sum_{i<j} sign(x_i - x_j) sign(y_pi(i) - y_pi(j)). `scale` converts a numerator
 * to the statistic: statistic = numerator / scale.
 */
interface Kernel {
  a: Float64Array;
  b: Float64Array;
  scale: number;
  kendall: boolean;
  /** sign(x_i - x_j), row-major n x n (Kendall only). */
  sx: Int8Array;
}

function makeKernel(x: readonly number[], y: readonly number[], method: CorrelationMethod): Kernel {
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
function numerator(k: Kernel, yv: Float64Array): number {
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
function extremeTest(alternative: Alternative, observed: number, tol: number): (t: number) => boolean {
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

/** Exact enumeration for a built-in statistic: Heap's algorithm with O(1) / O(n) updates. */
function exactBuiltin(k: Kernel, isExtreme: (t: number) => boolean): number {
  const n = k.b.length;
  const yv = Float64Array.from(k.b);
  const a = k.a;
  const sx = k.sx;
  // Kendall: current original position at each place, and sign(y_u - y_v) by original positions
  const idx = new Int32Array(n).map((_, i) => i);
  const sy = new Int8Array(k.kendall ? n * n : 0);
  if (k.kendall) for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) sy[u * n + v] = Math.sign(k.b[u] - k.b[v]);
  let num = numerator(k, yv);
  let count = isExtreme(num) ? 1 : 0;
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
      if (isExtreme(num)) count++;
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return count;
}

/** Exact enumeration for a custom statistic (fresh copies are passed on every call). */
function exactCustom(
  x: readonly number[],
  y: readonly number[],
  f: (x: readonly number[], y: readonly number[]) => number,
  isExtreme: (t: number) => boolean,
): number {
  const n = y.length;
  const yv = y.slice();
  const call = () => {
    const t = f(x.slice(), yv.slice());
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new UserInputError(
        `permutationTest: the statistic function returned ${String(t)} for a permutation of y; it must return a finite number for every ordering.`,
      );
    }
    return t;
  };
  let count = isExtreme(call()) ? 1 : 0;
  const c = new Int32Array(n);
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const p = i % 2 === 0 ? 0 : c[i];
      const tmp = yv[p];
      yv[p] = yv[i];
      yv[i] = tmp;
      if (isExtreme(call())) count++;
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return count;
}

/**
 * Permutation test of association between paired values x and y: the null
 * distribution of the statistic is that of all n! re-orderings of y against x
 * (exchangeability under H0: no association).
 *
 * p-values (t = statistic of a permutation, t_obs = observed, tol = 1e-12 max(1, |t_obs|)
 * so that permutations tying with t_obs up to rounding count as ties):
 *   two.sided: share of permutations with |t| >= |t_obs| - tol (for a statistic
 *              centred at 0 under H0, like the correlations; this equals the doubled
 *              smaller tail when the null distribution is symmetric);
 *   greater:   share with t >= t_obs - tol;     less: share with t <= t_obs + tol.
 * Exact (all n! orderings, the observed one included): p = b / n!.
 * Monte Carlo (m random orderings, seeded): p = (b + 1) / (m + 1) (Phipson & Smyth
 * 2010), where b counts the random orderings as or more extreme; never 0.
 *
 * Built-in statistics: 'pearson' r, 'spearman' rho (Pearson r of average ranks),
 * 'kendall' tau-b. Their denominators do not change under permutation, so only the
 * numerator is tracked; the exact test walks the orderings with Heap's algorithm (one
 * swap per ordering) and updates the numerator in O(1) (Pearson, Spearman) or O(n)
 * (Kendall). n = 10 (3,628,800 orderings) takes well under a second. A custom
 * function is called once per ordering with fresh copies (n = 10: a few seconds).
 *
 * References: Good, P. (2005). Permutation, Parametric and Bootstrap Tests of
 * Hypotheses (3rd ed.). Springer. Phipson, B., & Smyth, G. K. (2010). Permutation
 * p-values should never be zero. Statistical Applications in Genetics and Molecular
 * Biology, 9(1), 39. Heap, B. R. (1963). Permutations by interchanges. The Computer
 * Journal, 6(3), 293-294.
 *
 * Validated: for data without ties the exact p equals the exact p of R's
 * cor.test(exact = TRUE) for Kendall (n = 6, 7, 9, 10) and Spearman (n = 6, 7, 9; R's
 * AS 89 enumerates exactly only for n <= 9) for all three alternatives, and the exact Pearson p
 * equals a brute-force enumeration in R (n = 7), all to 1e-12
 * (tests/r/cluster-resampling-reference.R).
 *
 * Throws {@link UserInputError} for non-finite values, unequal lengths, fewer than 3
 * pairs, a constant x or y (correlation undefined), `exact: true` with n > 10, or a
 * bad option.
 *
 * @example
 *   // Hollander & Wolfe (1973), p. 187 (the ?cor.test example), n = 9
 *   const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
 *   const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];
 *   permutationTest(x, y, { statistic: 'kendall' });
 *   // { observed: 0.4444, p: 0.1194 (= R's exact cor.test p), permutations: 362880, exact: true, ... }
 */
export function permutationTest(
  x: readonly number[],
  y: readonly number[],
  options: PermutationTestOptions = {},
): PermutationTestResult {
  checkPairs(x, y, 3, 'permutationTest');
  const n = x.length;
  const statistic = options.statistic ?? 'pearson';
  if (typeof statistic !== 'function') checkChoice(statistic, CORRELATION_METHODS, 'options.statistic');
  const alternative = checkChoice(options.alternative ?? 'two.sided', ['two.sided', 'greater', 'less'] as const, 'options.alternative');
  if (options.exact !== undefined && typeof options.exact !== 'boolean') {
    throw new UserInputError(`options.exact must be true or false; got ${JSON.stringify(options.exact)}.`);
  }
  const exact = options.exact ?? n <= MAX_EXACT_N;
  if (exact && n > MAX_EXACT_N) {
    throw new UserInputError(
      `permutationTest: an exact test enumerates n! orderings and is limited to n <= ${MAX_EXACT_N}; n = ${n}. ` +
        'Leave out exact (or pass exact: false) for a Monte Carlo test with options.iterations.',
    );
  }
  const iterations = exact ? 0 : checkWhole(options.iterations ?? 9999, 1, 'options.iterations');

  if (typeof statistic === 'function') {
    const observed = statistic(x.slice(), y.slice());
    if (typeof observed !== 'number' || !Number.isFinite(observed)) {
      throw new UserInputError(`permutationTest: the statistic function returned ${String(observed)} on the data; it must return a finite number.`);
    }
    const isExtreme = extremeTest(alternative, observed, 1e-12 * Math.max(1, Math.abs(observed)));
    if (exact) {
      const total = factorial(n);
      const b = exactCustom(x, y, statistic, isExtreme);
      return { statistic: 'custom', observed, p: b / total, permutations: total, extreme: b, exact, alternative, n, seed: null };
    }
    const { random, seed } = resolveRandom(options, 'permutationTest');
    let b = 0;
    for (let m = 0; m < iterations; m++) {
      const yp = random.shuffle(y);
      const t = statistic(x.slice(), yp);
      if (typeof t !== 'number' || !Number.isFinite(t)) {
        throw new UserInputError(`permutationTest: the statistic function returned ${String(t)} for a permutation of y; it must return a finite number for every ordering.`);
      }
      if (isExtreme(t)) b++;
    }
    return { statistic: 'custom', observed, p: (b + 1) / (iterations + 1), permutations: iterations, extreme: b, exact, alternative, n, seed };
  }

  const observed = correlation(x, y, statistic);
  if (observed === null) {
    throw new UserInputError(
      `permutationTest: ${x.every((v) => v === x[0]) ? 'x' : 'y'} is constant, so the ${statistic} correlation is undefined; check the variables.`,
    );
  }
  const kernel = makeKernel(x, y, statistic);
  const obsNum = numerator(kernel, kernel.b);
  // Compare numerators; a tolerance of 1e-12 on the correlation scale.
  const isExtreme = extremeTest(alternative, obsNum, 1e-12 * kernel.scale);
  if (exact) {
    const total = factorial(n);
    const b = exactBuiltin(kernel, isExtreme);
    return { statistic, observed, p: b / total, permutations: total, extreme: b, exact, alternative, n, seed: null };
  }
  const { random, seed } = resolveRandom(options, 'permutationTest');
  const yv = Float64Array.from(kernel.b);
  let b = 0;
  for (let m = 0; m < iterations; m++) {
    // Fisher-Yates on the working copy (the same draws as Random.shuffle).
    for (let i = n - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const tmp = yv[i];
      yv[i] = yv[j];
      yv[j] = tmp;
    }
    if (isExtreme(numerator(kernel, yv))) b++;
  }
  return { statistic, observed, p: (b + 1) / (iterations + 1), permutations: iterations, extreme: b, exact, alternative, n, seed };
}

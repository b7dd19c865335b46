/**
 * Numerically careful moments (internal): two-pass mean and variance, R-style
 * covariance matrices (listwise and pairwise-complete), cov2cor.
 */

/** Arithmetic mean of a non-empty array. */
export function mean(xs: readonly number[] | Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  const m = s / xs.length;
  // second pass corrects the rounding error of the first (as R's mean does)
  let c = 0;
  for (const x of xs) c += x - m;
  return m + c / xs.length;
}

/** Sample variance (denominator n - 1) of an array with at least 2 values. */
export function variance(xs: readonly number[] | Float64Array, m = mean(xs)): number {
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / (xs.length - 1);
}

/** Sample covariance (denominator n - 1) of two equally long arrays. */
export function covariance(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - mx) * (ys[i] - my);
  return s / (xs.length - 1);
}

/** Pearson correlation of two equally long arrays (caller ensures non-zero variance). */
export function pearson(xs: readonly number[] | Float64Array, ys: readonly number[] | Float64Array): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Ordinary least squares line y = a + b x of two equally long arrays (caller ensures x varies): b = Sxy / Sxx, a = mean(y) - b mean(x). */
export function leastSquares(xs: readonly number[] | Float64Array, ys: readonly number[] | Float64Array): { a: number; b: number } {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - mx;
    sxy += dx * (ys[i] - my);
    sxx += dx * dx;
  }
  const b = sxy / sxx;
  return { a: my - b * mx, b };
}

/** Column `j` of a complete matrix. */
export function column(matrix: readonly (readonly number[])[], j: number): number[] {
  return matrix.map((row) => row[j]);
}

/**
 * The columns of a complete data matrix as typed arrays, read in one
 * row-major pass (fast on large data: no per-column allocation growth).
 */
export function completeColumns(matrix: readonly (readonly number[])[], k = matrix[0]?.length ?? 0): Float64Array[] {
  const n = matrix.length;
  const cols = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    for (let j = 0; j < k; j++) cols[j][i] = row[j];
  }
  return cols;
}

/** Covariance matrix of a complete data matrix (rows = cases). */
export function covarianceMatrix(matrix: readonly (readonly number[])[], columns?: Float64Array[], columnMeans?: readonly number[]): number[][] {
  const k = matrix[0].length;
  const n = matrix.length;
  const cols = columns ?? completeColumns(matrix, k);
  const means = columnMeans ?? cols.map((c) => mean(c));
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      const ca = cols[a];
      const cb = cols[b];
      for (let i = 0; i < n; i++) s += (ca[i] - means[a]) * (cb[i] - means[b]);
      out[a][b] = out[b][a] = s / (n - 1);
    }
  }
  return out;
}

/** The values of column j that are present (not null/undefined). */
export function presentValues(matrix: readonly (readonly (number | null | undefined)[])[], j: number): number[] {
  const out: number[] = [];
  for (const row of matrix) {
    const v = row[j];
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/** Pairs (row[a], row[b]) where both are present. */
export function presentPairs(
  matrix: readonly (readonly (number | null | undefined)[])[],
  a: number,
  b: number,
): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const row of matrix) {
    const x = row[a];
    const y = row[b];
    if (x !== null && x !== undefined && y !== null && y !== undefined) {
      xs.push(x);
      ys.push(y);
    }
  }
  return [xs, ys];
}

/** Correlation matrix from a covariance matrix (R's cov2cor); exactly symmetric, unit diagonal. */
export function cov2cor(C: readonly (readonly number[])[]): number[][] {
  const k = C.length;
  const sd = C.map((row, i) => Math.sqrt(row[i]));
  const R = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    R[a][a] = 1;
    for (let b = a + 1; b < k; b++) R[a][b] = R[b][a] = C[a][b] / (sd[a] * sd[b]);
  }
  return R;
}

/** Sum of all entries of a square matrix, optionally leaving out row/column `skip`. */
export function sumAll(M: readonly (readonly number[])[], skip = -1): number {
  let s = 0;
  for (let a = 0; a < M.length; a++) {
    if (a === skip) continue;
    for (let b = 0; b < M.length; b++) if (b !== skip) s += M[a][b];
  }
  return s;
}

/** Trace of a square matrix, optionally leaving out index `skip`. */
export function trace(M: readonly (readonly number[])[], skip = -1): number {
  let s = 0;
  for (let a = 0; a < M.length; a++) if (a !== skip) s += M[a][a];
  return s;
}

/** Square matrix without row and column `skip`. */
export function dropIndex(M: readonly (readonly number[])[], skip: number): number[][] {
  return M.filter((_, a) => a !== skip).map((row) => row.filter((_, b) => b !== skip));
}

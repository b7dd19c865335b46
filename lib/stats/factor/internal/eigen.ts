/**
 * Symmetric eigendecomposition on flat arrays (internal to lib/stats/factor).
 *
 * Householder reduction to tridiagonal form followed by the implicit QL algorithm
 * (Bowdler, Martin, Reinsch & Wilkinson's tred2/tql2, Handbook for Automatic
 * Computation II, 1971; in the form of the public-domain JAMA library). Accurate to
 * a few units of machine precision relative to the largest eigenvalue, like
 * LAPACK's dsyevr used by R's eigen(symmetric = TRUE); eigenvectors may differ in
 * sign, which no caller depends on.
 *
 * A workspace is reused across calls of the same size so that the optimisers in
 * efa do not allocate in their inner loop.
 */

export class SymmetricEigen {
  readonly n: number;
  /** Eigenvalues, in decreasing order (as R's eigen). */
  readonly values: Float64Array;
  /** Eigenvectors, row-major n x n: column j (entries vectors[i * n + j]) belongs to values[j]. */
  readonly vectors: Float64Array;
  private readonly e: Float64Array;
  private readonly work: Float64Array;

  constructor(n: number) {
    this.n = n;
    this.values = new Float64Array(n);
    this.vectors = new Float64Array(n * n);
    this.e = new Float64Array(n);
    this.work = new Float64Array(n * n);
  }

  /**
   * Decomposes the symmetric matrix A (row-major n x n; only read). After the call,
   * `values` and (if `wantVectors`, the default) `vectors` hold the result; without
   * vectors the call is several times faster and `vectors` is left unchanged.
   */
  compute(A: ArrayLike<number>, wantVectors = true): this {
    const n = this.n;
    const W = this.work;
    const V = this.vectors;
    const d = this.values;
    const e = this.e;
    // the algorithm works on W = V' (eigenvectors in rows: contiguous inner loops); A is symmetric
    for (let i = 0; i < n * n; i++) W[i] = A[i];
    if (n === 1) {
      d[0] = W[0];
      V[0] = 1;
      return this;
    }
    tred2(n, W, d, e, wantVectors);
    tql2(n, W, d, e, wantVectors);
    // ascending -> descending: values reversed, vectors[i][j] = W[n - 1 - j][i]
    for (let a = 0, b = n - 1; a < b; a++, b--) {
      const t = d[a];
      d[a] = d[b];
      d[b] = t;
    }
    if (wantVectors) {
      for (let j = 0; j < n; j++) {
        const src = (n - 1 - j) * n;
        for (let i = 0; i < n; i++) V[i * n + j] = W[src + i];
      }
    }
    return this;
  }
}

/** Eigenvalues (decreasing) of a symmetric matrix given as rows. */
export function eigenvaluesOf(A: readonly (readonly number[])[]): number[] {
  const n = A.length;
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = A[i][j];
  return Array.from(new SymmetricEigen(n).compute(flat, false).values);
}

function tred2(n: number, V: Float64Array, d: Float64Array, e: Float64Array, wantVectors: boolean): void {
  for (let j = 0; j < n; j++) d[j] = V[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[j * n + i - 1];
        V[j * n + i] = 0;
        V[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[i * n + j] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          const vkj = V[j * n + k];
          g += vkj * d[k];
          e[k] += vkj * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[j * n + k] -= f * e[k] + g * d[k];
        d[j] = V[j * n + i - 1];
        V[j * n + i] = 0;
      }
    }
    d[i] = h;
  }
  if (!wantVectors) {
    // the diagonal of the tridiagonal matrix is left on the diagonal of V
    for (let j = 0; j < n; j++) d[j] = V[j * n + j];
    e[0] = 0;
    return;
  }
  // accumulate the transformations
  for (let i = 0; i < n - 1; i++) {
    V[i * n + n - 1] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[(i + 1) * n + k] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[(i + 1) * n + k] * V[j * n + k];
        for (let k = 0; k <= i; k++) V[j * n + k] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[(i + 1) * n + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[j * n + n - 1];
    V[j * n + n - 1] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y === 0) return 0;
  const r = x / y;
  return y * Math.sqrt(1 + r * r);
}

function tql2(n: number, V: Float64Array, d: Float64Array, e: Float64Array, wantVectors: boolean): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m === n) m = n - 1; // e[n-1] is 0, cannot happen; guards the index
    if (m > l) {
      let iter = 0;
      do {
        iter++;
        if (iter > 300) throw new Error('internal error: symmetric eigendecomposition did not converge');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (wantVectors) {
            const ci = i * n;
            const ci1 = ci + n;
            for (let k = 0; k < n; k++) {
              h = V[ci1 + k];
              const vki = V[ci + k];
              V[ci1 + k] = s * vki + c * h;
              V[ci + k] = c * vki - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  // sort ascending (selection sort, as JAMA)
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      if (wantVectors) {
        for (let j = 0; j < n; j++) {
          const t = V[i * n + j];
          V[i * n + j] = V[k * n + j];
          V[k * n + j] = t;
        }
      }
    }
  }
}

/**
 * Small dense linear-algebra helpers on row-major Float64Arrays (internal to
 * lib/stats/factor): LU with partial pivoting (solve, inverse, log-determinant),
 * inverse of a symmetric positive-definite matrix, products, and the squared
 * multiple correlations of psych::smc.
 */

/** LU factorisation with partial pivoting of the n x n matrix A (not modified). */
export class LU {
  readonly n: number;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  /** +1 or -1: sign of the permutation. */
  private sign = 1;
  /** True when a pivot is exactly zero. */
  readonly singular: boolean;

  constructor(A: ArrayLike<number>, n: number) {
    this.n = n;
    const lu = Float64Array.from({ length: n * n }, (_, i) => A[i]);
    const piv = new Int32Array(n);
    for (let i = 0; i < n; i++) piv[i] = i;
    let singular = false;
    for (let k = 0; k < n; k++) {
      let pr = k;
      let max = Math.abs(lu[k * n + k]);
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(lu[i * n + k]);
        if (v > max) {
          max = v;
          pr = i;
        }
      }
      if (pr !== k) {
        for (let j = 0; j < n; j++) {
          const t = lu[k * n + j];
          lu[k * n + j] = lu[pr * n + j];
          lu[pr * n + j] = t;
        }
        const t = piv[k];
        piv[k] = piv[pr];
        piv[pr] = t;
        this.sign = -this.sign;
      }
      const d = lu[k * n + k];
      if (d === 0) {
        singular = true;
        continue;
      }
      for (let i = k + 1; i < n; i++) {
        const f = (lu[i * n + k] /= d);
        if (f !== 0) for (let j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j];
      }
    }
    this.lu = lu;
    this.piv = piv;
    this.singular = singular;
  }

  /** log|det A| and the sign of det A. */
  logDet(): { log: number; sign: number } {
    let log = 0;
    let sign = this.sign;
    for (let i = 0; i < this.n; i++) {
      const d = this.lu[i * this.n + i];
      if (d < 0) sign = -sign;
      log += Math.log(Math.abs(d));
    }
    return { log, sign };
  }

  /** Solves A X = B for the n x m right-hand side B (row-major); returns X. */
  solve(B: ArrayLike<number>, m: number): Float64Array {
    const n = this.n;
    const lu = this.lu;
    const X = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) X[i * m + j] = B[this.piv[i] * m + j];
    for (let k = 0; k < n; k++) {
      for (let i = k + 1; i < n; i++) {
        const f = lu[i * n + k];
        if (f !== 0) for (let j = 0; j < m; j++) X[i * m + j] -= f * X[k * m + j];
      }
    }
    for (let k = n - 1; k >= 0; k--) {
      const d = lu[k * n + k];
      for (let j = 0; j < m; j++) X[k * m + j] /= d;
      for (let i = 0; i < k; i++) {
        const f = lu[i * n + k];
        if (f !== 0) for (let j = 0; j < m; j++) X[i * m + j] -= f * X[k * m + j];
      }
    }
    return X;
  }

  /** A^-1 (row-major). */
  inverse(): Float64Array {
    const n = this.n;
    const I = new Float64Array(n * n);
    for (let i = 0; i < n; i++) I[i * n + i] = 1;
    return this.solve(I, n);
  }
}

/** Inverse of a symmetric positive-definite matrix via Cholesky; null if not positive definite. */
export function inverseSPD(A: ArrayLike<number>, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j];
    for (let k = 0; k < j; k++) s -= L[j * n + k] * L[j * n + k];
    if (!(s > 0)) return null;
    const d = Math.sqrt(s);
    L[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = A[i * n + j];
      for (let k = 0; k < j; k++) t -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = t / d;
    }
  }
  // inverse of L (lower triangular)
  const Li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    Li[j * n + j] = 1 / L[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i * n + k] * Li[k * n + j];
      Li[i * n + j] = s / L[i * n + i];
    }
  }
  // A^-1 = L^-T L^-1
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = j; k < n; k++) s += Li[k * n + i] * Li[k * n + j];
      inv[i * n + j] = inv[j * n + i] = s;
    }
  }
  return inv;
}

/** Squared multiple correlations 1 - 1/diag(R^-1), clamped to [0, 1] (psych::smc). R must be positive definite. */
export function smc(R: ArrayLike<number>, p: number): Float64Array {
  const inv = inverseSPD(R, p) ?? new LU(R, p).inverse();
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = 1 - 1 / inv[i * p + i];
    if (v > 1) v = 1;
    if (v < 0) v = 0;
    out[i] = v;
  }
  return out;
}

/** C = A B for A (r x s) and B (s x c), row-major. */
export function matmul(A: ArrayLike<number>, B: ArrayLike<number>, r: number, s: number, c: number, out?: Float64Array): Float64Array {
  const C = out ?? new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let sum = 0;
      for (let k = 0; k < s; k++) sum += A[i * s + k] * B[k * c + j];
      C[i * c + j] = sum;
    }
  }
  return C;
}

/** C = A' B for A (s x r) and B (s x c), row-major. */
export function crossprod(A: ArrayLike<number>, B: ArrayLike<number>, s: number, r: number, c: number, out?: Float64Array): Float64Array {
  const C = out ?? new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let sum = 0;
      for (let k = 0; k < s; k++) sum += A[k * r + i] * B[k * c + j];
      C[i * c + j] = sum;
    }
  }
  return C;
}

/** Transpose of an r x c matrix. */
export function transpose(A: ArrayLike<number>, r: number, c: number): Float64Array {
  const T = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j * r + i] = A[i * c + j];
  return T;
}

/** Rows of a row-major r x c matrix as plain arrays. */
export function toRows(A: ArrayLike<number>, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => A[i * c + j]));
}

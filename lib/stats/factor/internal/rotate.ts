/**
 * Factor rotations as psych::fa calls them (internal to lib/stats/factor).
 *
 * - varimax: stats::varimax(L, normalize = TRUE, eps = 1e-5) (Kaiser, 1958): with
 *   rows scaled to unit length, iterate T <- polar factor of
 *   B = X'(Z^3 - Z diag(1'Z^2)/p), Z = X T, until sum(singular values of B) grows by
 *   less than a factor 1 + eps; at most 1000 iterations.
 * - oblimin: GPArotation::oblimin(L) (gamma 0, i.e. quartimin; normalize = FALSE,
 *   eps = 1e-5, maxit = 1000): Jennrich's (2002) gradient projection algorithm
 *   GPFoblq with criterion f = sum(L^2 * (L^2 N))/4, N = 11' - I, and L = A T'^-1.
 * - promax: psych's kaiser(L, rotate = "Promax"): rows divided by sqrt(h2), then
 *   psych::Promax (Hendrickson & White, 1964; power m = 4): varimax, target
 *   Q = X|X|^3, U = least-squares(X, Q) rescaled so that diag((U'U)^-1) = 1,
 *   pattern X U, Phi = U^-1 U'^-1, and rows multiplied back by sqrt(h2).
 *
 * Each reproduces the iteration of the R code, including its stopping rule, so that
 * the rotated loadings agree with R's to rounding error rather than to eps.
 */
import { SingularValueDecomposition, Matrix, QrDecomposition } from 'ml-matrix';
import { LU, crossprod, matmul } from './linalg';

export interface Rotated {
  /** Rotated pattern loadings, row-major p x k. */
  loadings: Float64Array;
  /** Factor correlations (k x k) for oblique rotations, else null. */
  phi: Float64Array | null;
  /** Iterations used. */
  iterations: number;
  /** Whether the rotation's own stopping rule was met. */
  converged: boolean;
}

/** Polar factor U V' of the square k x k matrix B (from its SVD), and the sum of singular values. */
function polar(B: Float64Array, k: number): { Q: Float64Array; sum: number } {
  const M = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) M.set(i, j, B[i * k + j]);
  const svd = new SingularValueDecomposition(M, { computeLeftSingularVectors: true, computeRightSingularVectors: true });
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const d = svd.diagonal;
  const Q = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += U.get(i, c) * V.get(j, c);
      Q[i * k + j] = s;
    }
  }
  let sum = 0;
  for (const v of d) sum += v;
  return { Q, sum };
}

/** stats::varimax with normalize = TRUE, eps = 1e-5. Also returns the rotation matrix T (k x k). */
export function varimax(L: Float64Array, p: number, k: number, eps = 1e-5): Rotated & { rotmat: Float64Array } {
  const sc = new Float64Array(p);
  const x = new Float64Array(p * k);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += L[i * k + j] * L[i * k + j];
    sc[i] = Math.sqrt(s);
    for (let j = 0; j < k; j++) x[i * k + j] = L[i * k + j] / sc[i];
  }
  let TT: Float64Array = new Float64Array(k * k);
  for (let j = 0; j < k; j++) TT[j * k + j] = 1;
  let d = 0;
  const z = new Float64Array(p * k);
  const W = new Float64Array(p * k);
  const B = new Float64Array(k * k);
  const colSq = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  for (let it = 1; it <= 1000; it++) {
    iterations = it;
    matmul(x, TT, p, k, k, z);
    colSq.fill(0);
    for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) colSq[j] += z[i * k + j] * z[i * k + j];
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < k; j++) {
        const v = z[i * k + j];
        W[i * k + j] = v * v * v - (v * colSq[j]) / p;
      }
    }
    crossprod(x, W, p, k, k, B);
    const pol = polar(B, k);
    TT = pol.Q;
    const dpast = d;
    d = pol.sum;
    if (d < dpast * (1 + eps)) {
      converged = true;
      break;
    }
  }
  matmul(x, TT, p, k, k, z);
  const loadings = new Float64Array(p * k);
  for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) loadings[i * k + j] = z[i * k + j] * sc[i];
  return { loadings, phi: null, iterations, converged, rotmat: TT };
}

/** psych::kaiser(L, rotate = "Promax") with psych::Promax(m = 4). */
export function promax(L: Float64Array, p: number, k: number, power = 4): Rotated {
  const h = new Float64Array(p);
  const weighted = new Float64Array(p * k);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += L[i * k + j] * L[i * k + j];
    h[i] = Math.sqrt(s);
    for (let j = 0; j < k; j++) weighted[i * k + j] = L[i * k + j] / h[i];
  }
  const vm = varimax(weighted, p, k);
  const x = vm.loadings;
  const X = new Matrix(p, k);
  const Q = new Matrix(p, k);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < k; j++) {
      const v = x[i * k + j];
      X.set(i, j, v);
      Q.set(i, j, v * Math.abs(v) ** (power - 1));
    }
  }
  // U = lm.fit(x, Q)$coefficients (least squares via QR)
  const Um = new QrDecomposition(X).solve(Q);
  const U = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) U[i * k + j] = Um.get(i, j);
  const UtU = crossprod(U, U, k, k, k);
  const inv = new LU(UtU, k).inverse();
  for (let j = 0; j < k; j++) {
    const s = Math.sqrt(inv[j * k + j]);
    for (let i = 0; i < k; i++) U[i * k + j] *= s;
  }
  const z = matmul(x, U, p, k, k);
  const Ufull = matmul(vm.rotmat, U, k, k, k);
  const ui = new LU(Ufull, k).inverse();
  const phi = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += ui[i * k + c] * ui[j * k + c];
      phi[i * k + j] = s;
    }
  }
  const loadings = new Float64Array(p * k);
  for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) loadings[i * k + j] = z[i * k + j] * h[i];
  return { loadings, phi, iterations: vm.iterations, converged: vm.converged };
}

/**
 * GPArotation::GPFoblq with the oblimin criterion (gamma 0 by default),
 * normalize = FALSE, eps = 1e-5, maxit = 1000, starting from T = I.
 */
export function oblimin(A: Float64Array, p: number, k: number, gamma = 0, eps = 1e-5, maxit = 1000): Rotated {
  let Tmat = new Float64Array(k * k);
  for (let j = 0; j < k; j++) Tmat[j * k + j] = 1;
  const L = new Float64Array(p * k);
  const Gq = new Float64Array(p * k);
  const L2 = new Float64Array(p * k);
  const X = new Float64Array(p * k);
  const rowMeans = new Float64Array(k);

  /** vgQ.oblimin: fills Gq for the current L and returns f. */
  const vgQ = (): number => {
    for (let i = 0; i < p * k; i++) L2[i] = L[i] * L[i];
    // X = L^2 %*% (!diag(k)): row sums without the own column
    for (let i = 0; i < p; i++) {
      let rs = 0;
      for (let j = 0; j < k; j++) rs += L2[i * k + j];
      for (let j = 0; j < k; j++) X[i * k + j] = rs - L2[i * k + j];
    }
    if (gamma !== 0) {
      // X <- (I - gamma/p 11') X
      rowMeans.fill(0);
      for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) rowMeans[j] += X[i * k + j];
      for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) X[i * k + j] -= (gamma / p) * rowMeans[j];
    }
    let f = 0;
    for (let i = 0; i < p * k; i++) {
      Gq[i] = L[i] * X[i];
      f += L2[i] * X[i];
    }
    return f / 4;
  };
  /** L = A t(solve(T)); returns solve(T). */
  const setL = (T: Float64Array): Float64Array => {
    const Ti = new LU(T, k).inverse();
    // L[i][j] = sum_c A[i][c] * Ti[j][c]
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += A[i * k + c] * Ti[j * k + c];
        L[i * k + j] = s;
      }
    }
    return Ti;
  };
  /** G = -t(t(L) Gq Ti). */
  const gradient = (Ti: Float64Array, G: Float64Array): void => {
    const LtG = crossprod(L, Gq, p, k, k);
    const M = matmul(LtG, Ti, k, k, k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) G[i * k + j] = -M[j * k + i];
  };

  let Ti = setL(Tmat);
  let f = vgQ();
  const G = new Float64Array(k * k);
  gradient(Ti, G);
  const Gp = new Float64Array(k * k);
  const Xt = new Float64Array(k * k);
  let al = 1;
  let s = 0;
  let iterations = 0;
  let Tmatt = Tmat;
  for (let iter = 0; iter <= maxit; iter++) {
    iterations = iter;
    // Gp = G - T diag(colSums(T * G))
    for (let j = 0; j < k; j++) {
      let cs = 0;
      for (let i = 0; i < k; i++) cs += Tmat[i * k + j] * G[i * k + j];
      for (let i = 0; i < k; i++) Gp[i * k + j] = G[i * k + j] - Tmat[i * k + j] * cs;
    }
    let ss = 0;
    for (let i = 0; i < k * k; i++) ss += Gp[i] * Gp[i];
    s = Math.sqrt(ss);
    if (s < eps) break;
    al = 2 * al;
    let ft = f;
    for (let i = 0; i <= 10; i++) {
      for (let c = 0; c < k * k; c++) Xt[c] = Tmat[c] - al * Gp[c];
      Tmatt = new Float64Array(k * k);
      for (let j = 0; j < k; j++) {
        let cs = 0;
        for (let r = 0; r < k; r++) cs += Xt[r * k + j] * Xt[r * k + j];
        const v = 1 / Math.sqrt(cs);
        for (let r = 0; r < k; r++) Tmatt[r * k + j] = Xt[r * k + j] * v;
      }
      Ti = setL(Tmatt);
      ft = vgQ();
      const improvement = f - ft;
      if (improvement > 0.5 * s * s * al) break;
      al = al / 2;
    }
    Tmat = Tmatt;
    f = ft;
    gradient(Ti, G);
  }
  const converged = s < eps;
  // Phi = T'T
  const phi = crossprod(Tmat, Tmat, k, k, k);
  return { loadings: Float64Array.from(L), phi, iterations, converged };
}

/**
 * Goodness of fit of a factor solution as psych::fa.stats computes it (internal to
 * lib/stats/factor).
 *
 * With model M = L Phi L' (unit diagonal) and both M and R passed through
 * psych::cor.smooth (eigenvalues below 1e-12 raised, only when R or M is not
 * positive definite):
 *   objective F = tr(M^-1 R) - log det(M^-1 R) - p
 *   chi-square  = F * ((n - 1) - (2p + 5)/6 - 2 nf/3)   (Bartlett's correction; 0 if negative)
 *   df          = p(p - 1)/2 - p nf + nf(nf - 1)/2
 *   RMSEA       = sqrt(max(chi2/(df n) - 1/(n - 1), 0))
 *   TLI         = (M0 - Mm)/(M0 - 1/nm), M0 = F0/(p(p-1)/2), Mm = F/df,
 *                 nm = (n - 1) - (2p + 5)/6 - 2 nf/3, F0 = -log det R
 *   BIC         = chi2 - df log n
 *   rms         = sqrt(sum of squared off-diagonal residuals / (p(p - 1)))
 *   (with a data matrix, residuals are weighted by psych's pairwise counts np.obs,
 *    and n by their harmonic mean, exactly as fa.stats)
 */
import { chisqUpper } from './chisq';
import { SymmetricEigen } from './eigen';
import { LU } from './linalg';

export interface FitStatistics {
  /** Maximum-likelihood discrepancy F of the model (psych `objective`). */
  objective: number;
  /** Likelihood-ratio chi-square with Bartlett's correction (psych `STATISTIC`); null without n. */
  chiSquare: number | null;
  /** Degrees of freedom of the model (psych `dof`). */
  df: number;
  /** Upper-tail p of chiSquare (psych `PVAL`); null without n or when df <= 0. */
  p: number | null;
  /** Root mean square error of approximation (psych `RMSEA[1]`); null without n or when df <= 0. */
  rmsea: number | null;
  /** Tucker-Lewis index (psych `TLI`); null without n or when df <= 0. */
  tli: number | null;
  /** BIC = chi2 - df log n (psych `BIC`); null without n or when df <= 0. */
  bic: number | null;
  /** Discrepancy of the null (independence) model, -log det R (psych `null.model`). */
  nullObjective: number;
  /** Chi-square of the null model (psych `null.chisq`); null without n. */
  nullChiSquare: number | null;
  /** Degrees of freedom of the null model, p(p-1)/2. */
  nullDf: number;
  /** Root mean square of the off-diagonal residuals (psych `rms`). */
  rms: number;
  /** rms corrected for df (psych `crms`); null when df <= 0. */
  crms: number | null;
  /** Empirical chi-square from the residuals (psych `chi`); null without n. */
  empiricalChiSquare: number | null;
  /** Its upper-tail p (psych `EPVAL`); null without n or when df <= 0. */
  empiricalP: number | null;
  /** Fit of the off-diagonal elements, 1 - sum(res^2)/sum(r^2) (psych `fit.off`). */
  offDiagonalFit: number;
}

const EPS = 2.220446049250313e-16;

/** psych::cor.smooth on a row-major p x p correlation matrix: a copy, smoothed only if not positive definite. */
export function corSmooth(A: Float64Array, p: number, eig = new SymmetricEigen(p)): { matrix: Float64Array; smoothed: boolean } {
  eig.compute(A, false);
  if (eig.values[p - 1] >= EPS) return { matrix: Float64Array.from(A), smoothed: false };
  eig.compute(A);
  const tol = 1e-12;
  const vals = Float64Array.from(eig.values);
  let tot = 0;
  for (let i = 0; i < p; i++) {
    if (vals[i] < tol) vals[i] = 100 * tol;
    tot += vals[i];
  }
  for (let i = 0; i < p; i++) vals[i] = (vals[i] * p) / tot;
  const V = eig.vectors;
  const X = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += V[i * p + k] * vals[k] * V[j * p + k];
      X[i * p + j] = s;
    }
  }
  // cov2cor
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) out[i * p + j] = i === j ? 1 : X[i * p + j] / Math.sqrt(X[i * p + i] * X[j * p + j]);
  }
  return { matrix: out, smoothed: true };
}

/**
 * Fit statistics of the model `model` (= L Phi L', row-major p x p, any diagonal)
 * for the correlation matrix R. `counts` are pairwise case counts (data input) or null.
 */
export function fitStatistics(
  R: Float64Array,
  model: Float64Array,
  p: number,
  nf: number,
  n: number | null,
  counts: Float64Array | null,
): FitStatistics & { warnings: string[] } {
  const warnings: string[] = [];
  const df = (p * (p - 1)) / 2 - p * nf + (nf * (nf - 1)) / 2;
  // residual-based statistics
  let r2off = 0;
  let rstarOff = 0;
  let harmonicDen = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const r = R[i * p + j];
      const res = r - model[i * p + j];
      if (counts) harmonicDen += 1 / counts[i * p + j];
      if (i === j) continue;
      const w = counts ? counts[i * p + j] : 1;
      r2off += r * r * w;
      rstarOff += res * res * w;
    }
  }
  let rms: number;
  let crms: number | null;
  let empiricalChiSquare: number | null;
  if (counts) {
    const nh = (p * p) / harmonicDen;
    empiricalChiSquare = rstarOff;
    rms = Math.sqrt(rstarOff / (nh * p * (p - 1)));
    crms = df > 0 ? Math.sqrt(rstarOff / (2 * nh * df)) : null;
  } else {
    empiricalChiSquare = n === null ? null : rstarOff * n;
    rms = Math.sqrt(rstarOff / (p * (p - 1)));
    crms = df > 0 ? Math.sqrt(rstarOff / (2 * df)) : null;
  }
  const empiricalP = empiricalChiSquare !== null && df > 0 ? chisqUpper(empiricalChiSquare, df) : null;
  const offDiagonalFit = 1 - rstarOff / r2off;

  // likelihood-based statistics
  const eig = new SymmetricEigen(p);
  const M0 = Float64Array.from(model);
  for (let i = 0; i < p; i++) M0[i * p + i] = R[i * p + i];
  const ms = corSmooth(M0, p, eig);
  const rs = corSmooth(R, p, eig);
  if (ms.smoothed) warnings.push('the model correlation matrix L Phi L\' + U2 was not positive definite and was smoothed (psych::cor.smooth) before computing the fit statistics');
  const lu = new LU(ms.matrix, p);
  const MiR = lu.solve(rs.matrix, p);
  let tr = 0;
  for (let i = 0; i < p; i++) tr += MiR[i * p + i];
  const ld = new LU(MiR, p).logDet();
  // det(M^-1 R) > 0 for positive-definite M and R (both are, after cor.smooth)
  const objective = tr - (ld.sign > 0 ? ld.log : NaN) - p;
  const rlu = new LU(rs.matrix, p).logDet();
  let trR = 0;
  for (let i = 0; i < p; i++) trR += rs.matrix[i * p + i];
  const nullObjective = trR - rlu.log - p;
  const nullDf = (p * (p - 1)) / 2;
  let chiSquare: number | null = null;
  let pval: number | null = null;
  let rmsea: number | null = null;
  let tli: number | null = null;
  let bic: number | null = null;
  let nullChiSquare: number | null = null;
  if (n !== null) {
    const nm = n - 1 - (2 * p + 5) / 6 - (2 * nf) / 3;
    const chisq = objective * nm;
    chiSquare = chisq < 0 ? 0 : chisq;
    nullChiSquare = nullObjective * (n - 1 - (2 * p + 5) / 6);
    if (df > 0) {
      pval = chisqUpper(chiSquare, df);
      const Mm = objective / df;
      const M0n = (nullObjective * 2) / (p * (p - 1));
      tli = (M0n - Mm) / (M0n - 1 / nm);
      rmsea = Math.sqrt(Math.max(chisq / (df * n) - 1 / (n - 1), 0));
      bic = chisq - df * Math.log(n);
    }
  }
  return {
    objective,
    chiSquare,
    df,
    p: pval,
    rmsea,
    tli,
    bic,
    nullObjective,
    nullChiSquare,
    nullDf,
    rms,
    crms,
    empiricalChiSquare,
    empiricalP,
    offDiagonalFit,
    warnings,
  };
}

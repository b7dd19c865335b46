/**
 * Factor extraction as psych::fa (fac) does it (internal to lib/stats/factor):
 * minres, principal axes and maximum likelihood on a correlation matrix. Returns
 * the unrotated loadings before psych's sign and order conventions are applied.
 *
 * minres (psych 'fit.residuals'): minimise over the uniquenesses psi the sum of
 *   squared lower-triangle residuals of R - LL', where L holds the first nfactors
 *   eigenvectors of R - diag(psi) scaled by the square roots of their eigenvalues;
 *   gradient psych's FAgr.minres, diag(LL' + diag(psi) - R). Start 1 - SMC.
 * ml (psych 'FAfn'/'FAgr', the objective of stats::factanal): minimise
 *   -sum_{j>nf}(log e_j - e_j) - nf + p over psi, with e the eigenvalues of
 *   diag(psi)^-1/2 R diag(psi)^-1/2; gradient diag(LL' + diag(psi) - R)/psi^2.
 * Both with optim's L-BFGS-B exactly as psych calls it: bounds [0.005, max(SMC, 1)],
 * parscale 0.01, factr 1e7, pgtol 0, lmm 5, maxit 100.
 * pa: iterated principal axes from SMC (or unit) communalities until the sum of
 *   communalities changes by less than min.err = 0.001, at most 50 iterations.
 */
import { UserInputError } from '../../../util/errors';
import { SymmetricEigen } from './eigen';
import { lbfgsb } from './lbfgsb';
import { smc } from './linalg';

export type FactorMethod = 'minres' | 'pa' | 'ml';

export interface ExtractionResult {
  /** Unrotated loadings, row-major p x nf. */
  loadings: Float64Array;
  /** Eigenvalues of R with the communalities of the solution on the diagonal (psych's `values`). */
  commonValues: Float64Array;
  /** Eigenvalues of R (psych's `e.values`). */
  eValues: Float64Array;
  /** Iterations, evaluations, whether it converged, and the optimiser's message. */
  convergence: ExtractionConvergence;
}

export interface ExtractionConvergence {
  converged: boolean;
  /** Optimiser iterations (minres, ml) or principal-axis iterations (pa). */
  iterations: number;
  /** Objective evaluations (minres, ml; equal to iterations for pa). */
  evaluations: number;
  /** Objective at the solution (minres: residual sum of squares; ml: likelihood criterion; pa: null). */
  objective: number | null;
  message: string;
}

export interface ExtractOptions {
  /**
   * pa only: starting communalities: 'smc' (default, psych's SMC = TRUE), 'unit'
   * (psych's SMC = FALSE) or given values (psych's SMC = vector).
   */
  start?: 'smc' | 'unit' | ArrayLike<number>;
  /** pa only: maximum number of iterations (psych max.iter); default 50. */
  maxIter?: number;
}

const EPS = 2.220446049250313e-16;

/** Extracts nf factors from the correlation matrix R (row-major p x p, positive definite). */
export function extractFactors(
  R: Float64Array,
  p: number,
  nf: number,
  method: FactorMethod,
  options: ExtractOptions = {},
): ExtractionResult {
  const eig = new SymmetricEigen(p);
  const eValues = Float64Array.from(eig.compute(R, false).values);
  if (method === 'pa') {
    // psych: values = the eigenvalues of the last principal-axis iteration
    const pa = principalAxes(R, p, nf, options.start ?? 'smc', options.maxIter ?? 50, eig);
    return { loadings: pa.loadings, commonValues: pa.lastValues, eValues, convergence: pa.convergence };
  }
  const { loadings, convergence } = optimise(R, p, nf, method, eig);
  // psych: values = eigen(R with diag(LL'))$values
  let commonValues: Float64Array;
  {
    const S = Float64Array.from(R);
    for (let i = 0; i < p; i++) {
      let h = 0;
      for (let k = 0; k < nf; k++) h += loadings[i * nf + k] * loadings[i * nf + k];
      S[i * p + i] = h;
    }
    commonValues = Float64Array.from(eig.compute(S, false).values);
  }
  return { loadings, commonValues, eValues, convergence };
}

function principalAxes(
  R: Float64Array,
  p: number,
  nf: number,
  start: 'smc' | 'unit' | ArrayLike<number>,
  maxIter: number,
  eig: SymmetricEigen,
): { loadings: Float64Array; lastValues: Float64Array; convergence: ExtractionConvergence } {
  const minErr = 0.001;
  const rMat = Float64Array.from(R);
  if (start !== 'unit') {
    const s = start === 'smc' ? smc(R, p) : start;
    for (let i = 0; i < p; i++) rMat[i * p + i] = s[i];
  }
  let comm = 0;
  for (let i = 0; i < p; i++) comm += rMat[i * p + i];
  let err = comm;
  let i = 1;
  let converged = true;
  const loadings = new Float64Array(p * nf);
  let iterations = 0;
  while (err > minErr) {
    eig.compute(rMat);
    iterations++;
    for (let k = 0; k < nf; k++) {
      if (!(eig.values[k] >= 0)) {
        throw new UserInputError(
          `efa: principal axis factoring met a negative eigenvalue (${eig.values[k].toPrecision(3)}) for factor ${k + 1} at iteration ${iterations}; ` +
            `the solution does not exist with ${nf} factors. Extract fewer factors or use method 'minres' or 'ml'.`,
        );
      }
    }
    let comm1 = 0;
    for (let r = 0; r < p; r++) {
      let h = 0;
      for (let k = 0; k < nf; k++) {
        const l = eig.vectors[r * p + k] * Math.sqrt(eig.values[k]);
        loadings[r * nf + k] = l;
        h += l * l;
      }
      rMat[r * p + r] = h;
      comm1 += h;
    }
    err = Math.abs(comm - comm1);
    comm = comm1;
    i++;
    if (i > maxIter) {
      converged = err <= minErr;
      err = 0;
    }
  }
  return {
    loadings,
    lastValues: Float64Array.from(eig.values),
    convergence: {
      converged,
      iterations,
      evaluations: iterations,
      objective: null,
      message: converged ? 'converged: change in total communality < 0.001' : `maximum number of iterations (${maxIter}) reached`,
    },
  };
}

function optimise(
  R: Float64Array,
  p: number,
  nf: number,
  method: 'minres' | 'ml',
  eig: SymmetricEigen,
): { loadings: Float64Array; convergence: ExtractionConvergence } {
  const s = smc(R, p);
  let upper = 1;
  for (let i = 0; i < p; i++) if (s[i] > upper) upper = s[i];
  const parscale = 0.01;
  const x0 = new Float64Array(p);
  const lower = new Float64Array(p);
  const upperV = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    x0[i] = (1 - s[i]) / parscale;
    lower[i] = 0.005 / parscale;
    upperV[i] = upper / parscale;
  }
  const psi = new Float64Array(p);
  const S = new Float64Array(p * p);
  const load = new Float64Array(p * nf);
  const root = new Float64Array(nf);

  const fgMinres = (x: Float64Array, g: Float64Array): number => {
    for (let i = 0; i < p; i++) psi[i] = x[i] * parscale;
    S.set(R);
    for (let i = 0; i < p; i++) S[i * p + i] = 1 - psi[i]; // psych: diag(S) <- 1 - Psi (R has unit diagonal)
    eig.compute(S);
    const V = eig.vectors;
    const vals = eig.values;
    // objective: eigenvalues below eps replaced by 100 eps
    for (let k = 0; k < nf; k++) root[k] = Math.sqrt(vals[k] < EPS ? 100 * EPS : vals[k]);
    for (let i = 0; i < p; i++) for (let k = 0; k < nf; k++) load[i * nf + k] = V[i * p + k] * root[k];
    let f = 0;
    for (let i = 1; i < p; i++) {
      for (let j = 0; j < i; j++) {
        let m = 0;
        for (let k = 0; k < nf; k++) m += load[i * nf + k] * load[j * nf + k];
        const res = R[i * p + j] - m;
        f += res * res;
      }
    }
    // gradient (FAgr.minres): loadings with pmax(values, 0)
    for (let k = 0; k < nf; k++) root[k] = vals[k] > 0 ? Math.sqrt(vals[k]) : 0;
    for (let i = 0; i < p; i++) {
      let h = 0;
      for (let k = 0; k < nf; k++) {
        const l = V[i * p + k] * root[k];
        h += l * l;
      }
      g[i] = (h + psi[i] - R[i * p + i]) * parscale;
    }
    return f;
  };

  const fgMl = (x: Float64Array, g: Float64Array): number => {
    for (let i = 0; i < p; i++) psi[i] = x[i] * parscale;
    for (let i = 0; i < p; i++) {
      const si = 1 / Math.sqrt(psi[i]);
      for (let j = 0; j < p; j++) S[i * p + j] = R[i * p + j] * si * (1 / Math.sqrt(psi[j]));
    }
    eig.compute(S);
    const V = eig.vectors;
    const vals = eig.values;
    let e = 0;
    for (let j = nf; j < p; j++) e += Math.log(vals[j]) - vals[j];
    const f = -(e - nf + p);
    for (let k = 0; k < nf; k++) root[k] = Math.sqrt(Math.max(vals[k] - 1, 0));
    for (let i = 0; i < p; i++) {
      const sp = Math.sqrt(psi[i]);
      let h = 0;
      for (let k = 0; k < nf; k++) {
        const l = sp * V[i * p + k] * root[k];
        h += l * l;
      }
      g[i] = ((h + psi[i] - R[i * p + i]) / (psi[i] * psi[i])) * parscale;
    }
    return f;
  };

  const res = lbfgsb(method === 'minres' ? fgMinres : fgMl, x0, lower, upperV, {
    m: 5,
    factr: 1e7,
    pgtol: 0,
    maxit: 100,
  });
  for (let i = 0; i < p; i++) psi[i] = res.x[i] * parscale;
  const loadings = new Float64Array(p * nf);
  if (method === 'minres') {
    // FAout.wls: eigen of R - diag(psi), loadings = vectors * sqrt(pmax(values, 0))
    S.set(R);
    for (let i = 0; i < p; i++) S[i * p + i] = R[i * p + i] - psi[i];
    eig.compute(S);
    for (let k = 0; k < nf; k++) root[k] = Math.sqrt(Math.max(eig.values[k], 0));
    for (let i = 0; i < p; i++) for (let k = 0; k < nf; k++) loadings[i * nf + k] = eig.vectors[i * p + k] * root[k];
  } else {
    // FAout: scaled eigenproblem
    for (let i = 0; i < p; i++) {
      const si = 1 / Math.sqrt(psi[i]);
      for (let j = 0; j < p; j++) S[i * p + j] = R[i * p + j] * si * (1 / Math.sqrt(psi[j]));
    }
    eig.compute(S);
    for (let k = 0; k < nf; k++) root[k] = Math.sqrt(Math.max(eig.values[k] - 1, 0));
    for (let i = 0; i < p; i++) {
      const sp = Math.sqrt(psi[i]);
      for (let k = 0; k < nf; k++) loadings[i * nf + k] = sp * eig.vectors[i * p + k] * root[k];
    }
  }
  return {
    loadings,
    convergence: {
      converged: res.code === 0,
      iterations: res.iterations,
      evaluations: res.evaluations,
      objective: res.f,
      message: res.message,
    },
  };
}

import { UserInputError } from '../../util/errors';
import { createRandom, type Random } from '../../util/random';
import { checkChoice, checkOpenUnit, describeBadValue } from '../internal/validate';
import { SymmetricEigen } from './internal/eigen';
import { extractFactors, type FactorMethod } from './internal/extract';
import { prepareCorrelation, type CorrelationInputOptions } from './internal/input';

export interface ParallelAnalysisOptions extends CorrelationInputOptions {
  /** Number of simulated data sets; default 20 (as psych). */
  iterations?: number;
  /** Seed of the random normal data; default 'parallelAnalysis'. Ignored when `random` is given. */
  seed?: string;
  /** A seeded generator from createRandom (lib/util/random.ts), instead of `seed`. */
  random?: Random;
  /** Quantile of the simulated eigenvalues used as the threshold; default 0.95 (psych's quant). */
  quantile?: number;
  /** Compare with the simulated `quantile` (default, as psych) or with the simulated mean (Horn, 1965). */
  criterion?: 'quantile' | 'mean';
  /** Extraction method for the factor eigenvalues; default 'minres' (as psych). */
  method?: FactorMethod;
  /** Number of factors of the factor solution whose eigenvalues are used; default 1 (as psych). */
  nfactors?: number;
}

export interface ParallelAnalysisResult {
  /** Items (given names, or V1, V2, ...). */
  items: string[];
  /** Cases per simulated data set (the number of rows, or n of a correlation matrix). */
  n: number;
  iterations: number;
  quantile: number;
  criterion: 'quantile' | 'mean';
  method: FactorMethod;
  /** The seed used, or null when a generator was injected. */
  seed: string | null;
  observed: {
    /** Eigenvalues of the correlation matrix (principal components; psych pc.values). */
    components: number[];
    /** Eigenvalues of the common-factor solution with SMC communalities (psych fa.values). */
    factors: number[];
  };
  simulated: {
    /** Mean of the component eigenvalues of the random data sets (psych pc.sim). */
    componentMean: number[];
    /** Their `quantile` (R's type-7 quantile). */
    componentQuantile: number[];
    /** Mean of the factor eigenvalues of the random data sets (psych fa.sim). */
    factorMean: number[];
    /** Their `quantile`. */
    factorQuantile: number[];
  };
  /** Suggested number of components: leading observed eigenvalues above the threshold (psych ncomp). */
  ncomponents: number;
  /** Suggested number of factors (psych nfact). */
  nfactors: number;
}

/** R's quantile(x, q, type = 7) of a sorted copy of xs. */
function quantile7(xs: number[], q: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/**
 * Parallel analysis (Horn, 1965), as psych::fa.parallel with simulated normal
 * data: compares the eigenvalues of the observed correlation matrix (components)
 * and of its one-factor common-factor solution (factors, psych's fa values with
 * SMC starting communalities) with those of `iterations` random N(0, 1) data sets
 * of the same size. The suggested number is the count of leading observed
 * eigenvalues that exceed the simulated `quantile` (default 0.95, psych's
 * criterion; Glorfeld, 1995) or, with `criterion: 'mean'`, the simulated mean
 * (Horn's original rule).
 *
 * Horn, J. L. (1965). A rationale and test for the number of factors in factor
 * analysis. Psychometrika, 30, 179-185.
 *
 * Validation: the observed eigenvalues match psych 2.2.9 within 1e-10
 * (tests/stats/factor/parallelAnalysis.test.ts). The simulated ones use this
 * project's seeded generator, not R's, so they are tested for their properties:
 * reproducible with a seed, different with another, component eigenvalues averaging
 * exactly 1, and means close to a long psych run (500 iterations) on the same data.
 * Unlike psych, no resampled (bootstrapped) data sets are drawn; psych's suggested
 * numbers also use only the simulated data.
 *
 * Throws a UserInputError for bad options and for the input problems of
 * {@link efa} (too few cases, constant items, singular correlation matrix).
 *
 * @example
 *   // the correlation matrix of the efa example (two correlated clusters of three items)
 *   const pa = parallelAnalysis(R, { correlation: true, n: 200, seed: 'doc', iterations: 100 });
 *   pa.observed.components;           // ≈ [2.25, 1.44, 0.71, 0.59, 0.57, 0.43]
 *   pa.simulated.componentQuantile;   // ≈ [1.34, 1.18, 1.09, 0.99, 0.93, 0.84]
 *   pa.ncomponents;                   // 2
 *   pa.nfactors;                      // 2 (factor eigenvalues 1.61, 0.63 vs 1.05, 0.20)
 */
export function parallelAnalysis(
  data: readonly (readonly (number | null | undefined)[])[],
  options: ParallelAnalysisOptions = {},
): ParallelAnalysisResult {
  if (options === null || typeof options !== 'object') {
    throw new UserInputError(`parallelAnalysis: options must be an object; got ${describeBadValue(options)}.`);
  }
  const iterations = options.iterations ?? 20;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) {
    throw new UserInputError(`parallelAnalysis: options.iterations must be a whole number of at least 1; got ${describeBadValue(iterations)}.`);
  }
  const q = options.quantile ?? 0.95;
  checkOpenUnit(q, 'parallelAnalysis: options.quantile');
  const criterion = checkChoice(options.criterion ?? 'quantile', ['quantile', 'mean'] as const, 'parallelAnalysis: options.criterion');
  const method = checkChoice(options.method ?? 'minres', ['minres', 'pa', 'ml'] as const, 'parallelAnalysis: options.method');
  const nf = options.nfactors ?? 1;
  if (typeof nf !== 'number' || !Number.isInteger(nf) || nf < 1) {
    throw new UserInputError(`parallelAnalysis: options.nfactors must be a whole number of at least 1; got ${describeBadValue(nf)}.`);
  }
  let random: Random;
  let seed: string | null;
  if (options.random !== undefined) {
    const r = options.random as Partial<Random>;
    if (typeof r !== 'object' || r === null || typeof r.normal !== 'function') {
      throw new UserInputError('parallelAnalysis: options.random must be a Random from createRandom(seed) (lib/util/random.ts).');
    }
    random = options.random;
    seed = null;
  } else {
    seed = options.seed ?? 'parallelAnalysis';
    if (typeof seed !== 'string') {
      throw new UserInputError(`parallelAnalysis: options.seed must be a string; got ${describeBadValue(seed)}.`);
    }
    random = createRandom(seed);
  }
  if (options.correlation && options.n === undefined) {
    throw new UserInputError('parallelAnalysis: the simulated data sets need the number of cases behind a correlation matrix; pass { correlation: true, n }.');
  }
  const prep = prepareCorrelation(data, options, 'parallelAnalysis');
  const { R, p } = prep;
  const n = prep.n as number;
  if (n <= p) {
    throw new UserInputError(
      `parallelAnalysis: n = ${n} cases for ${p} items; random data sets of that size have singular correlation matrices. Parallel analysis needs more cases than items.`,
    );
  }
  const maxNf = p - 1;
  if (nf > maxNf) {
    throw new UserInputError(`parallelAnalysis: options.nfactors = ${nf} is too large for ${p} items; use at most ${maxNf} (the default is 1).`);
  }

  const observedFa = extractFactors(R, p, nf, method);
  const components = Array.from(observedFa.eValues);
  const factors = Array.from(observedFa.commonValues);

  const simPc: number[][] = Array.from({ length: p }, () => []);
  const simFa: number[][] = Array.from({ length: p }, () => []);
  const X = new Float64Array(n * p);
  const S = new Float64Array(p * p);
  const eig = new SymmetricEigen(p);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n * p; i++) X[i] = random.normal();
    simulatedCorrelation(X, n, p, S);
    eig.compute(S, false);
    for (let j = 0; j < p; j++) simPc[j].push(eig.values[j]);
    // psych: fa(sim.cor, nfactors, fm, rotate = "none", SMC = FALSE)$values
    const fa = extractFactors(S, p, nf, method, { start: 'unit' });
    for (let j = 0; j < p; j++) simFa[j].push(fa.commonValues[j]);
  }
  const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const componentMean = simPc.map(meanOf);
  const factorMean = simFa.map(meanOf);
  const componentQuantile = simPc.map((xs) => quantile7(xs, q));
  const factorQuantile = simFa.map((xs) => quantile7(xs, q));
  const pcCrit = criterion === 'quantile' ? componentQuantile : componentMean;
  const faCrit = criterion === 'quantile' ? factorQuantile : factorMean;
  const leading = (obs: number[], crit: number[]) => {
    const i = obs.findIndex((v, j) => !(v > crit[j]));
    return i === -1 ? obs.length : i;
  };
  return {
    items: prep.names,
    n,
    iterations,
    quantile: q,
    criterion,
    method,
    seed,
    observed: { components, factors },
    simulated: { componentMean, componentQuantile, factorMean, factorQuantile },
    ncomponents: leading(components, pcCrit),
    nfactors: leading(factors, faCrit),
  };
}

/** Correlation matrix (row-major p x p) of the n x p row-major data X, into S. */
function simulatedCorrelation(X: Float64Array, n: number, p: number, S: Float64Array): void {
  const means = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j] += X[i * p + j];
  for (let j = 0; j < p; j++) means[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) X[i * p + j] -= means[j];
  S.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let a = 0; a < p; a++) {
      const xa = X[row + a];
      for (let b = a; b < p; b++) S[a * p + b] += xa * X[row + b];
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = a + 1; b < p; b++) {
      const r = S[a * p + b] / Math.sqrt(S[a * p + a] * S[b * p + b]);
      S[a * p + b] = S[b * p + a] = r;
    }
  }
  for (let a = 0; a < p; a++) S[a * p + a] = 1;
}

/**
 * Turns the input of the factor-analysis functions (a data matrix or a correlation
 * matrix) into a validated correlation matrix (internal to lib/stats/factor).
 *
 * Data matrices follow psych: Pearson correlations, pairwise-complete by default
 * (psych's use = "pairwise"), with n = the number of rows; `missing: 'listwise'`
 * drops incomplete rows first (n = complete rows). Correlation matrices must be
 * square and symmetric; a covariance matrix is rescaled to correlations (R's
 * cov2cor), as psych does.
 *
 * Every problem is a UserInputError that names the items involved and says how to
 * fix it: too few cases, an item without variance, a correlation that cannot be
 * computed, and a singular (or not positive definite) correlation matrix.
 */
import { UserInputError } from '../../../util/errors';
import { checkMatrix, columnLabel, describeBadValue, isMissing } from '../../internal/validate';
import { cov2cor, covarianceMatrix, mean } from '../../internal/moments';
import { SymmetricEigen } from './eigen';

/** How missing values in a data matrix are handled. */
export type MissingMethod = 'listwise' | 'pairwise';

/** Input options shared by efa, parallelAnalysis, kmo and bartlett. */
export interface CorrelationInputOptions {
  /** The input is a correlation (or covariance) matrix instead of a data matrix. */
  correlation?: boolean;
  /** Number of cases behind a correlation matrix (not allowed with a data matrix, where it is the number of rows). */
  n?: number;
  /** Item names, one per column. */
  names?: readonly string[];
  /**
   * Missing values (null/undefined) in a data matrix: `'pairwise'` (default, as
   * psych) correlates each pair of items over the cases that have both; `'listwise'`
   * first drops every case with a missing value.
   */
  missing?: MissingMethod;
}

export interface PreparedCorrelation {
  /** Correlation matrix, row-major p x p, exactly symmetric with unit diagonal. */
  R: Float64Array;
  p: number;
  /** Number of cases (null for a correlation matrix given without n). */
  n: number | null;
  /** Item names (given, or V1, V2, ... as R). */
  names: string[];
  /** Whether the user gave names (for messages). */
  userNames: readonly string[] | undefined;
  /** Pairwise case counts (row-major p x p) for a data matrix (psych's np.obs), else null. */
  pairwiseCounts: Float64Array | null;
  /** 'data' or 'correlation'. */
  source: 'data' | 'correlation';
  /** Cases dropped by listwise deletion (0 otherwise). */
  droppedCases: number;
}

/** Checks the shared options and builds the correlation matrix. `fn` names the caller in messages. */
export function prepareCorrelation(input: unknown, options: CorrelationInputOptions, fn: string): PreparedCorrelation {
  if (options === null || typeof options !== 'object') {
    throw new UserInputError(`${fn}: options must be an object; got ${describeBadValue(options)}.`);
  }
  const { names } = options;
  const missing = options.missing ?? 'pairwise';
  if (missing !== 'pairwise' && missing !== 'listwise') {
    throw new UserInputError(`${fn}: options.missing must be 'pairwise' or 'listwise'; got ${JSON.stringify(options.missing)}.`);
  }
  if (options.correlation !== undefined && typeof options.correlation !== 'boolean') {
    throw new UserInputError(`${fn}: options.correlation must be true or false; got ${describeBadValue(options.correlation)}.`);
  }
  if (options.correlation) return fromCorrelation(input, options, fn);
  if (options.n !== undefined) {
    throw new UserInputError(
      `${fn}: options.n is only used with a correlation matrix ({ correlation: true, n }); with a data matrix the number of cases is the number of rows. Remove options.n.`,
    );
  }
  return fromData(input, names, missing, fn);
}

function defaultNames(p: number, names: readonly string[] | undefined): string[] {
  return names ? names.map(String) : Array.from({ length: p }, (_, j) => `V${j + 1}`);
}

function fromCorrelation(input: unknown, options: CorrelationInputOptions, fn: string): PreparedCorrelation {
  const { names } = options;
  const { nRows, nCols: p } = checkMatrix(input, {
    what: 'the correlation matrix',
    allowMissing: false,
    names,
    columnNoun: 'item',
    rowNoun: 'row',
    missingHint: 'a correlation matrix cannot have missing entries; compute it with pairwise deletion or pass the data matrix instead.',
  });
  const M = input as number[][];
  if (nRows !== p) {
    throw new UserInputError(
      `${fn}: the correlation matrix must be square but has ${nRows} rows and ${p} columns; pass a data matrix without { correlation: true } if these are raw data.`,
    );
  }
  if (p < 2) throw new UserInputError(`${fn}: needs at least 2 items; the correlation matrix has ${p}.`);
  for (let a = 0; a < p; a++) {
    if (!(M[a][a] > 0)) {
      throw new UserInputError(
        `${fn}: the diagonal of the correlation matrix must be positive (1 for a correlation matrix, the variance for a covariance matrix), but ${columnLabel(a, names)} has ${M[a][a]}.`,
      );
    }
    for (let b = a + 1; b < p; b++) {
      const tol = 1e-8 * Math.max(1, Math.abs(M[a][b]));
      if (Math.abs(M[a][b] - M[b][a]) > tol) {
        throw new UserInputError(
          `${fn}: the correlation matrix is not symmetric: entry [${a}][${b}] = ${M[a][b]} but [${b}][${a}] = ${M[b][a]} (${columnLabel(a, names)} and ${columnLabel(b, names)}); pass a symmetric matrix.`,
        );
      }
    }
  }
  let n: number | null = null;
  if (options.n !== undefined) {
    if (typeof options.n !== 'number' || !Number.isInteger(options.n) || options.n < 2) {
      throw new UserInputError(`${fn}: options.n must be a whole number of cases of at least 2; got ${describeBadValue(options.n)}.`);
    }
    n = options.n;
  }
  // symmetrise (upper triangle wins, as the check allowed tiny differences) and rescale
  const C = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => (a <= b ? M[a][b] : M[b][a])));
  const unitDiagonal = C.every((row, a) => row[a] === 1);
  const Rrows = unitDiagonal ? C : cov2cor(C);
  const R = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      const v = a === b ? 1 : Rrows[a][b];
      if (Math.abs(v) > 1 + 1e-8) {
        throw new UserInputError(
          `${fn}: the correlation between ${columnLabel(a, names)} and ${columnLabel(b, names)} is ${v}, outside [-1, 1]; check the matrix.`,
        );
      }
      R[a * p + b] = Math.max(-1, Math.min(1, v));
    }
  }
  checkPositiveDefinite(R, p, names, fn, 'correlation');
  return {
    R,
    p,
    n,
    names: defaultNames(p, names),
    userNames: names,
    pairwiseCounts: null,
    source: 'correlation',
    droppedCases: 0,
  };
}

function fromData(input: unknown, names: readonly string[] | undefined, missing: MissingMethod, fn: string): PreparedCorrelation {
  const { nRows, nCols: p, hasMissing } = checkMatrix(input, {
    what: 'the data matrix',
    allowMissing: true,
    names,
    columnNoun: 'item',
    rowNoun: 'case',
  });
  const X = input as (number | null | undefined)[][];
  if (p < 2) throw new UserInputError(`${fn}: needs at least 2 items (columns); the data matrix has ${p}.`);
  let rows = X;
  let dropped = 0;
  if (hasMissing && missing === 'listwise') {
    rows = X.filter((row) => row.every((v) => !isMissing(v)));
    dropped = nRows - rows.length;
  }
  const nUsed = rows.length;
  // cases actually available: complete rows (listwise or no missing) or, pairwise, the smallest pair count
  const R = new Float64Array(p * p);
  const counts = new Float64Array(p * p);
  if (!hasMissing || missing === 'listwise') {
    checkEnoughCases(nUsed, p, fn, dropped > 0 ? ` after dropping ${dropped} incomplete cases (missing: 'listwise')` : '');
    const complete = rows as number[][];
    for (let j = 0; j < p; j++) checkVariance(complete.map((r) => r[j]), j, names, fn);
    const Rrows = cov2cor(covarianceMatrix(complete));
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        R[a * p + b] = a === b ? 1 : Math.max(-1, Math.min(1, Rrows[a][b]));
        counts[a * p + b] = nUsed;
      }
    }
  } else {
    checkEnoughCases(nRows, p, fn, '');
    for (let j = 0; j < p; j++) {
      const present: number[] = [];
      for (const row of X) if (!isMissing(row[j])) present.push(row[j] as number);
      if (present.length < 2) {
        throw new UserInputError(
          `${fn}: ${columnLabel(j, names)} has ${present.length} non-missing value(s); a correlation needs at least 2 (and a factor analysis many more). Drop this item.`,
        );
      }
      checkVariance(present, j, names, fn);
    }
    for (let a = 0; a < p; a++) {
      R[a * p + a] = 1;
      for (let b = a + 1; b < p; b++) {
        const xs: number[] = [];
        const ys: number[] = [];
        for (const row of X) {
          const x = row[a];
          const y = row[b];
          if (!isMissing(x) && !isMissing(y)) {
            xs.push(x);
            ys.push(y);
          }
        }
        const r = pairwiseCorrelation(xs, ys);
        if (r === null) {
          throw new UserInputError(
            `${fn}: the correlation between ${columnLabel(a, names)} and ${columnLabel(b, names)} cannot be computed: ` +
              `they are both present in ${xs.length} case(s)${xs.length >= 2 ? ' and one of them is constant there' : ''}. ` +
              `Use missing: 'listwise', or drop one of these items.`,
          );
        }
        R[a * p + b] = R[b * p + a] = r;
      }
    }
    for (let a = 0; a < p; a++) {
      for (let b = a; b < p; b++) {
        let c = 0;
        for (const row of X) if (!isMissing(row[a]) && !isMissing(row[b])) c++;
        counts[a * p + b] = counts[b * p + a] = c;
      }
    }
  }
  checkPositiveDefinite(R, p, names, fn, hasMissing && missing === 'pairwise' ? 'pairwise' : 'data');
  return {
    R,
    p,
    n: hasMissing && missing === 'listwise' ? nUsed : nRows,
    names: defaultNames(p, names),
    userNames: names,
    pairwiseCounts: counts,
    source: 'data',
    droppedCases: dropped,
  };
}

function checkEnoughCases(n: number, p: number, fn: string, note: string): void {
  if (n <= p) {
    throw new UserInputError(
      `${fn}: the data matrix has ${n} cases${note} for ${p} items; with no more cases than items the correlation matrix is singular. ` +
        `Collect more cases (at least ${p + 1}; many more for a stable factor solution) or analyse fewer items.`,
    );
  }
}

function checkVariance(values: readonly number[], j: number, names: readonly string[] | undefined, fn: string): void {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  if (!(ss > 0)) {
    throw new UserInputError(
      `${fn}: ${columnLabel(j, names)} has zero variance (every case has the value ${values[0]}); its correlations are undefined. Drop this item.`,
    );
  }
}

/** Pearson correlation over complete pairs (pairwise means, as R's cor(use = "pairwise")); null when undefined. */
function pairwiseCorrelation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Throws a UserInputError naming the items when R is singular or not positive
 * definite: perfectly correlated pairs first, otherwise the items that carry the
 * eigenvector of the smallest eigenvalue (a linear dependency).
 */
export function checkPositiveDefinite(
  R: Float64Array,
  p: number,
  names: readonly string[] | undefined,
  fn: string,
  kind: 'data' | 'pairwise' | 'correlation',
): void {
  const eig = new SymmetricEigen(p).compute(R, false);
  const minValue = eig.values[p - 1];
  // Cholesky-level criterion, relative to the trace (= p)
  if (minValue > 1e-10 * p && choleskyOk(R, p)) return;
  eig.compute(R);
  const pairs: string[] = [];
  for (let a = 0; a < p; a++) {
    for (let b = a + 1; b < p; b++) {
      const r = R[a * p + b];
      if (Math.abs(r) > 1 - 1e-10) {
        pairs.push(`${columnLabel(a, names)} and ${columnLabel(b, names)} (r = ${r > 0 ? '' : '-'}1)`);
      }
    }
  }
  const fix =
    kind === 'pairwise'
      ? "Correlations from pairwise deletion need not form a valid correlation matrix; use missing: 'listwise', or drop the items involved."
      : 'Drop one item of each redundant set (e.g. a duplicated item, or a total score together with its parts), then try again.';
  if (pairs.length > 0) {
    throw new UserInputError(
      `${fn}: the correlation matrix is singular: ${pairs.length === 1 ? 'this pair is' : 'these pairs are'} perfectly correlated: ${pairs.join('; ')}. ${fix}`,
    );
  }
  let maxAbs = 0;
  for (let i = 0; i < p; i++) maxAbs = Math.max(maxAbs, Math.abs(eig.vectors[i * p + p - 1]));
  const involved: string[] = [];
  for (let i = 0; i < p; i++) {
    if (Math.abs(eig.vectors[i * p + p - 1]) >= 0.1 * maxAbs) involved.push(columnLabel(i, names));
  }
  const what = minValue < 0 && Math.abs(minValue) > 1e-10 * p ? 'is not positive definite (smallest eigenvalue ' + minValue.toPrecision(3) + ')' : 'is singular (smallest eigenvalue ' + minValue.toPrecision(3) + ')';
  throw new UserInputError(
    `${fn}: the correlation matrix ${what}: these items are (nearly) linearly dependent: ${involved.join(', ')}. ${fix}`,
  );
}

function choleskyOk(R: Float64Array, p: number): boolean {
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let s = R[j * p + j];
    for (let k = 0; k < j; k++) s -= L[j * p + k] * L[j * p + k];
    if (!(s > 0)) return false;
    const d = Math.sqrt(s);
    L[j * p + j] = d;
    for (let i = j + 1; i < p; i++) {
      let t = R[i * p + j];
      for (let k = 0; k < j; k++) t -= L[i * p + k] * L[j * p + k];
      L[i * p + j] = t / d;
    }
  }
  return true;
}

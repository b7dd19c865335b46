import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { UserInputError } from '../../util/errors';
import { assertFinite, checkChoice, checkMatrix, checkOpenUnit, columnLabel, describeBadValue, isMissing } from '../internal/validate';
import { completeColumns, covariance, covarianceMatrix, cov2cor, dropIndex, mean, presentPairs, presentValues, sumAll, trace, variance } from '../internal/moments';
import { fQuantile } from '../internal/distributions';

export interface ReliabilityOptions {
  /** Item (column) names, used in the output and in messages. */
  names?: readonly string[];
  /**
   * Reverse-keyed items: a boolean per item, or the names of the items to reverse
   * (then `names` is required). Reversed items are scored `min + max - x`, as
   * psych's `keys`; `min` and `max` are then required (the response scale's ends,
   * e.g. 1 and 5).
   */
  reverse?: readonly boolean[] | readonly string[];
  /** Lowest possible response (for reversing). */
  min?: number;
  /** Highest possible response (for reversing). */
  max?: number;
  /**
   * Missing values (null/undefined). Without this option a missing value throws.
   * `'listwise'`: drop every case with a missing item first (SPSS RELIABILITY).
   * `'pairwise'`: covariances from pairwise-complete cases (psych::alpha's default);
   * cases with no answers at all are dropped.
   */
  missing?: 'listwise' | 'pairwise';
  /** Level of the Feldt confidence interval; default 0.95. */
  ciLevel?: number;
}

/** Item statistics, one per item (column), in column order. */
export interface ReliabilityItem {
  /** 0-based column index. */
  index: number;
  /** Name from `options.names`, else null. */
  name: string | null;
  /** Whether the item was reverse-scored before the analysis. */
  reversed: boolean;
  /** Number of values used for the item's mean and sd. */
  n: number;
  /** Item mean (after reversing). */
  mean: number;
  /** Item standard deviation (n - 1). */
  sd: number;
  /** Corrected item-total correlation: the item with the sum of the other items (SPSS; psych r.drop). Null if the rest has no variance. */
  itemRestR: number | null;
  /** Cronbach's alpha of the other items (raw); null with 2 items. */
  alphaIfDeleted: number | null;
  /** Standardized alpha of the other items; null with 2 items. */
  stdAlphaIfDeleted: number | null;
  /** Mean of the sum of the other items. */
  scaleMeanIfDeleted: number;
  /** Variance of the sum of the other items. */
  scaleVarianceIfDeleted: number;
  /** Squared multiple correlation of the item on the others; null if the correlation matrix is singular. */
  smc: number | null;
}

export interface ReliabilityResult {
  nItems: number;
  /** Cases used (after listwise deletion, or with at least one answer under pairwise). */
  nCases: number;
  /** Cases dropped (incomplete under listwise; empty under pairwise). */
  nDropped: number;
  /** 0-based indices of the dropped cases. */
  droppedRows: number[];
  /** How missing values were handled ('none' when there were none). */
  missing: 'none' | 'listwise' | 'pairwise';
  /** Cronbach's alpha from the covariance matrix. */
  alpha: number;
  /** Alpha based on standardized items (from the correlation matrix). */
  stdAlpha: number;
  /** Feldt (1987) confidence interval of alpha. */
  ci: { lower: number; upper: number; level: number; method: 'Feldt' };
  /** Mean inter-item correlation. */
  averageR: number;
  /** Guttman's lambda 6 (psych's G6(smc)); null if the correlation matrix is singular. */
  lambda6: number | null;
  /** Sum score: mean, variance, sd (SPSS "Scale Statistics"). */
  scale: { mean: number; variance: number; sd: number };
  /** Mean-of-items score (psych's total mean and sd). */
  meanScore: { mean: number; sd: number };
  items: ReliabilityItem[];
  /** Inter-item covariance matrix (after reversing). */
  covariance: number[][];
  /** Inter-item correlation matrix. */
  correlation: number[][];
  /** Things the reader should know (dropped cases, undefined statistics). */
  notes: string[];
}

/**
 * Cronbach's alpha and item analysis, like SPSS RELIABILITY (MODEL=ALPHA,
 * /STATISTICS=SCALE /SUMMARY=TOTAL) and R's psych::alpha. Rows = cases, columns = items.
 *
 * With k items, inter-item covariance matrix C and correlation matrix R:
 *   alpha        = k/(k-1) (1 - tr(C) / sum(C))                      (Cronbach 1951)
 *   std. alpha   = k/(k-1) (1 - k / sum(R))
 *   average r    = (sum(R) - k) / (k (k-1))
 *   smc_i        = 1 - 1 / (R^-1)_ii
 *   lambda 6     = 1 - (k - sum(smc)) / sum(R)                       (Guttman 1945; psych G6)
 *   Feldt CI     = 1 - (1 - alpha) F_{1-p/2}(n-1, (n-1)(k-1)) .. 1 - (1 - alpha) F_{p/2}(...)  (Feldt 1987; psych alpha.ci)
 *   item-rest r  = (sum_j C_ij - C_ii) / sqrt(C_ii sum(C without item i))       (psych r.drop)
 *   alpha if item deleted: the alpha formula on C without row/column i.
 * Scale statistics refer to the sum score (mean = sum of item means, variance =
 * sum(C)); `meanScore` to the mean of the items (psych's default "total").
 *
 * Missing data: `missing: 'listwise'` drops incomplete cases (then everything equals
 * SPSS). `missing: 'pairwise'` follows psych: C from pairwise-complete cases (each
 * variance from all of the item's values), R = cov2cor(C), item means/sds from all
 * available values, meanScore from each case's mean of its answered items; `scale`
 * then is the sum of item means and sum(C). The Feldt n is the number of cases used.
 *
 * References: Cronbach (1951), Psychometrika 16, 297-334; Feldt, Woodruff & Salih
 * (1987), Applied Psychological Measurement 11, 93-103; Guttman (1945),
 * Psychometrika 10, 255-282; Revelle, psych::alpha (R).
 *
 * Validated against psych 2.2.9 alpha() (raw_alpha, std.alpha, G6(smc), average_r,
 * mean/sd of the total, Feldt CI, item n/mean/sd, r.drop, alpha.drop raw and std,
 * smc) on the Denis (2016) SPSS example, R's `attitude` data, a 150 x 6 Likert
 * set with a reversed item, and the same with 6% missing values under both
 * missing options, to 1e-6; and against the published SPSS output of Denis (2016)
 * (alpha .633, standardized .691, item means/sds, item 1's item-total row) at
 * its printed precision.
 *
 * Throws {@link UserInputError} for fewer than 2 items or 3 cases, a ragged matrix,
 * non-finite values, missing values without a `missing` option, an item with zero
 * variance (named), a reversed item outside [min, max], or a total score without variance.
 *
 * Differences from psych: psych deletes a zero-variance item with a warning (we
 * throw); psych uses a pseudo-inverse for a singular correlation matrix (we return
 * smc and lambda 6 as null with a note); psych takes min/max for reversing from the
 * data (we require the scale's min and max).
 *
 * @example
 *   // Denis (2016): 10 cases x 5 items, SPSS reports alpha .633 (standardized .691)
 *   const r = reliability([[10,12,15,11,12],[12,18,12,12,1],[8,16,14,14,4],[6,8,16,8,6],[4,7,8,7,5],
 *                          [6,6,3,7,3],[3,4,6,5,8],[7,3,7,9,9],[8,9,4,10,10],[9,5,6,11,12]]);
 *   r.alpha;                     // 0.6332
 *   r.stdAlpha;                  // 0.6913
 *   r.items[0].itemRestR;        // 0.712 (SPSS "Corrected Item-Total Correlation")
 *   r.items[0].scaleVarianceIfDeleted; // 108.9
 */
export function reliability(
  matrix: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
  options: ReliabilityOptions = {},
): ReliabilityResult {
  const names = options.names;
  const ciLevel = options.ciLevel ?? 0.95;
  checkOpenUnit(ciLevel, 'options.ciLevel');
  const missingOpt = options.missing === undefined ? undefined : checkChoice(options.missing, ['listwise', 'pairwise'] as const, 'options.missing');
  const { nRows, nCols: k, hasMissing } = checkMatrix(matrix, {
    what: 'matrix',
    allowMissing: true,
    names,
    columnNoun: 'item',
    rowNoun: 'case',
  });
  if (k < 2) {
    throw new UserInputError(`reliability needs at least 2 items (columns) but the matrix has ${k}; rows are cases, columns are items.`);
  }
  if (hasMissing && missingOpt === undefined) {
    const i = matrix.findIndex((row) => row.some(isMissing));
    const j = matrix[i].findIndex(isMissing);
    throw new UserInputError(
      `matrix has missing values (first: case ${i}, ${columnLabel(j, names)}); pass { missing: 'listwise' } to drop incomplete cases (as SPSS) ` +
        `or { missing: 'pairwise' } for pairwise-complete covariances (as psych::alpha).`,
    );
  }

  // Reverse keying.
  const reversed = resolveReverse(options, k);
  const anyReversed = reversed.some(Boolean);
  let lo = 0;
  let hi = 0;
  if (anyReversed) {
    if (typeof options.min !== 'number' || typeof options.max !== 'number' || !Number.isFinite(options.min) || !Number.isFinite(options.max) || !(options.min < options.max)) {
      throw new UserInputError(
        `reverse-keyed items need the response scale's ends: pass options.min and options.max (e.g. { min: 1, max: 5 }) with min < max; got min ${describeBadValue(options.min)}, max ${describeBadValue(options.max)}.`,
      );
    }
    lo = options.min;
    hi = options.max;
  }
  const x: (number | null)[][] = matrix.map((row, i) =>
    row.map((v, j) => {
      if (isMissing(v)) return null;
      if (!reversed[j]) return v;
      if (v < lo || v > hi) {
        throw new UserInputError(`matrix[${i}][${j}] = ${v} lies outside [min, max] = [${lo}, ${hi}] of reverse-keyed ${columnLabel(j, names)}; fix the value or the min/max options.`);
      }
      return lo + hi - v;
    }),
  );

  // Missing data.
  const droppedRows: number[] = [];
  const rows: (number | null)[][] = [];
  x.forEach((row, i) => {
    const drop = missingOpt === 'pairwise' ? row.every((v) => v === null) : row.some((v) => v === null);
    if (drop) droppedRows.push(i);
    else rows.push(row);
  });
  const n = rows.length;
  if (n < 3) {
    throw new UserInputError(
      `reliability needs at least 3 cases but has ${n}` +
        (droppedRows.length ? ` after dropping ${droppedRows.length} of ${nRows} ${missingOpt === 'pairwise' ? 'empty' : 'incomplete'} cases` : '') +
        '; add cases (rows are cases, columns are items).',
    );
  }
  const pairwise = missingOpt === 'pairwise' && hasMissing;

  // Item moments and the covariance matrix.
  // Complete data: every column in one row-major pass into typed arrays (the
  // same numbers, far less allocation on 10^5-10^6 cases).
  const columns = pairwise ? null : completeColumns(rows as number[][], k);
  const itemValues: Array<number[] | Float64Array> = columns ?? Array.from({ length: k }, (_, j) => presentValues(rows, j));
  const itemMeans = itemValues.map((v) => (v.length ? mean(v) : NaN));
  itemValues.forEach((v, j) => {
    if (v.length < 3) {
      throw new UserInputError(`${columnLabel(j, names)} has ${v.length} answers; every item needs at least 3 (drop the item or add cases).`);
    }
    if (variance(v, itemMeans[j]) === 0) {
      throw new UserInputError(
        `${columnLabel(j, names)} has zero variance (every case answered ${v[0]}); it cannot contribute to alpha - remove it from the scale.`,
      );
    }
  });
  let C: number[][];
  if (pairwise) {
    C = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let a = 0; a < k; a++) {
      C[a][a] = variance(itemValues[a], itemMeans[a]);
      for (let b = a + 1; b < k; b++) {
        const [xa, xb] = presentPairs(rows, a, b);
        if (xa.length < 3) {
          throw new UserInputError(
            `${columnLabel(a, names)} and ${columnLabel(b, names)} were answered together by only ${xa.length} cases; pairwise covariances need at least 3 (use missing: 'listwise' or drop an item).`,
          );
        }
        C[a][b] = C[b][a] = covariance(xa, xb);
      }
    }
  } else {
    C = covarianceMatrix(rows as number[][], columns!, itemMeans);
  }
  const sumC = sumAll(C);
  if (!(sumC > 0)) {
    throw new UserInputError('the sum score has no variance (the items cancel each other out); check which items need reverse keying.');
  }
  const R = cov2cor(C);
  const sumR = sumAll(R);
  const notes: string[] = [];
  if (droppedRows.length) {
    notes.push(
      missingOpt === 'pairwise'
        ? `${droppedRows.length} case(s) without any answer were dropped.`
        : `${droppedRows.length} of ${nRows} case(s) with a missing item were dropped (listwise).`,
    );
  }
  if (pairwise) notes.push('pairwise: covariances from pairwise-complete cases; scale mean/variance are the sum of item means and sum(C).');

  const alphaOf = (M: number[][]) => (M.length / (M.length - 1)) * (1 - trace(M) / sumAll(M));
  const alpha = alphaOf(C);
  const stdAlpha = (k / (k - 1)) * (1 - k / sumR);
  const averageR = (sumR - k) / (k * (k - 1));
  const smc = squaredMultipleCorrelations(R);
  if (!smc) notes.push('the correlation matrix is not positive definite (singular or pairwise-inconsistent): SMCs and lambda 6 are not computed.');
  const lambda6 = smc ? 1 - (k - smc.reduce((a, b) => a + b, 0)) / sumR : null;

  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  const p = 1 - ciLevel;
  const ci = {
    lower: 1 - (1 - alpha) * fQuantile(1 - p / 2, df1, df2),
    upper: 1 - (1 - alpha) * fQuantile(p / 2, df1, df2),
    level: ciLevel,
    method: 'Feldt' as const,
  };

  if (k === 2) notes.push('with 2 items, alpha if item deleted is undefined (null).');
  const totalMean = itemMeans.reduce((a, b) => a + b, 0);
  const items: ReliabilityItem[] = Array.from({ length: k }, (_, j) => {
    const restVar = sumAll(C, j);
    const cov = C[j].reduce((a, b) => a + b, 0) - C[j][j];
    const itemRestR = restVar > 0 ? cov / Math.sqrt(C[j][j] * restVar) : null;
    if (itemRestR === null) notes.push(`the other items than ${columnLabel(j, names)} sum to a constant: its item-rest correlation is undefined.`);
    let alphaIfDeleted: number | null = null;
    let stdAlphaIfDeleted: number | null = null;
    if (k > 2) {
      if (restVar > 0) alphaIfDeleted = alphaOf(dropIndex(C, j));
      stdAlphaIfDeleted = ((k - 1) / (k - 2)) * (1 - (k - 1) / sumAll(R, j));
    }
    return {
      index: j,
      name: names ? names[j] : null,
      reversed: reversed[j],
      n: itemValues[j].length,
      mean: itemMeans[j],
      sd: Math.sqrt(C[j][j]),
      itemRestR,
      alphaIfDeleted,
      stdAlphaIfDeleted,
      scaleMeanIfDeleted: totalMean - itemMeans[j],
      scaleVarianceIfDeleted: restVar,
      smc: smc ? smc[j] : null,
    };
  });

  let meanScore: { mean: number; sd: number };
  if (pairwise) {
    const personMeans = rows.map((row) => mean(row.filter((v): v is number => v !== null)));
    const m = mean(personMeans);
    meanScore = { mean: m, sd: Math.sqrt(variance(personMeans, m)) };
  } else {
    meanScore = { mean: totalMean / k, sd: Math.sqrt(sumC) / k };
  }

  const result: ReliabilityResult = {
    nItems: k,
    nCases: n,
    nDropped: droppedRows.length,
    droppedRows,
    missing: hasMissing ? (missingOpt as 'listwise' | 'pairwise') : 'none',
    alpha,
    stdAlpha,
    ci,
    averageR,
    lambda6,
    scale: { mean: totalMean, variance: sumC, sd: Math.sqrt(sumC) },
    meanScore,
    items,
    covariance: C,
    correlation: R,
    notes,
  };
  for (const [label, v] of Object.entries({ alpha, stdAlpha, averageR, lower: ci.lower, upper: ci.upper, mean: totalMean, sd: meanScore.sd })) {
    assertFinite(v, label);
  }
  return result;
}

/** Resolves options.reverse to one boolean per item. */
function resolveReverse(options: ReliabilityOptions, k: number): boolean[] {
  const rev = options.reverse;
  if (rev === undefined) return new Array<boolean>(k).fill(false);
  if (!Array.isArray(rev)) {
    throw new UserInputError(`options.reverse must be an array (one boolean per item, or item names); got ${describeBadValue(rev)}.`);
  }
  if (rev.every((r) => typeof r === 'boolean')) {
    if (rev.length !== k) {
      throw new UserInputError(`options.reverse has ${rev.length} booleans but the matrix has ${k} items; give one per item (true = reverse-keyed).`);
    }
    return [...(rev as boolean[])];
  }
  if (rev.every((r) => typeof r === 'string')) {
    const names = options.names;
    if (!names) {
      throw new UserInputError('options.reverse lists item names, so options.names is required (one name per column).');
    }
    const out = new Array<boolean>(k).fill(false);
    for (const r of rev as string[]) {
      const j = names.indexOf(r);
      if (j < 0) throw new UserInputError(`options.reverse names item "${r}", which is not in options.names (${names.join(', ')}); fix the spelling.`);
      out[j] = true;
    }
    return out;
  }
  throw new UserInputError('options.reverse must be all booleans (one per item) or all item names, not a mix.');
}

/**
 * 1 - 1/diag(R^-1) via Cholesky; null if R is not (numerically) positive definite:
 * its smallest eigenvalue is below 1e-10 (R's eigenvalues sum to k, so this is a
 * relative criterion), e.g. an item that is the sum of others.
 */
function squaredMultipleCorrelations(R: number[][]): number[] | null {
  const M = new Matrix(R);
  const minEigen = Math.min(...new EigenvalueDecomposition(M, { assumeSymmetric: true }).realEigenvalues);
  if (!(minEigen > 1e-10)) return null;
  const chol = new CholeskyDecomposition(M);
  if (!chol.isPositiveDefinite()) return null;
  const inv = chol.solve(Matrix.eye(R.length));
  const out = R.map((_, i) => 1 - 1 / inv.get(i, i));
  return out.every(Number.isFinite) ? out : null;
}

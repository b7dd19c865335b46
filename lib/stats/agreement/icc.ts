import { UserInputError } from '../../util/errors';
import { assertFinite, checkMatrix, checkOpenUnit, isMissing } from '../internal/validate';
import { fQuantile, fUpper } from '../internal/distributions';

/** psych::ICC type names (Shrout & Fleiss forms). */
export type IccType = 'ICC1' | 'ICC2' | 'ICC3' | 'ICC1k' | 'ICC2k' | 'ICC3k';

export interface IccOptions {
  /** 1 - confidence level of the intervals; default 0.05 (95% CIs), as psych. */
  alpha?: number;
  /**
   * Missing ratings (null/undefined). Without this option a missing rating throws.
   * `'listwise'`: drop every target (row) with a missing rating; the result reports
   * how many and which were dropped.
   */
  missing?: 'listwise';
  /** Rater (column) names, used in messages. */
  names?: readonly string[];
}

/** One row of the ICC table, as a row of psych::ICC()$results. */
export interface IccRow {
  /** psych's type name. */
  type: IccType;
  /** Shrout & Fleiss (1979) name, e.g. ICC(2,1), ICC(2,k). */
  shroutFleiss: string;
  /** McGraw & Wong (1996) name, e.g. ICC(A,1). */
  mcGrawWong: string;
  /** psych's row name, e.g. Single_random_raters. */
  label: string;
  /** Plain description of the model and unit. */
  description: string;
  icc: number;
  /** F statistic of the test of ICC = 0. */
  F: number;
  df1: number;
  /**
   * Denominator df of the F test, as psych reports it: n(k-1) for ICC1/ICC1k,
   * (n-1)(k-1) otherwise. (The CI of ICC2/ICC2k uses Satterthwaite's df instead;
   * see {@link IccResult.anova}.satterthwaiteDf.)
   */
  df2: number;
  /** Upper-tail p of F(df1, df2). */
  p: number;
  /**
   * Lower confidence bound (level 1 - alpha). Null, with `note`, when the formula
   * is undefined (e.g. ICC2/ICC2k with a strongly negative ICC2, where psych
   * returns NaN).
   */
  lower: number | null;
  /** Upper confidence bound; null as `lower`. */
  upper: number | null;
  /** Why a bound is null, otherwise null. */
  note: string | null;
}

/** Two-way ANOVA of the targets x raters matrix, after listwise deletion. */
export interface IccAnova {
  /** Number of targets (rows) used. */
  n: number;
  /** Number of raters (columns). */
  k: number;
  /** Between-targets mean square (psych: MSB), df n - 1. */
  MSR: number;
  /** Between-raters mean square (psych: MSJ), df k - 1. */
  MSC: number;
  /** Residual mean square, df (n-1)(k-1). */
  MSE: number;
  /** Within-target mean square of the one-way model, df n(k-1). */
  MSW: number;
  dfR: number;
  dfC: number;
  dfE: number;
  dfW: number;
  /** Satterthwaite-type df used for the ICC2/ICC2k confidence limits (psych's v). */
  satterthwaiteDf: number;
}

export interface IccResult {
  /** The six forms, in psych's order: ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k. */
  table: IccRow[];
  anova: IccAnova;
  /** The alpha used for the intervals. */
  alpha: number;
  /** Number of targets dropped for missing ratings (listwise). */
  nDropped: number;
  /** 0-based indices of the dropped targets. */
  droppedRows: number[];
}

const FORMS: ReadonlyArray<Pick<IccRow, 'type' | 'shroutFleiss' | 'mcGrawWong' | 'label' | 'description'>> = [
  { type: 'ICC1', shroutFleiss: 'ICC(1,1)', mcGrawWong: 'ICC(1)', label: 'Single_raters_absolute', description: 'one-way random effects, absolute agreement, single rater' },
  { type: 'ICC2', shroutFleiss: 'ICC(2,1)', mcGrawWong: 'ICC(A,1)', label: 'Single_random_raters', description: 'two-way random effects, absolute agreement, single rater' },
  { type: 'ICC3', shroutFleiss: 'ICC(3,1)', mcGrawWong: 'ICC(C,1)', label: 'Single_fixed_raters', description: 'two-way mixed effects, consistency, single rater' },
  { type: 'ICC1k', shroutFleiss: 'ICC(1,k)', mcGrawWong: 'ICC(k)', label: 'Average_raters_absolute', description: 'one-way random effects, absolute agreement, mean of k raters' },
  { type: 'ICC2k', shroutFleiss: 'ICC(2,k)', mcGrawWong: 'ICC(A,k)', label: 'Average_random_raters', description: 'two-way random effects, absolute agreement, mean of k raters' },
  { type: 'ICC3k', shroutFleiss: 'ICC(3,k)', mcGrawWong: 'ICC(C,k)', label: 'Average_fixed_raters', description: 'two-way mixed effects, consistency, mean of k raters' },
];

/**
 * Intraclass correlations of a targets x raters matrix: the six Shrout & Fleiss
 * (1979) forms, as R's psych::ICC computes them with the classical ANOVA
 * (`lmer = FALSE`). Rows = targets (subjects; in this project: the items),
 * columns = raters (in this project: the respondents of a network).
 *
 * Two-way ANOVA without replication (n targets, k raters, grand mean M):
 *   MSR = k sum_i (row_i - M)^2 / (n-1)                      (between targets; psych MSB)
 *   MSC = n sum_j (col_j - M)^2 / (k-1)                      (between raters;  psych MSJ)
 *   MSE = sum_ij (x_ij - row_i - col_j + M)^2 / ((n-1)(k-1)) (residual)
 *   MSW = sum_ij (x_ij - row_i)^2 / (n(k-1))                  (one-way within targets)
 * Coefficients:
 *   ICC1  = (MSR - MSW) / (MSR + (k-1) MSW)          ICC1k = (MSR - MSW) / MSR
 *   ICC2  = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n)
 *   ICC2k = (MSR - MSE) / (MSR + (MSC - MSE) / n)
 *   ICC3  = (MSR - MSE) / (MSR + (k-1) MSE)          ICC3k = (MSR - MSE) / MSR
 * F tests: ICC1/ICC1k F = MSR/MSW on (n-1, n(k-1)); the others F = MSR/MSE on
 * (n-1, (n-1)(k-1)); p = P(F > f).
 * CIs (McGraw & Wong 1996, as in psych): with FL = F / qf(1-alpha/2, df1, df2) and
 * FU = F * qf(1-alpha/2, df2, df1): ICC1/ICC3 bounds (FL-1)/(FL+k-1), (FU-1)/(FU+k-1);
 * ICC1k/ICC3k bounds 1 - 1/FL, 1 - 1/FU. ICC2 uses Satterthwaite's
 *   v = (k-1)(n-1) (k ICC2 Fj + n(1+(k-1)ICC2) - k ICC2)^2 /
 *       ((n-1) k^2 ICC2^2 Fj^2 + (n(1+(k-1)ICC2) - k ICC2)^2),  Fj = MSC/MSE,
 *   lower = n(MSR - F* MSE) / (F* (k MSC + (kn - k - n) MSE) + n MSR), F* = qf(1-alpha/2, n-1, v)
 *   upper = n(F* MSR - MSE) / (k MSC + (kn - k - n) MSE + n F* MSR),   F* = qf(1-alpha/2, v, n-1)
 * and ICC2k's bounds are the Spearman-Brown step-up L k / (1 + L (k-1)).
 *
 * References: Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in
 * assessing rater reliability. Psychological Bulletin, 86, 420-428. McGraw, K. O., &
 * Wong, S. P. (1996). Forming inferences about some intraclass correlation
 * coefficients. Psychological Methods, 1, 30-46. Revelle, psych::ICC (R).
 *
 * Validated: Shrout & Fleiss (1979) Table 2 data against their published values
 * (.17, .29, .71, .44, .62, .91; 2 decimals) and against psych 2.2.9 ICC(lmer = FALSE)
 * on that data, a 30 x 8 rater matrix (two alpha levels), a 55 x 12 items x
 * respondents matrix and a matrix with missing ratings (listwise), every field to 1e-6.
 *
 * Note: psych's default `lmer = TRUE` gives a different MSW (sigma^2(raters) + MSE)
 * and hence different ICC1/ICC1k; this function follows the classical definitions.
 *
 * Throws {@link UserInputError} for a ragged matrix, non-finite values, fewer than
 * 2 targets or 2 raters, missing ratings without `missing: 'listwise'`, all ratings
 * equal, no between-target variance, no residual variance (F and CIs undefined), or
 * a coefficient whose denominator is 0. A confidence bound that is undefined (psych:
 * NaN, e.g. ICC2 with a strongly negative ICC2) is null with a `note`. With negative
 * ICCs (MSR < MSE) the bounds can be odd (e.g. ICC2k's step-up crossing its pole),
 * exactly as in psych; such ICCs mean "no agreement" and the CIs are not worth reading.
 *
 * @example
 *   // Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges
 *   const r = icc([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]);
 *   r.table.find((x) => x.type === 'ICC2')!.icc; // 0.2898 (published .29)
 *   r.anova; // { n: 6, k: 4, MSR: 11.24, MSC: 32.49, MSE: 1.019, MSW: 6.264, ... }
 */
export function icc(matrix: ReadonlyArray<ReadonlyArray<number | null | undefined>>, options: IccOptions = {}): IccResult {
  const alpha = options.alpha ?? 0.05;
  checkOpenUnit(alpha, 'options.alpha');
  if (options.missing !== undefined && options.missing !== 'listwise') {
    throw new UserInputError(`options.missing must be 'listwise' (or left out); got ${JSON.stringify(options.missing)}.`);
  }
  const names = options.names;
  const { nRows, nCols: k, hasMissing } = checkMatrix(matrix, {
    what: 'matrix',
    allowMissing: options.missing === 'listwise',
    names,
    columnNoun: 'rater',
    rowNoun: 'target',
    missingHint: "pass { missing: 'listwise' } to drop targets with a missing rating.",
  });
  if (k < 2) {
    throw new UserInputError(`icc needs at least 2 raters (columns) but the matrix has ${k}; rows are targets, columns are raters.`);
  }
  const droppedRows: number[] = [];
  const x: number[][] = [];
  matrix.forEach((row, i) => {
    if (hasMissing && row.some(isMissing)) droppedRows.push(i);
    else x.push(row as number[]);
  });
  const n = x.length;
  if (n < 2) {
    throw new UserInputError(
      `icc needs at least 2 targets (rows) with complete ratings but has ${n}` +
        (droppedRows.length ? ` (${droppedRows.length} of ${nRows} dropped for missing ratings)` : '') +
        '; add targets or check the orientation (rows = targets, columns = raters).',
    );
  }

  // Two-way ANOVA without replication.
  const rowMean = x.map((row) => row.reduce((a, b) => a + b, 0) / k);
  const colMean = new Array<number>(k).fill(0);
  for (const row of x) for (let j = 0; j < k; j++) colMean[j] += row[j];
  for (let j = 0; j < k; j++) colMean[j] /= n;
  const grand = rowMean.reduce((a, b) => a + b, 0) / n;

  let ssR = 0;
  for (const m of rowMean) ssR += (m - grand) ** 2;
  ssR *= k;
  let ssC = 0;
  for (const m of colMean) ssC += (m - grand) ** 2;
  ssC *= n;
  let ssE = 0;
  let ssW = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      ssE += (x[i][j] - rowMean[i] - colMean[j] + grand) ** 2;
      ssW += (x[i][j] - rowMean[i]) ** 2;
    }
  }
  if (ssR === 0 && ssW === 0) {
    throw new UserInputError('all ratings in the matrix are equal; the ICC is undefined (0/0). Check that the right columns were selected.');
  }
  if (ssR <= 1e-14 * (ssR + ssW)) {
    throw new UserInputError(
      'every target has the same mean rating (no between-target variance, MSR = 0), so the ICCs for averaged ratings are undefined; ' +
        'check the orientation (rows = targets, columns = raters).',
    );
  }
  // Residual variance zero (or rounding noise): every rater is the same up to a constant shift.
  const scale = ssR + ssW;
  if (ssE <= 1e-14 * scale) {
    throw new UserInputError(
      'the ratings have no residual variance (each rater equals another up to a constant shift), so the F tests and confidence intervals are undefined; the consistency ICCs are 1 by definition.',
    );
  }

  const dfR = n - 1;
  const dfC = k - 1;
  const dfE = (n - 1) * (k - 1);
  const dfW = n * (k - 1);
  const MSR = ssR / dfR;
  const MSC = ssC / dfC;
  const MSE = ssE / dfE;
  const MSW = ssW / dfW;

  // A denominator that is zero up to rounding (relative to the mean squares)
  // is treated as zero: the ICC is undefined there, not a huge number.
  const tiny = 1e-12 * (MSR + MSC + MSE + MSW);
  const ratio = (num: number, den: number) => (Math.abs(den) <= tiny ? NaN : num / den);
  const ICC1 = ratio(MSR - MSW, MSR + (k - 1) * MSW);
  const ICC2 = ratio(MSR - MSE, MSR + (k - 1) * MSE + (k * (MSC - MSE)) / n);
  const ICC3 = ratio(MSR - MSE, MSR + (k - 1) * MSE);
  const ICC1k = ratio(MSR - MSW, MSR);
  const ICC2k = ratio(MSR - MSE, MSR + (MSC - MSE) / n);
  const ICC3k = ratio(MSR - MSE, MSR);

  const F1 = MSR / MSW;
  const F3 = MSR / MSE;
  const p1 = fUpper(F1, dfR, dfW);
  const p3 = fUpper(F3, dfR, dfE);

  const q = 1 - alpha / 2;
  const F1L = F1 / fQuantile(q, dfR, dfW);
  const F1U = F1 * fQuantile(q, dfW, dfR);
  const F3L = F3 / fQuantile(q, dfR, dfE);
  const F3U = F3 * fQuantile(q, dfE, dfR);

  const Fj = MSC / MSE;
  const a = n * (1 + (k - 1) * ICC2) - k * ICC2;
  const vn = (k - 1) * (n - 1) * (k * ICC2 * Fj + a) ** 2;
  const vd = (n - 1) * k * k * ICC2 * ICC2 * Fj * Fj + a * a;
  const v = vn / vd;
  const FsU = fQuantile(q, n - 1, v);
  const FsL = fQuantile(q, v, n - 1);
  const L2 = (n * (MSR - FsU * MSE)) / (FsU * (k * MSC + (k * n - k - n) * MSE) + n * MSR);
  const U2 = (n * (FsL * MSR - MSE)) / (k * MSC + (k * n - k - n) * MSE + n * FsL * MSR);

  const values: Record<IccType, [number, number, number, number, number, number, number]> = {
    // icc, F, df1, df2, p, lower, upper
    ICC1: [ICC1, F1, dfR, dfW, p1, (F1L - 1) / (F1L + k - 1), (F1U - 1) / (F1U + k - 1)],
    ICC2: [ICC2, F3, dfR, dfE, p3, L2, U2],
    ICC3: [ICC3, F3, dfR, dfE, p3, (F3L - 1) / (F3L + k - 1), (F3U - 1) / (F3U + k - 1)],
    ICC1k: [ICC1k, F1, dfR, dfW, p1, 1 - 1 / F1L, 1 - 1 / F1U],
    ICC2k: [ICC2k, F3, dfR, dfE, p3, (L2 * k) / (1 + L2 * (k - 1)), (U2 * k) / (1 + U2 * (k - 1))],
    ICC3k: [ICC3k, F3, dfR, dfE, p3, 1 - 1 / F3L, 1 - 1 / F3U],
  };
  const table: IccRow[] = FORMS.map((form) => {
    const [iccValue, F, df1, df2, p, lower, upper] = values[form.type];
    if (!Number.isFinite(iccValue)) {
      throw new UserInputError(
        `${form.type} is undefined for these data (its denominator is 0: the targets differ no more than the raters' error, MSR = ${MSR}, MSE = ${MSE}); ` +
          'an ICC is not meaningful here - check the orientation (rows = targets, columns = raters) and that the targets differ.',
      );
    }
    assertFinite(F, `${form.type} F`);
    assertFinite(p, `${form.type} p`);
    const ok = Number.isFinite(lower) && Number.isFinite(upper);
    return {
      ...form,
      icc: iccValue,
      F,
      df1,
      df2,
      p,
      lower: ok ? lower : null,
      upper: ok ? upper : null,
      note: ok
        ? null
        : form.type === 'ICC2' || form.type === 'ICC2k'
          ? `confidence interval undefined: the Satterthwaite df (${v}) gives no finite F quantile (ICC2 = ${ICC2} is strongly negative)`
          : 'confidence interval undefined for these data (division by zero)',
    };
  });
  return {
    table,
    anova: { n, k, MSR, MSC, MSE, MSW, dfR, dfC, dfE, dfW, satterthwaiteDf: v },
    alpha,
    nDropped: droppedRows.length,
    droppedRows,
  };
}

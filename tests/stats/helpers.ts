/**
 * Shared test helpers for tests/stats: typed access to the R reference values in
 * tests/fixtures/psych-reference.json (written by tests/r/psych-reference.R) and a
 * tracker of the largest absolute difference per suite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export type Num = number | null;

export interface IccRef {
  name: string;
  data: Num[][];
  ref: {
    alpha: number;
    n: number;
    k: number;
    MSR: number;
    MSC: number;
    MSE: number;
    MSW: number;
    dropped?: number;
    results: { type: string; icc: number; F: number; df1: number; df2: number; p: number; lower: number; upper: number }[];
  };
}

export interface AlphaRef {
  name: string;
  data: Num[][];
  names?: string[];
  keys?: number[];
  min?: number;
  max?: number;
  ref: {
    raw_alpha: number;
    std_alpha: number;
    G6: number;
    average_r: number;
    mean_score: { mean: number; sd: number };
    sum_score: { mean?: number; sd?: number };
    feldt: { lower: number; upper: number };
    n_obs: number;
    dropped?: number;
    items: {
      n: number;
      mean: number;
      sd: number;
      r_drop: number;
      alpha_drop_raw: number;
      alpha_drop_std: number;
      smc: number;
      scale_mean_if_deleted: number;
      scale_var_if_deleted: number;
    }[];
  };
}

export interface CorRef {
  name: string;
  x: Num[];
  y: Num[];
  refs: {
    method: 'pearson' | 'spearman' | 'kendall';
    alternative: 'two.sided' | 'less' | 'greater';
    n: number;
    estimate: number;
    statistic: number;
    df: number | null;
    p: number;
    lower: number | null;
    upper: number | null;
  }[];
}

export interface DescribeRef {
  rows: Record<string, string | number | null>[];
  refs: {
    band: '2se' | 't95';
    group: string;
    variable: string;
    n: number;
    mean: Num;
    sd: Num;
    se: Num;
    lower: Num;
    upper: Num;
  }[];
}

export interface PsychReference {
  R_version: string;
  psych_version: string;
  icc: IccRef[];
  alpha: AlphaRef[];
  correlation: CorRef[];
  describe: DescribeRef;
}

export const reference: PsychReference = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'psych-reference.json'), 'utf8'),
) as PsychReference;

/** Tolerance for agreement with R/psych (both compute in double precision). */
export const R_TOL = 1e-6;

/** Records the largest absolute difference seen, for the summary line of a suite. */
export class MaxDiff {
  max = 0;
  /** Asserts |actual - expected| <= tol and remembers the difference. */
  check(actual: number | null | undefined, expected: number, tol: number, label: string): void {
    expect(actual, label).not.toBeNull();
    expect(actual, label).not.toBeUndefined();
    const d = Math.abs((actual as number) - expected);
    expect(d, `${label}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tol);
    this.max = Math.max(this.max, d);
  }
}

/** Deep copy that keeps -0, undefined and NaN (to check that inputs are not mutated). */
export function clone<T>(x: T): T {
  return structuredClone(x);
}

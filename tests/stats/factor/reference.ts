/**
 * Reads tests/fixtures/fa-reference.json (written by tests/r/fa-reference.R) and
 * offers comparison helpers for the factor-analysis tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

type Matrix = (number | null)[][];

export interface FaCase {
  nfactors: number;
  method: 'minres' | 'pa' | 'ml';
  rotate: 'none' | 'varimax' | 'oblimin' | 'promax';
  initial_communalities?: number[];
  max_iter?: number;
  factors: string | string[];
  loadings: Matrix;
  phi: Matrix | null;
  structure: Matrix;
  communality: number | number[];
  uniquenesses: number | number[];
  complexity: number | number[];
  values: number[];
  e_values: number[];
  ss_loadings: number | number[];
  proportion: number | number[];
  cumulative: number | number[];
  proportion_explained: number | number[];
  cumulative_proportion: number | number[];
  objective: number;
  statistic: number | null;
  dof: number;
  pval: number | null;
  rmsea: number | null;
  tli: number | null;
  bic: number | null;
  null_model: number;
  null_chisq: number | null;
  null_dof: number;
  rms: number;
  crms: number | null;
  chi: number | null;
  epval: number | null;
  fit_off: number;
  residual?: Matrix | null;
  n_obs: number | null;
}

export interface FaSet {
  name: string;
  correlation: boolean;
  n?: number;
  names?: string[];
  missing?: 'pairwise' | 'listwise';
  dropped?: number;
  data: (number | null)[][];
  fa: FaCase[];
  extras: {
    kmo: { msa: number; msai: number[] };
    bartlett: { chisq: number; df: number; p: number };
    parallel_observed: Record<'minres' | 'pa' | 'ml', { pc_values: number[]; fa_values: number[] }>;
  };
}

export interface OptimCase {
  name: string;
  start: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  control: Record<string, number> | [];
  par: number[];
  value: number;
  counts: number;
  convergence: number;
  message: string;
}

export interface FaReference {
  R_version: string;
  psych_version: string;
  GPArotation_version: string;
  sets: FaSet[];
  optim: OptimCase[];
  parallel_simulated: {
    name: string;
    n_iter: number;
    pc_sim_mean: number[];
    fa_sim_mean: number[];
    nfact: number;
    ncomp: number;
  };
}

export const reference: FaReference = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'fa-reference.json'), 'utf8'),
);

/** jsonlite writes length-1 vectors as scalars. */
export function asArray<T>(x: T | T[] | null | undefined): T[] {
  if (x === null || x === undefined) return [];
  return Array.isArray(x) ? x : [x];
}

/** Options for lib/stats/factor functions that reproduce the reference set's input. */
export function inputOptions(set: FaSet): { correlation?: boolean; n?: number; names?: string[]; missing?: 'pairwise' | 'listwise' } {
  const o: { correlation?: boolean; n?: number; names?: string[]; missing?: 'pairwise' | 'listwise' } = {};
  if (set.correlation) {
    o.correlation = true;
    o.n = set.n;
  }
  if (set.names) o.names = set.names;
  if (set.missing) o.missing = set.missing;
  return o;
}

/**
 * Compares numbers, arrays and matrices elementwise with tolerance
 * tol * max(1, |expected|) and records the largest absolute difference under a key.
 */
export class DiffRecorder {
  readonly max = new Map<string, number>();

  check(actual: unknown, expected: unknown, tol: number, label: string, key = label): void {
    const d = this.diff(actual, expected, tol, label);
    this.max.set(key, Math.max(this.max.get(key) ?? 0, d));
  }

  private diff(actual: unknown, expected: unknown, tol: number, label: string): number {
    if (Array.isArray(expected) || Array.isArray(actual)) {
      const a = asArray(actual as unknown[]);
      const e = asArray(expected as unknown[]);
      expect(a.length, `${label}: length`).toBe(e.length);
      let m = 0;
      for (let i = 0; i < e.length; i++) m = Math.max(m, this.diff(a[i], e[i], tol, `${label}[${i}]`));
      return m;
    }
    if (expected === null || expected === undefined) {
      expect(actual, `${label}: expected null (R NA)`).toBeNull();
      return 0;
    }
    const a = actual as number;
    const e = expected as number;
    expect(typeof a, `${label}: type`).toBe('number');
    const d = Math.abs(a - e);
    const bound = tol * Math.max(1, Math.abs(e));
    if (!(d <= bound)) expect.fail(`${label}: ${a} vs R ${e} (|diff| ${d} > ${bound})`);
    return d;
  }
}

/**
 * Typed access to tests/fixtures/cluster-resampling-reference.json (written by
 * tests/r/cluster-resampling-reference.R) for the resampling, cluster and
 * aggregation-index tests, and a tracker of the largest absolute difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

type Alt = 'two.sided' | 'greater' | 'less';
type Method = 'pearson' | 'spearman' | 'kendall';

export interface PermRef {
  name: string;
  x: number[];
  y: number[];
  cor_test: { method: Method; alternative: Alt; estimate: number; p: number }[];
  pearson_enumerated?: { observed: number; 'two.sided': number; greater: number; less: number; permutations: number };
}

export interface BootRef {
  name: string;
  n: number;
  t0: number;
  replicates: number[];
  jackknife: number[];
  acceleration: number;
  z0: number;
  bias: number;
  se: number;
  intervals: { level: number; percentile: [number, number]; bca: [number, number] }[];
}

export interface TreeRef {
  method: 'ward.D2' | 'ward.D' | 'average' | 'complete' | 'single' | 'mcquitty';
  merge: [number, number][];
  height: number[];
  order: number[];
  cutree?: { k: number; cluster: number[] }[];
  cophenetic?: number[][];
  cophenetic_correlation?: number;
}

export interface KmeansRef {
  data: 'data10x6' | 'data30x4';
  start_rows: number[];
  algorithm: 'Lloyd' | 'Hartigan-Wong';
  cluster: number[];
  centers: number[][];
  withinss: number[];
  size: number[];
  iter: number;
  totss: number;
  tot_withinss: number;
  betweenss: number;
}

export interface SilRef {
  data: 'data10x6' | 'data30x4';
  clusters: number[];
  cluster: number[];
  neighbor: number[];
  width: number[];
  cluster_average: number[];
  average: number;
}

export interface AggGroupRef {
  group: string;
  n: number;
  mean: number;
  variance: number | null;
  rwg: number | null;
  truncated: boolean;
}

export interface AggRef {
  name: string;
  rows: Record<string, string | number | null>[];
  ref: {
    items: string[] | string;
    A: number;
    dropped: number[] | number;
    MSB: number;
    MSW: number;
    F: number;
    p: number;
    df_between: number;
    df_within: number;
    k_mean: number;
    k_adjusted: number;
    icc1_adjusted: number;
    icc1_mean: number;
    icc2: number;
    error_variance: number;
    groups: AggGroupRef[];
  };
}

export interface ClusterResamplingReference {
  R_version: string;
  boot_version: string;
  cluster_version: string;
  permutation: PermRef[];
  bootstrap: BootRef[];
  leave_one_out: { x: number[]; y: number[]; refs: { method: Method; r: number; r_without: number[] }[] };
  hclust: { name: string; distance: 'euclidean' | 'manhattan' | 'maximum'; data: number[][]; trees: TreeRef[] }[];
  hclust_given: { distances: number[][]; trees: TreeRef[] };
  kmeans: { data: Record<'data10x6' | 'data30x4', number[][]>; refs: KmeansRef[] };
  silhouette: { data: Record<'data10x6' | 'data30x4', number[][]>; refs: SilRef[] };
  aggregation: AggRef[];
}

export const reference: ClusterResamplingReference = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'cluster-resampling-reference.json'), 'utf8'),
) as ClusterResamplingReference;

/** jsonlite writes a length-1 vector as a scalar; this undoes that. */
export function asArray<T>(v: T | T[]): T[] {
  return Array.isArray(v) ? v : [v];
}

/** Records the largest absolute difference seen, for the summary line of a suite. */
export class MaxDiff {
  max = 0;
  check(actual: number | null | undefined, expected: number, tol: number, label: string): void {
    expect(actual, label).not.toBeNull();
    expect(actual, label).not.toBeUndefined();
    const d = Math.abs((actual as number) - expected);
    expect(d, `${label}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tol);
    this.max = Math.max(this.max, d);
  }
}

/**
 * Typed access to tests/fixtures/large-n-findings-reference.json (written by
 * tests/r/large-n-findings-reference.R): cor.test's t-based p and Fisher-z
 * interval, the Spearman and jackknife intervals and the leave-one-out
 * coefficients on four data sets of 201 to 400 cases, for the findings'
 * large-N rule and the O(n) leave-one-out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LargeNMethodRef {
  method: 'pearson' | 'spearman';
  r: number;
  tests: { alternative: 'two.sided' | 'greater' | 'less'; estimate: number; p: number; statistic: number | null }[];
  /** Normal-theory Fisher-z interval: cor.test's conf.int (Pearson), SE 1.06 / sqrt(n - 3) (Spearman). */
  fisher_z: [number, number];
  loo: number[];
  jackknife_se: number;
  jackknife_z: [number, number];
}

export interface LargeNSetRef {
  name: string;
  n: number;
  x: number[];
  y: number[];
  methods: LargeNMethodRef[];
}

export const largeN: { generated_by: string; r_version: string; sets: LargeNSetRef[] } = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'large-n-findings-reference.json'), 'utf8'),
);

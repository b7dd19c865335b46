import { describe, expect, it } from 'vitest';
import { verdict, type VerdictInput } from '../../lib/analysis/verdict';

const base: VerdictInput = { direction: 1, stat: 0.7, pOneSided: 0.01, pTwoSided: 0.02, ci: { lower: 0.2, upper: 0.9 }, stable: 10, n: 10 };

// One row per rule of verdict.ts (and FINDING_RULES), each at the edge that decides it.
const rows: Array<[string, Partial<VerdictInput>, string, string]> = [
  ['direction: r = 0', { stat: 0 }, 'does not hold', 'zero'],
  ['direction: opposite sign', { stat: -0.4 }, 'does not hold', 'opposite'],
  ['direction: sign, p < .05, stable in N - 1 of N', { stable: 9 }, 'holds', 'holds'],
  ['direction: sign, one-sided p = .05 exactly', { pOneSided: 0.05 }, 'weak', 'weakP'],
  ['direction: sign, p < .05, stable in N - 2', { stable: 8 }, 'weak', 'weakStable'],
  ['direction -1: negative r holds', { direction: -1, stat: -0.7 }, 'holds', 'holds'],
  ['no relation: two-sided p < .05', { direction: 0, stat: 0.1, pTwoSided: 0.049, ci: { lower: -0.3, upper: 0.5 } }, 'does not hold', 'relation'],
  ['no relation: CI excludes 0', { direction: 0, stat: 0.1, pTwoSided: 0.3, ci: { lower: 0.01, upper: 0.5 } }, 'does not hold', 'relation'],
  ['no relation: |r| < .30, CI holds 0, stable in N - 1', { direction: 0, stat: -0.29, pTwoSided: 0.4, ci: { lower: -0.6, upper: 0.2 }, stable: 9 }, 'holds', 'none'],
  ['no relation: |r| = .30 exactly', { direction: 0, stat: 0.3, pTwoSided: 0.4, ci: { lower: -0.3, upper: 0.7 } }, 'weak', 'noneLarge'],
  ['no relation: |r| < .30 but stable in N - 2', { direction: 0, stat: 0.1, pTwoSided: 0.7, ci: null, stable: 8 }, 'weak', 'noneUnstable'],
];

describe('verdict: one row per rule', () => {
  it.each(rows)('%s', (_name, change, expected, rule) => {
    expect(verdict({ ...base, ...change })).toEqual({ verdict: expected, rule });
  });
});

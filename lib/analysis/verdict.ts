/**
 * The verdict on one pattern claim, by the fixed rules of evaluateFindings
 * (said in words for readers in FINDING_RULES). Pure: the statistics in, the
 * verdict and the rule that gave it out.
 *
 * A claim with a direction (+1 or -1):
 * - 'zero'         does not hold: the coefficient is 0;
 * - 'opposite'     does not hold: it has the opposite sign;
 * - 'holds'        holds: expected sign, one-sided p < .05 and stable in at
 *                  least N - 1 of the N leave-one-out subsets;
 * - 'weakP'        weak: expected sign, one-sided p >= .05;
 * - 'weakStable'   weak: expected sign and p < .05, stable in fewer subsets.
 * A claim of no relation (0):
 * - 'relation'     does not hold: two-sided p < .05 or the CI excludes 0;
 * - 'none'         holds: |r| < .30 and |r| < .30 in at least N - 1 subsets;
 * - 'noneLarge'    weak: no significant relation, but |r| >= .30;
 * - 'noneUnstable' weak: |r| < .30, but not in N - 1 subsets.
 *
 * @example
 *   verdict({ direction: 1, stat: 0.7, pOneSided: 0.01, pTwoSided: 0.02, ci: null, stable: 10, n: 10 });
 *   // => { verdict: 'holds', rule: 'holds' }
 */
import type { FindingDirection } from './findings';

export type FindingVerdict = 'holds' | 'weak' | 'does not hold' | 'not evaluated';
export type VerdictRule = 'zero' | 'opposite' | 'holds' | 'weakP' | 'weakStable' | 'relation' | 'none' | 'noneLarge' | 'noneUnstable';

/** A "no relation" claim needs |r| below this (and the stability count uses it). */
export const NO_RELATION_BELOW = 0.3;
/** Significance level of the verdict rules. */
export const FINDING_ALPHA = 0.05;

export interface VerdictInput {
  direction: FindingDirection;
  /** The coefficient (Pearson r or Spearman rho) on the N network means. */
  stat: number;
  /** One-sided p in the expected direction (claims with a direction). */
  pOneSided: number | null;
  pTwoSided: number;
  /** Bootstrap interval of the coefficient, or null when there is none. */
  ci: { lower: number; upper: number } | null;
  /** Leave-one-out subsets that keep the claim, out of n. */
  stable: number;
  n: number;
}

export function verdict(x: VerdictInput): { verdict: FindingVerdict; rule: VerdictRule } {
  const minStable = x.n - 1;
  if (x.direction !== 0) {
    const pOne = x.pOneSided as number;
    if (x.stat === 0) return { verdict: 'does not hold', rule: 'zero' };
    if (Math.sign(x.stat) !== x.direction) return { verdict: 'does not hold', rule: 'opposite' };
    if (pOne < FINDING_ALPHA && x.stable >= minStable) return { verdict: 'holds', rule: 'holds' };
    return { verdict: 'weak', rule: pOne >= FINDING_ALPHA ? 'weakP' : 'weakStable' };
  }
  const ciExcludes0 = x.ci !== null && (x.ci.lower > 0 || x.ci.upper < 0);
  if (x.pTwoSided < FINDING_ALPHA || ciExcludes0) return { verdict: 'does not hold', rule: 'relation' };
  if (Math.abs(x.stat) < NO_RELATION_BELOW && x.stable >= minStable) return { verdict: 'holds', rule: 'none' };
  return { verdict: 'weak', rule: Math.abs(x.stat) >= NO_RELATION_BELOW ? 'noneLarge' : 'noneUnstable' };
}

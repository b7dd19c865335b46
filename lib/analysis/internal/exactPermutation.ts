/**
 * Exact permutation p-values of a Pearson or Spearman correlation for all
 * three alternatives in ONE walk over the n! orderings (internal to
 * evaluateFindings, which needs the two-sided and a one-sided p of every
 * finding; two calls of `permutationTest` would walk the orderings twice).
 *
 * The walk is `permutationTest`'s own (lib/stats/resampling/internal/
 * exactEnumeration.ts): numerators of centred values (Pearson) or centred
 * doubled average ranks (Spearman), Heap's algorithm with O(1) updates, ties
 * with the observed statistic within 1e-12 on the correlation scale counted as
 * "as extreme"; p = b / n!. tests/analysis/findings.test.ts checks equality
 * with permutationTest.
 */
import { exactCounts, exactCuts, makeKernel, numerator } from '../../stats/resampling/internal/exactEnumeration';

export interface ExactPValues {
  twoSided: number;
  greater: number;
  less: number;
  permutations: number;
}

export function exactPermutationPValues(x: readonly number[], y: readonly number[], method: 'pearson' | 'spearman'): ExactPValues {
  const kernel = makeKernel(x, y, method);
  const observed = numerator(kernel, kernel.b);
  const { twoSided, greater, less } = exactCounts(kernel, exactCuts(observed, 1e-12 * kernel.scale));
  let total = 1;
  for (let i = 2; i <= x.length; i++) total *= i;
  return { twoSided: twoSided / total, greater: greater / total, less: less / total, permutations: total };
}

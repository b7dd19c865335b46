/**
 * The split (meet-in-the-middle) exact count (Pearson, Spearman) against the full walk over all
 * n! orderings (Heap's algorithm): the same counts for every alternative, on
 * random data with and without ties, at observed values from the centre to
 * the extremes of the permutation distribution.
 */
import { describe, expect, it } from 'vitest';
import { exactCounts, exactCuts, heapWalk, makeKernel, numerator } from '../../../lib/stats/resampling/internal/exactEnumeration';
import { createRandom } from '../../../lib/util/random';

function tallies(x: number[], y: number[], method: 'pearson' | 'spearman') {
  const k = makeKernel(x, y, method);
  const cuts = exactCuts(numerator(k, k.b), 1e-12 * k.scale);
  return { split: exactCounts(k, cuts), full: heapWalk(k, cuts) };
}

describe('exactCounts (split in two halves) equals the full walk', () => {
  const random = createRandom('exact-enumeration-test');
  it('on 300 random data sets, n = 4 to 8, continuous and with ties, Pearson and Spearman', () => {
    for (let rep = 0; rep < 300; rep++) {
      const n = 4 + (rep % 5);
      const ties = rep % 3 === 0;
      const draw = () => (ties ? random.int(3) : random.normal());
      const x = Array.from({ length: n }, draw);
      const y0 = Array.from({ length: n }, draw);
      // from no relation to a perfect one: small and large p
      const w = (rep % 7) / 6;
      const y = y0.map((v, i) => (1 - w) * v + w * x[i]);
      if (new Set(x).size < 2 || new Set(y).size < 2) continue;
      for (const method of ['pearson', 'spearman'] as const) {
        const { split, full } = tallies(x, y, method);
        expect(split, `rep ${rep} ${method} x=${x} y=${y}`).toEqual(full);
      }
    }
  });
  it('at n = 10 (3,628,800 orderings) for a weak, a strong and a tied relation', () => {
    const x = [3.1, 4.2, 2.7, 3.9, 4.4, 3.3, 4.1, 3.0, 3.7, 3.9];
    for (const y of [
      [2.9, 3.8, 3.5, 3.1, 4.0, 3.6, 3.3, 3.7, 3.2, 3.4],
      [3.0, 4.3, 2.9, 3.8, 4.6, 3.2, 4.0, 3.1, 3.6, 3.7],
      [1, 2, 1, 2, 3, 1, 2, 1, 3, 2],
    ]) {
      for (const method of ['pearson', 'spearman'] as const) {
        const { split, full } = tallies(x, y, method);
        expect(split).toEqual(full);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leaveOneOut } from '../../../lib/stats/resampling/leaveOneOut';
import { UserInputError } from '../../../lib/util/errors';
import { MaxDiff, reference } from '../clusterResamplingReference';

describe('leaveOneOut', () => {
  const { x, y, refs } = reference.leave_one_out;
  const labels = x.map((_, i) => `N${i + 1}`);

  it('r on all cases and on each subset equals R cor() for all three methods', () => {
    const diff = new MaxDiff();
    for (const ref of refs) {
      const r = leaveOneOut(x, y, { method: ref.method, labels });
      diff.check(r.r, ref.r, 1e-12, `${ref.method} all`);
      r.rows.forEach((row, i) => {
        expect(row.dropped).toBe(`N${i + 1}`);
        diff.check(row.r, ref.r_without[i], 1e-12, `${ref.method} without ${i}`);
        diff.check(row.change, ref.r_without[i] - ref.r, 1e-12, `${ref.method} change ${i}`);
      });
      const expectedHolds = ref.r_without.filter((v) => Math.sign(v) === Math.sign(ref.r)).length;
      expect(r.holds).toBe(expectedHolds);
      expect(r.of).toBe(10);
      expect(r.min).toBeCloseTo(Math.min(...ref.r_without), 12);
    }
    console.log(`leaveOneOut vs R cor(): max |diff| ${diff.max.toExponential(2)}`);
  });

  it('counts subsets against an expected sign', () => {
    const r = leaveOneOut([1, 2, 3, 4, 5], [2, 1, 4, 3, 10], { expectedSign: -1 });
    expect(r.holds).toBe(0);
    expect(r.mostInfluential.dropped).toBe('5');
    expect(r.mostInfluential.r).toBeCloseTo(0.6, 14);
  });

  it('gives null for a subset whose correlation is undefined', () => {
    const r = leaveOneOut([1, 1, 1, 2, 3], [1, 2, 3, 4, 5]);
    expect(r.rows.every((row) => row.r !== null)).toBe(true);
    const r2 = leaveOneOut([1, 1, 1, 2], [1, 2, 3, 4]);
    expect(r2.rows[3].r).toBeNull();
    expect(r2.rows[3].change).toBeNull();
    expect(r2.holds).toBe(3);
  });

  it('property: n rows, inputs unchanged, |r| <= 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 15 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }))),
        fc.constantFrom('pearson' as const, 'spearman' as const, 'kendall' as const),
        ([xs, ys], method) => {
          fc.pre(new Set(xs).size > 1 && new Set(ys).size > 1);
          const cx = xs.slice();
          const cy = ys.slice();
          const r = leaveOneOut(xs, ys, { method });
          expect(r.rows).toHaveLength(xs.length);
          expect(xs).toEqual(cx);
          expect(ys).toEqual(cy);
          for (const row of r.rows) if (row.r !== null) expect(Math.abs(row.r)).toBeLessThanOrEqual(1);
          expect(r.holds).toBeLessThanOrEqual(r.of);
        },
      ),
      { numRuns: 100, seed: 20240604 },
    );
  });

  it('bad input: UserInputError naming the problem and the fix', () => {
    expect(() => leaveOneOut([1, 2, 3], [1, 2, 3])).toThrow(UserInputError);
    expect(() => leaveOneOut([1, 2, 3], [1, 2, 3])).toThrow(/at least 4 pairs/);
    expect(() => leaveOneOut([1, 2, 3, 4], [1, 2, 3])).toThrow(/x has 4 values but y has 3/);
    expect(() => leaveOneOut([1, 2, null as never, 4], [1, 2, 3, 4])).toThrow(/x\[2\] is missing.*drop incomplete pairs/);
    expect(() => leaveOneOut([1, 2, 3, 4], [1, 2, 3, 4], { labels: ['a'] })).toThrow(/labels has 1 entries but there are 4 cases/);
    expect(() => leaveOneOut([1, 2, 3, 4], [5, 5, 5, 5])).toThrow(/y is constant/);
    expect(() => leaveOneOut([1, 2, 3, 4], [1, 3, 2, 4], { method: 'r' as never })).toThrow(/options.method/);
    expect(() => leaveOneOut([1, 2, 3, 4], [1, 3, 2, 4], { expectedSign: 0 as never })).toThrow(/expectedSign must be 1 or -1/);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leaveOneOut } from '../../../lib/stats/resampling/leaveOneOut';
import { UserInputError } from '../../../lib/util/errors';
import { MaxDiff, reference } from '../clusterResamplingReference';
import { correlation } from '../../../lib/stats/resampling/internal/coefficients';
import { createRandom } from '../../../lib/util/random';
import { largeN } from '../largeNReference';

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

  it('n > 10: Pearson from running sums and Spearman from rank sums within 1e-12 of each subset computed directly; n <= 10 bit for bit', () => {
    const rng = createRandom('leave-one-out-running-sums');
    const diff = new MaxDiff();
    const shapes: Array<(n: number) => [number[], number[]]> = [
      (n) => { const x = Array.from({ length: n }, () => 5e6 + 1e3 * rng.normal()); return [x, x.map((v) => 0.3 * v + 1e3 * rng.normal())]; }, // far from 0
      (n) => { const x = Array.from({ length: n }, () => Math.round(1 + 4 * rng.uniform())); return [x, x.map((v) => Math.round(v + 2 * rng.normal()))]; }, // ties
      (n) => { const x = Array.from({ length: n }, () => rng.normal()); x[3] = 1e6; return [x, x.map((v) => rng.normal())]; }, // one case holds the variance
      (n) => { const x = Array.from({ length: n }, (_, j) => (j === 1 ? 2 : 1)); return [x, x.map(() => rng.normal())]; }, // constant without case 1
    ];
    for (const n of [4, 7, 10, 11, 25, 300]) {
      for (const shape of shapes) {
        const [x, y] = shape(n);
        for (const method of ['pearson', 'spearman'] as const) {
          const r = leaveOneOut(x, y, { method });
          r.rows.forEach((row, i) => {
            const direct = correlation(x.filter((_, j) => j !== i), y.filter((_, j) => j !== i), method);
            if (direct === null || row.r === null) return expect(row.r).toBe(direct);
            if (n <= 10) expect(row.r).toBe(direct);
            else diff.check(row.r, direct, 1e-12, `${method} n = ${n} without ${i}`);
          });
        }
      }
    }
    console.log(`leaveOneOut from running sums and rank sums vs direct: max |diff| ${diff.max.toExponential(2)}`);
  });

  it('equals R cor() on every subset of 200 to 400 cases (tests/r/large-n-findings-reference.R)', () => {
    const diff = new MaxDiff();
    for (const set of largeN.sets) {
      for (const m of set.methods) {
        const r = leaveOneOut(set.x, set.y, { method: m.method });
        diff.check(r.r, m.r, 1e-12, `${set.name} ${m.method}`);
        r.rows.forEach((row, i) => diff.check(row.r, m.loo[i], 1e-12, `${set.name} ${m.method} without ${i}`));
      }
    }
    console.log(`leaveOneOut vs R cor(), n = 201-400: max |diff| ${diff.max.toExponential(2)}`);
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

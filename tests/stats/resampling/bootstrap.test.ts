import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrap } from '../../../lib/stats/resampling/bootstrap';
import { bootstrapIntervals } from '../../../lib/stats/resampling/bootstrapIntervals';
import { pearson } from '../../../lib/stats/internal/moments';
import { UserInputError } from '../../../lib/util/errors';
import { createRandom } from '../../../lib/util/random';
import { MaxDiff, reference } from '../clusterResamplingReference';

const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;

describe('bootstrapIntervals against boot::boot.ci on identical replicates', () => {
  it('percentile and BCa limits, z0 and acceleration', () => {
    const diff = new MaxDiff();
    for (const set of reference.bootstrap) {
      for (const iv of set.intervals) {
        const r = bootstrapIntervals({ t0: set.t0, replicates: set.replicates, jackknife: set.jackknife }, { level: iv.level });
        diff.check(r.percentile!.lower, iv.percentile[0], 1e-12, `${set.name} ${iv.level} perc lower`);
        diff.check(r.percentile!.upper, iv.percentile[1], 1e-12, `${set.name} ${iv.level} perc upper`);
        diff.check(r.bca!.lower, iv.bca[0], 1e-12, `${set.name} ${iv.level} bca lower`);
        diff.check(r.bca!.upper, iv.bca[1], 1e-12, `${set.name} ${iv.level} bca upper`);
        diff.check(r.bca!.z0, set.z0, 1e-12, `${set.name} z0`);
        diff.check(r.bca!.acceleration, set.acceleration, 1e-12, `${set.name} a`);
        expect(r.used).toBe(set.replicates.length);
      }
    }
    console.log(`bootstrapIntervals vs boot.ci: max |diff| ${diff.max.toExponential(2)}`);
  });

  it('only the asked-for interval; warns when extreme order statistics are the end points', () => {
    const set = reference.bootstrap[0];
    const p = bootstrapIntervals({ t0: set.t0, replicates: set.replicates }, { ci: 'percentile' });
    expect(p.bca).toBeNull();
    expect(p.warnings).toEqual([]);
    const few = bootstrapIntervals({ t0: 0.5, replicates: [0.1, 0.3, 0.45, 0.6, 0.7, 0.9], jackknife: [0.4, 0.55, 0.5] }, { level: 0.95 });
    expect(few.warnings[0]).toMatch(/extreme order statistics/);
    expect(few.percentile).toEqual({ lower: 0.1, upper: 0.9 });
  });

  it('ignores non-finite replicates and refuses what cannot be computed', () => {
    const r = bootstrapIntervals({ t0: 0.5, replicates: [0.1, NaN, 0.3, 0.6, Infinity, 0.8], jackknife: [0.4, 0.6, 0.5] });
    expect(r.used).toBe(4);
    expect(() => bootstrapIntervals({ t0: 0.5, replicates: [0.6, 0.7, 0.8], jackknife: [0.4, 0.6] })).toThrow(/z0 is infinite/);
    expect(() => bootstrapIntervals({ t0: 0.5, replicates: [0.4, 0.7, 0.8] })).toThrow(/jackknife/);
    expect(() => bootstrapIntervals({ t0: 0.5, replicates: [0.4, 0.7, 0.8], jackknife: [1, 1, 1] })).toThrow(/acceleration/);
    expect(() => bootstrapIntervals({ t0: 0.5, replicates: [0.4] })).toThrow(/at least 2/);
  });
});

describe('bootstrap', () => {
  const set = reference.bootstrap[0];
  const { x, y } = reference.leave_one_out;
  const rows = x.map((v, i) => [v, y[i]] as const);
  const r = (s: readonly (readonly [number, number])[]) => pearson(s.map((p) => p[0]), s.map((p) => p[1]));

  it('resamples rows, reports t0, bias, se and both intervals', () => {
    const b = bootstrap(rows, r, { seed: 'network-r', iterations: 1999 });
    expect(b.t0).toBeCloseTo(set.t0, 12); // same data as R's network_correlation_10
    expect(b.replicates).toHaveLength(1999);
    expect(b.jackknife).toHaveLength(10);
    expect(b.jackknife![0]).toBeCloseTo(set.jackknife[0], 12);
    expect(b.bca!.acceleration).toBeCloseTo(set.acceleration, 12);
    // different random streams than R, same distribution: se and intervals close to R's
    // (the BCa lower limit sits far in the tail at n = 10 and varies too much to compare)
    expect(Math.abs(b.se - set.se)).toBeLessThan(0.03);
    expect(Math.abs(b.percentile!.lower - set.intervals[0].percentile[0])).toBeLessThan(0.08);
    expect(Math.abs(b.percentile!.upper - set.intervals[0].percentile[1])).toBeLessThan(0.03);
    expect(Math.abs(b.bca!.upper - set.intervals[0].bca[1])).toBeLessThan(0.03);
    const finite = b.replicates.filter(Number.isFinite);
    expect(b.bias).toBeCloseTo(mean(finite) - b.t0, 14);
    expect(b.percentile!.lower).toBeLessThan(b.percentile!.upper);
    expect(b.bca!.lower).toBeLessThan(b.bca!.upper);
  });

  it('bootstrap of the mean: replicates average to the sample mean, se near s/sqrt(n)', () => {
    const skew = [0.72, 3.1, 1.4, 9.8, 2.2, 0.31, 4.4, 1.9, 6.3, 2.8, 0.95, 3.6, 1.2, 5.5, 2.6];
    const b = bootstrap(skew, mean, { seed: 'mean', iterations: 20000, ci: 'percentile' });
    const m = mean(skew);
    const sd = Math.sqrt(skew.reduce((a, v) => a + (v - m) ** 2, 0) / skew.length); // plug-in sd
    expect(Math.abs(b.bias)).toBeLessThan(0.03);
    expect(Math.abs(b.se - sd / Math.sqrt(skew.length)) / b.se).toBeLessThan(0.03);
    expect(b.bca).toBeNull();
    expect(b.jackknife).toBeNull();
  });

  it('same seed, same result; an injected generator works alike; inputs unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 12 }), fc.string({ maxLength: 6 }), (xs, seed) => {
        const copy = xs.slice();
        const a = bootstrap(xs, mean, { seed, iterations: 50, ci: 'percentile' });
        const b = bootstrap(xs, mean, { random: createRandom(seed), iterations: 50, ci: 'percentile' });
        expect(xs).toEqual(copy);
        expect(b.replicates).toEqual(a.replicates);
        expect(b.percentile).toEqual(a.percentile);
        expect(a.percentile!.lower).toBeLessThanOrEqual(a.percentile!.upper);
      }),
      { numRuns: 40, seed: 20240603 },
    );
  });

  it('counts non-finite replicates and leaves them out', () => {
    // a resample with all x equal has no correlation
    const tiny: [number, number][] = [[1, 2], [1, 3], [1, 1], [2, 5]];
    const stat = (s: readonly [number, number][]) => {
      const xs = s.map((p) => p[0]);
      return xs.every((v) => v === xs[0]) ? NaN : pearson(xs, s.map((p) => p[1]));
    };
    const b = bootstrap(tiny, stat, { seed: 'nan', iterations: 500, ci: 'percentile' });
    expect(b.nonFinite).toBeGreaterThan(0);
    expect(b.warnings[0]).toMatch(/not finite/);
    expect(Number.isFinite(b.se)).toBe(true);
  });

  it('bad input: UserInputError naming the problem and the fix', () => {
    expect(() => bootstrap([1, 2], mean)).toThrow(UserInputError);
    expect(() => bootstrap([1, 2], mean)).toThrow(/at least 3 cases/);
    expect(() => bootstrap('abc' as never, mean)).toThrow(/array with one element/);
    expect(() => bootstrap([1, 2, 3], mean, { level: 95 })).toThrow(/options.level must be a number strictly between 0 and 1/);
    expect(() => bootstrap([1, 2, 3], mean, { ci: 'bc' as never })).toThrow(/options.ci must be one of/);
    expect(() => bootstrap([1, 2, 3], mean, { iterations: 1 })).toThrow(/options.iterations/);
    expect(() => bootstrap([1, 2, 3], () => NaN)).toThrow(/returned NaN on the data/);
    expect(() => bootstrap([1, 1, 1, 2], (s) => (s.length < 4 && s.every((v) => v === 1) ? NaN : mean(s)))).toThrow(/without case 3 \(jackknife/);
  });
});

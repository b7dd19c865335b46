import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { permutationTest } from '../../../lib/stats/resampling/permutationTest';
import { UserInputError } from '../../../lib/util/errors';
import { createRandom } from '../../../lib/util/random';
import { pearson } from '../../../lib/stats/internal/moments';
import { averageRanks } from '../../../lib/stats/internal/ranks';
import { MaxDiff, reference } from '../clusterResamplingReference';

describe('permutationTest: exact p against R', () => {
  it("equals cor.test(exact = TRUE) for Kendall and Spearman (no ties), every alternative", () => {
    const diff = new MaxDiff();
    let cases = 0;
    for (const set of reference.permutation) {
      for (const ref of set.cor_test) {
        const r = permutationTest(set.x, set.y, { statistic: ref.method, alternative: ref.alternative });
        expect(r.exact).toBe(true);
        diff.check(r.p, ref.p, 1e-12, `${set.name} ${ref.method} ${ref.alternative} p`);
        diff.check(r.observed, ref.estimate, 1e-13, `${set.name} ${ref.method} estimate`);
        cases++;
      }
    }
    expect(cases).toBe(3 * 6 + 3);
    console.log(`permutationTest vs cor.test exact: ${cases} cases, max |diff| ${diff.max.toExponential(2)}`);
  });

  it('equals a brute-force enumeration in R for Pearson (n = 7)', () => {
    const set = reference.permutation.find((s) => s.pearson_enumerated)!;
    const ref = set.pearson_enumerated!;
    const diff = new MaxDiff();
    for (const alt of ['two.sided', 'greater', 'less'] as const) {
      const r = permutationTest(set.x, set.y, { statistic: 'pearson', alternative: alt });
      expect(r.permutations).toBe(ref.permutations);
      diff.check(r.p, ref[alt], 1e-12, `pearson ${alt}`);
    }
    console.log(`permutationTest Pearson vs R enumeration: max |diff| ${diff.max.toExponential(2)}`);
  });
});

describe('permutationTest: exact enumeration at n = 10', () => {
  const set = reference.permutation.find((s) => s.name === 'n10')!;
  for (const statistic of ['pearson', 'spearman', 'kendall'] as const) {
    it(`${statistic}: 10! orderings well under a second`, () => {
      permutationTest(set.x.slice(0, 8), set.y.slice(0, 8), { statistic }); // warm-up
      const t = performance.now();
      const r = permutationTest(set.x, set.y, { statistic });
      const ms = performance.now() - t;
      console.log(`exact permutation test n = 10, ${statistic}: ${ms.toFixed(0)} ms (p = ${r.p})`);
      expect(r.permutations).toBe(3628800);
      expect(ms).toBeLessThan(1000);
    });
  }

  it('agrees with a custom statistic computing the same coefficient (with ties, too)', () => {
    const x = [3.1, 3.4, 2.9, 3.4, 3.3, 3.6, 3.0, 3.5];
    const y = [2.0, 2.5, 2.5, 3.0, 2.0, 3.5, 2.5, 3.0];
    const spearman = (a: readonly number[], b: readonly number[]) => pearson(averageRanks(a), averageRanks(b));
    for (const alternative of ['two.sided', 'greater', 'less'] as const) {
      const builtIn = permutationTest(x, y, { statistic: 'spearman', alternative });
      const custom = permutationTest(x, y, { statistic: spearman, alternative });
      expect(custom.statistic).toBe('custom');
      expect(custom.extreme).toBe(builtIn.extreme);
      const p1 = permutationTest(x, y, { statistic: 'pearson', alternative });
      const p2 = permutationTest(x, y, { statistic: (a, b) => pearson(a, b), alternative });
      expect(p2.extreme).toBe(p1.extreme);
    }
  });
});

describe('permutationTest: Monte Carlo', () => {
  const set = reference.permutation.find((s) => s.name === 'n10')!;
  const x11 = [...set.x, 3.77];
  const y11 = [...set.y, 2.05];

  it('is used beyond n = 10, with p = (b + 1)/(m + 1)', () => {
    const r = permutationTest(x11, y11, { iterations: 1999, seed: 'mc' });
    expect(r.exact).toBe(false);
    expect(r.permutations).toBe(1999);
    expect(r.p).toBe((r.extreme + 1) / 2000);
    expect(r.seed).toBe('mc');
  });

  it('approximates the exact p', () => {
    const exact = permutationTest(set.x, set.y, { statistic: 'kendall' });
    const mc = permutationTest(set.x, set.y, { statistic: 'kendall', exact: false, iterations: 20000, seed: 'approx' });
    expect(Math.abs(mc.p - exact.p)).toBeLessThan(0.015);
  });

  it('gives identical results for the same seed and for an injected generator with that seed', () => {
    const a = permutationTest(x11, y11, { statistic: 'spearman', seed: 's1', iterations: 999 });
    const b = permutationTest(x11, y11, { statistic: 'spearman', seed: 's1', iterations: 999 });
    const c = permutationTest(x11, y11, { statistic: 'spearman', random: createRandom('s1'), iterations: 999 });
    expect(b).toEqual(a);
    expect(c.p).toBe(a.p);
  });
});

describe('permutationTest: properties', () => {
  const pairs = fc
    .integer({ min: 3, max: 7 })
    .chain((n) => fc.tuple(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n })))
    .filter(([x, y]) => new Set(x).size > 1 && new Set(y).size > 1);
  const statistic = fc.constantFrom('pearson' as const, 'spearman' as const, 'kendall' as const);
  const alternative = fc.constantFrom('two.sided' as const, 'greater' as const, 'less' as const);

  it('p lies in (0, 1], the inputs are not changed, and greater + less >= 1', () => {
    fc.assert(
      fc.property(pairs, statistic, alternative, ([x, y], s, alt) => {
        const cx = x.slice();
        const cy = y.slice();
        const r = permutationTest(x, y, { statistic: s, alternative: alt });
        expect(r.p).toBeGreaterThan(0);
        expect(r.p).toBeLessThanOrEqual(1);
        expect(x).toEqual(cx);
        expect(y).toEqual(cy);
        const g = permutationTest(x, y, { statistic: s, alternative: 'greater' }).p;
        const l = permutationTest(x, y, { statistic: s, alternative: 'less' }).p;
        expect(g + l).toBeGreaterThanOrEqual(1 - 1e-12); // the observed ordering counts in both tails
      }),
      { numRuns: 60, seed: 20240601 },
    );
  });

  it('Monte Carlo: same seed, same result; p in (0, 1]', () => {
    fc.assert(
      fc.property(pairs, statistic, fc.string({ maxLength: 8 }), ([x, y], s, seed) => {
        const a = permutationTest(x, y, { statistic: s, exact: false, iterations: 99, seed });
        const b = permutationTest(x, y, { statistic: s, exact: false, iterations: 99, seed });
        expect(b).toEqual(a);
        expect(a.p).toBeGreaterThan(0);
        expect(a.p).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40, seed: 20240602 },
    );
  });
});

describe('permutationTest: bad input', () => {
  it('throws UserInputError naming the problem and the fix', () => {
    expect(() => permutationTest([1, 2], [2, 1])).toThrow(UserInputError);
    expect(() => permutationTest([1, 2], [2, 1])).toThrow(/at least 3 pairs.*add cases/);
    expect(() => permutationTest([1, 2, 3], [1, 2])).toThrow(/x has 3 values but y has 2/);
    expect(() => permutationTest([1, NaN, 3], [1, 2, 3])).toThrow(/x\[1\] is NaN.*finite number/);
    expect(() => permutationTest([1, 2, 3], [1, Infinity, 3])).toThrow(/y\[1\] is Infinity/);
    expect(() => permutationTest([1, 1, 1], [1, 2, 3])).toThrow(/x is constant/);
    expect(() => permutationTest([1, 2, 3], [1, 2, 3], { statistic: 'tau' as never })).toThrow(/options.statistic must be one of/);
    expect(() => permutationTest([1, 2, 3], [1, 2, 3], { alternative: 'two-sided' as never })).toThrow(/options.alternative/);
    const x11 = Array.from({ length: 11 }, (_, i) => i);
    expect(() => permutationTest(x11, x11.slice().reverse(), { exact: true })).toThrow(/n <= 10.*exact: false/);
    expect(() => permutationTest([1, 2, 3, 4], [2, 1, 4, 3], { exact: false, iterations: 0 })).toThrow(/options.iterations must be a whole number/);
    expect(() => permutationTest([1, 2, 3], [1, 2, 3], { statistic: () => NaN })).toThrow(/returned NaN/);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correlate } from '../../lib/stats';
import { UserInputError } from '../../lib/util/errors';
import { clone, MaxDiff, reference, R_TOL } from './helpers';

const HW = reference.correlation.find((s) => s.name === 'hollander_wolfe')!;

describe('correlate', () => {
  it('matches R cor.test (exact = FALSE for ranks) on both data sets, all methods, to 1e-6', () => {
    const md = new MaxDiff();
    for (const s of reference.correlation) {
      for (const e of s.refs) {
        const r = correlate(s.x, s.y, { method: e.method, alternative: e.alternative });
        const tag = `${s.name} ${e.method} ${e.alternative}`;
        expect(r.n, tag).toBe(e.n);
        expect(r.nDropped, tag).toBe(s.x.length - e.n);
        md.check(r.r, e.estimate, R_TOL, `${tag} estimate`);
        md.check(r.p, e.p, R_TOL, `${tag} p`);
        // cor.test's Spearman statistic is S = (n^3 - n)(1 - rho)/6; ours is the t of the
        // same approximation, checked through p.
        if (e.method !== 'spearman') md.check(r.statistic, e.statistic, R_TOL, `${tag} statistic`);
        if (e.method === 'pearson') expect(r.df).toBe(e.df);
        if (e.lower === null) {
          expect(r.lower).toBeNull();
        } else {
          md.check(r.lower, e.lower, R_TOL, `${tag} lower`);
          md.check(r.upper, e.upper!, R_TOL, `${tag} upper`);
        }
      }
    }
    // Observed maximum ~4e-15.
    expect(md.max).toBeLessThan(1e-12);
  });

  it('reproduces the values R prints for the ?cor.test example (Hollander & Wolfe 1973, p. 187)', () => {
    // R prints: t = 1.8411, df = 7, p-value = 0.1082; 95% CI -0.1497426 0.8955795;
    // cor 0.5711816. Tolerance: half a unit in the last printed digit.
    const r = correlate(HW.x, HW.y);
    expect(Math.abs(r.statistic - 1.8411)).toBeLessThanOrEqual(5e-5);
    expect(Math.abs(r.p - 0.1082)).toBeLessThanOrEqual(5e-5);
    expect(Math.abs(r.lower! - -0.1497426)).toBeLessThanOrEqual(5e-8);
    expect(Math.abs(r.upper! - 0.8955795)).toBeLessThanOrEqual(5e-8);
    expect(Math.abs(r.r - 0.5711816)).toBeLessThanOrEqual(5e-8);
    expect(r).toMatchObject({ method: 'pearson', statisticName: 't', df: 7, pMethod: 'asymptotic-t', ciMethod: 'fisher-z', confLevel: 0.95 });
    const k = correlate(HW.x, HW.y, { method: 'kendall' });
    expect(k.r).toBeCloseTo(4 / 9, 14);
    expect(k).toMatchObject({ statisticName: 'z', df: null, lower: null, upper: null, ciMethod: null, pMethod: 'asymptotic-normal' });
    expect(k.note).toMatch(/no confidence interval for Kendall/);
  });

  it('gives no Fisher interval for n = 3 (needs n > 3), with a note', () => {
    const r = correlate([1, 2, 3], [1, 3, 2]);
    expect(r.lower).toBeNull();
    expect(r.note).toMatch(/n > 3/);
    expect(r.r).toBeCloseTo(0.5, 14);
  });

  it('handles perfect correlation without NaN', () => {
    const r = correlate([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.r).toBe(1);
    expect(r.p).toBe(0);
    expect(r.lower).toBe(1);
    expect(r.upper).toBe(1);
  });

  it('throws UserInputError for bad input, naming the variable and the fix', () => {
    expect(() => correlate([1, 2, 3], [1, 2])).toThrow(UserInputError);
    expect(() => correlate([1, 2, 3], [1, 2])).toThrow(/x has 3 values but y has 2; pass paired values/);
    expect(() => correlate([1, NaN, 3, 4], [1, 2, 3, 4], { names: ['trust', 'commitment'] })).toThrow(/trust\[1\] is NaN.*use null for a missing value/);
    expect(() => correlate([1, 2, 3, 4], [1, 2, Infinity, 4])).toThrow(/y\[2\] is Infinity/);
    expect(() => correlate([1, 2, null, 4], [1, null, 3, 4])).toThrow(/at least 3 complete pairs but has 2/);
    expect(() => correlate([2, 2, 2, 2], [1, 2, 3, 4], { names: ['trust', 'commitment'] })).toThrow(/trust has zero variance over the 4 complete pairs \(all values are 2\).*drop this variable/);
    expect(() => correlate([1, 2, 3, 4], [5, 5, 5, 5], { method: 'kendall' })).toThrow(/y has zero variance/);
    expect(() => correlate([1, 2, 3, 4], [1, 2, 3, 5], { method: 'tau' as never })).toThrow(/options.method must be one of 'pearson', 'spearman', 'kendall'/);
    expect(() => correlate([1, 2, 3, 4], [1, 2, 3, 5], { alternative: 'two-sided' as never })).toThrow(/options.alternative/);
    expect(() => correlate([1, 2, 3, 4], [1, 2, 3, 5], { confLevel: 1 })).toThrow(/options.confLevel must be a number strictly between 0 and 1/);
    expect(() => correlate('123' as never, [1, 2, 3])).toThrow(/needs two arrays/);
  });

  const pairs = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 3, maxLength: 40 });
  const usable = (xs: number[], ys: number[]) => new Set(xs).size > 1 && new Set(ys).size > 1;
  const methods = fc.constantFrom('pearson' as const, 'spearman' as const, 'kendall' as const);

  it('properties: |r| <= 1, 0 <= p <= 1, symmetric in x and y, inputs not mutated', () => {
    fc.assert(
      fc.property(pairs, methods, (ps, method) => {
        const xs = ps.map((p) => p[0]);
        const ys = ps.map((p) => p[1]);
        fc.pre(usable(xs, ys));
        const [bx, by] = [clone(xs), clone(ys)];
        const r = correlate(xs, ys, { method });
        expect(xs).toEqual(bx);
        expect(ys).toEqual(by);
        expect(Math.abs(r.r)).toBeLessThanOrEqual(1);
        expect(r.p).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeLessThanOrEqual(1);
        if (r.lower !== null) {
          expect(r.lower).toBeLessThanOrEqual(r.r + 1e-12);
          expect(r.upper!).toBeGreaterThanOrEqual(r.r - 1e-12);
        }
        const s = correlate(ys, xs, { method });
        expect(s.r).toBeCloseTo(r.r, 12);
      }),
    );
  });

  it('properties: Spearman and Kendall are unchanged under strictly increasing transforms; Pearson under linear ones', () => {
    // x -> x^3 + 2x + 7 is strictly increasing and exact in doubles for |x| <= 50.
    const f = (x: number) => x ** 3 + 2 * x + 7;
    fc.assert(
      fc.property(pairs, (ps) => {
        const xs = ps.map((p) => p[0]);
        const ys = ps.map((p) => p[1]);
        fc.pre(usable(xs, ys));
        for (const method of ['spearman', 'kendall'] as const) {
          const a = correlate(xs, ys, { method });
          const b = correlate(xs.map(f), ys.map((y) => Math.exp(y / 10)), { method });
          expect(b.r).toBeCloseTo(a.r, 12);
          expect(b.p).toBeCloseTo(a.p, 12);
        }
        const a = correlate(xs, ys);
        const b = correlate(xs.map((x) => 3 * x - 4), ys.map((y) => 0.5 * y + 1));
        expect(b.r).toBeCloseTo(a.r, 10);
        // a decreasing transform flips the sign
        expect(correlate(xs.map((x) => -x), ys, { method: 'spearman' }).r).toBeCloseTo(-correlate(xs, ys, { method: 'spearman' }).r, 12);
      }),
    );
  });
});

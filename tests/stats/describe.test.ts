import { describe as suite, expect, it } from 'vitest';
import fc from 'fast-check';
import { describe } from '../../lib/stats';
import { UserInputError } from '../../lib/util/errors';
import { clone, MaxDiff, reference, R_TOL } from './helpers';

suite('describe', () => {
  it('matches R (mean, sd, sd/sqrt(n), qt) for every group x variable, both bands, to 1e-6', () => {
    const md = new MaxDiff();
    for (const e of reference.describe.refs) {
      const values = reference.describe.rows.filter((r) => r.network === e.group).map((r) => r[e.variable] as number | null);
      const d = describe(values, { band: e.band });
      expect(d.n).toBe(e.n);
      for (const f of ['mean', 'sd', 'se', 'lower', 'upper'] as const) {
        const want = e[f];
        if (want === null) expect(d[f], `${e.group}.${e.variable}.${f}`).toBeNull();
        else md.check(d[f], want, R_TOL, `${e.band} ${e.group}.${e.variable}.${f}`);
      }
    }
    expect(md.max).toBeLessThan(1e-12);
  });

  it('uses the report band mean +/- 2 SE by default, and t(.975, n-1) SE for t95', () => {
    const d = describe([4, 5, null, 3, 4]);
    expect(d.n).toBe(4);
    expect(d.mean).toBe(4);
    expect(d.sd).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(d.se).toBeCloseTo(Math.sqrt(2 / 3) / 2, 14);
    expect(d.lower).toBeCloseTo(4 - Math.sqrt(2 / 3), 14);
    expect(d.band).toBe('2se');
    const t = describe([4, 5, 3, 4], { band: 't95' });
    // qt(0.975, 3) = 3.182446305284263 (R)
    expect(t.upper! - t.mean!).toBeCloseTo(3.182446305284263 * (Math.sqrt(2 / 3) / 2), 10);
  });

  it('gives null sd/se/band with a note for n = 1, and all null for n = 0 (never NaN)', () => {
    const one = describe([null, 3]);
    expect(one).toMatchObject({ n: 1, mean: 3, sd: null, se: null, lower: null, upper: null });
    expect(one.note).toMatch(/only 1 non-missing value/);
    const none = describe([null, undefined]);
    expect(none).toMatchObject({ n: 0, mean: null, sd: null });
    expect(none.note).toMatch(/no non-missing values/);
  });

  it('throws UserInputError for NaN, Infinity, strings and a bad band', () => {
    expect(() => describe([1, NaN, 2])).toThrow(UserInputError);
    expect(() => describe([1, NaN, 2])).toThrow(/values\[1\] is NaN.*use null for a missing value/);
    expect(() => describe([1, Infinity])).toThrow(/values\[1\] is Infinity/);
    expect(() => describe([1, '2' as unknown as number])).toThrow(/the string "2"/);
    expect(() => describe([1, 2], { band: '1se' as never })).toThrow(/options.band must be one of '2se', 't95'/);
    expect(() => describe('1,2' as never)).toThrow(UserInputError);
  });

  it('properties: mean within [min, max], lower <= mean <= upper, order-free, input not mutated', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null)), { minLength: 2, maxLength: 60 }), (xs) => {
        const before = clone(xs);
        const d = describe(xs);
        expect(xs).toEqual(before);
        const present = xs.filter((v): v is number => v !== null);
        expect(d.n).toBe(present.length);
        if (present.length >= 2) {
          const lo = Math.min(...present);
          const hi = Math.max(...present);
          const eps = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
          expect(d.mean!).toBeGreaterThanOrEqual(lo - eps);
          expect(d.mean!).toBeLessThanOrEqual(hi + eps);
          expect(d.lower!).toBeLessThanOrEqual(d.mean!);
          expect(d.upper!).toBeGreaterThanOrEqual(d.mean!);
          const rev = describe([...xs].reverse());
          expect(rev.mean!).toBeCloseTo(d.mean!, 6);
          expect(rev.sd!).toBeCloseTo(d.sd!, 6);
        }
      }),
    );
  });
});

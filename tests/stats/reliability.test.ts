import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reliability } from '../../lib/stats';
import { UserInputError } from '../../lib/util/errors';
import { AlphaRef, clone, MaxDiff, reference, R_TOL } from './helpers';

const set = (name: string): AlphaRef => reference.alpha.find((s) => s.name === name)!;
const DENIS = set('denis_spss').data as number[][];

/** Runs reliability with the options a fixture set was computed with in R. */
function run(s: AlphaRef) {
  return reliability(s.data, {
    names: s.names,
    missing: s.name.includes('pairwise') ? 'pairwise' : 'listwise',
    reverse: s.keys?.map((k) => k < 0),
    min: s.min,
    max: s.max,
  });
}

describe('reliability', () => {
  it('reproduces the published SPSS RELIABILITY output of Denis (2016) at its printed precision', () => {
    // Denis, D. J. (2016). Applied Univariate, Bivariate, and Multivariate Statistics
    // (Wiley), ch. 1: RELIABILITY /MODEL=ALPHA /STATISTICS=DESCRIPTIVE SCALE CORR
    // /SUMMARY=TOTAL on 10 cases x 5 items. Tolerance: half a unit in the last printed
    // digit (SPSS rounds), e.g. 0.0005 for ".633", 0.000005 for "2.71006".
    const r = reliability(DENIS, { names: ['Item_1', 'Item_2', 'Item_3', 'Item_4', 'Item_5'] });
    const half = (decimals: number) => 0.5 * 10 ** -decimals;
    expect(Math.abs(r.alpha - 0.633)).toBeLessThanOrEqual(half(3));
    expect(Math.abs(r.stdAlpha - 0.691)).toBeLessThanOrEqual(half(3));
    const means = [7.3, 8.8, 9.1, 9.4, 7.0];
    const sds = [2.71006, 5.05085, 4.7481, 2.71621, 3.80058];
    r.items.forEach((it, j) => {
      expect(it.n).toBe(10);
      expect(Math.abs(it.mean - means[j])).toBeLessThanOrEqual(half(4));
      expect(Math.abs(it.sd - sds[j])).toBeLessThanOrEqual(half(5));
    });
    const corr = [
      [1, 0.679, 0.351, 0.827, 0.022],
      [0.679, 1, 0.612, 0.743, -0.463],
      [0.351, 0.612, 1, 0.462, -0.129],
      [0.827, 0.743, 0.462, 1, -0.011],
      [0.022, -0.463, -0.129, -0.011, 1],
    ];
    corr.forEach((row, a) => row.forEach((v, b) => expect(Math.abs(r.correlation[a][b] - v)).toBeLessThanOrEqual(half(3))));
    // Item-Total Statistics, Item_1: 34.3000 | 108.900 | .712 | .726 (the rest of the
    // row is cut off in the available copy).
    const i1 = r.items[0];
    expect(i1.name).toBe('Item_1');
    expect(Math.abs(i1.scaleMeanIfDeleted - 34.3)).toBeLessThanOrEqual(half(4));
    expect(Math.abs(i1.scaleVarianceIfDeleted - 108.9)).toBeLessThanOrEqual(half(3));
    expect(Math.abs(i1.itemRestR! - 0.712)).toBeLessThanOrEqual(half(3));
    expect(Math.abs(i1.smc! - 0.726)).toBeLessThanOrEqual(half(3));
  });

  it('matches psych::alpha on every data set (listwise and pairwise) to 1e-6', () => {
    const md = new MaxDiff();
    for (const s of reference.alpha) {
      const r = run(s);
      const e = s.ref;
      const tag = s.name;
      md.check(r.alpha, e.raw_alpha, R_TOL, `${tag} raw_alpha`);
      md.check(r.stdAlpha, e.std_alpha, R_TOL, `${tag} std.alpha`);
      md.check(r.lambda6, e.G6, R_TOL, `${tag} G6(smc)`);
      md.check(r.averageR, e.average_r, R_TOL, `${tag} average_r`);
      md.check(r.ci.lower, e.feldt.lower, R_TOL, `${tag} Feldt lower`);
      md.check(r.ci.upper, e.feldt.upper, R_TOL, `${tag} Feldt upper`);
      md.check(r.meanScore.mean, e.mean_score.mean, R_TOL, `${tag} total mean`);
      md.check(r.meanScore.sd, e.mean_score.sd, R_TOL, `${tag} total sd`);
      if (e.sum_score.mean !== undefined) {
        md.check(r.scale.mean, e.sum_score.mean, R_TOL, `${tag} sum mean`);
        md.check(r.scale.sd, e.sum_score.sd!, R_TOL, `${tag} sum sd`);
      }
      expect(r.nCases, tag).toBe(e.n_obs); // psych's n.obs after na.omit for the listwise set
      if (e.dropped !== undefined) expect(r.nDropped).toBe(e.dropped);
      e.items.forEach((it, j) => {
        const o = r.items[j];
        const t = `${tag} item ${j}`;
        expect(o.n, t).toBe(it.n);
        md.check(o.mean, it.mean, R_TOL, `${t} mean`);
        md.check(o.sd, it.sd, R_TOL, `${t} sd`);
        md.check(o.itemRestR, it.r_drop, R_TOL, `${t} r.drop`);
        md.check(o.alphaIfDeleted, it.alpha_drop_raw, R_TOL, `${t} alpha.drop raw`);
        md.check(o.stdAlphaIfDeleted, it.alpha_drop_std, R_TOL, `${t} alpha.drop std`);
        md.check(o.smc, it.smc, R_TOL, `${t} smc`);
        md.check(o.scaleMeanIfDeleted, it.scale_mean_if_deleted, R_TOL, `${t} scale mean if deleted`);
        md.check(o.scaleVarianceIfDeleted, it.scale_var_if_deleted, R_TOL, `${t} scale var if deleted`);
      });
    }
    // Observed maximum ~5e-12 (on a scale variance of ~2400).
    expect(md.max).toBeLessThan(1e-9);
  });

  it('reverse-keys by boolean or by name, as psych keys (min + max - x)', () => {
    const s = set('likert150x6_reversed');
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const byBool = reliability(s.data, { reverse: [false, false, false, true, false, false], min: 1, max: 5 });
    const byName = reliability(s.data, { names, reverse: ['d'], min: 1, max: 5 });
    expect(byName.alpha).toBe(byBool.alpha);
    expect(byName.items[3].reversed).toBe(true);
    expect(byName.items[3].mean).toBeCloseTo(s.ref.items[3].mean, 12);
    const unreversed = reliability(s.data);
    expect(unreversed.items[3].itemRestR!).toBeLessThan(0);
    expect(unreversed.alpha).toBeLessThan(byBool.alpha);
  });

  it('reports dropped cases and notes; 2 items give null alpha-if-deleted with a note', () => {
    const r = reliability([[1, 2], [2, 2], [3, 5], [4, 3], [null, 1]], { missing: 'listwise' });
    expect(r.nDropped).toBe(1);
    expect(r.droppedRows).toEqual([4]);
    expect(r.missing).toBe('listwise');
    expect(r.items[0].alphaIfDeleted).toBeNull();
    expect(r.notes.join(' ')).toMatch(/1 of 5 case\(s\) with a missing item were dropped/);
    expect(r.notes.join(' ')).toMatch(/with 2 items, alpha if item deleted is undefined/);
  });

  it('returns smc and lambda 6 as null with a note for a singular correlation matrix', () => {
    // item 3 = item 1 + item 2: R is singular
    const m = [[1, 2, 3], [2, 1, 3], [3, 5, 8], [4, 3, 7], [5, 5, 10]];
    const r = reliability(m);
    expect(r.lambda6).toBeNull();
    expect(r.items.every((i) => i.smc === null)).toBe(true);
    expect(r.notes.join(' ')).toMatch(/not positive definite/);
    expect(Number.isFinite(r.alpha)).toBe(true);
  });

  it('throws UserInputError for each bad input, naming the item and the fix', () => {
    const names = ['q1', 'q2', 'q3'];
    const ok = [[1, 2, 3], [2, 3, 3], [3, 3, 5], [4, 5, 4]];
    expect(() => reliability([[1], [2], [3]])).toThrow(/at least 2 items/);
    expect(() => reliability([[1, 2], [2, 3]])).toThrow(/at least 3 cases but has 2/);
    expect(() => reliability([[1, 2], [2, 3], [1, null], [null, 2]], { missing: 'listwise' })).toThrow(/at least 3 cases but has 2 after dropping 2 of 4 incomplete cases/);
    expect(() => reliability([[1, 4, 3], [2, 4, 3], [3, 4, 5]], { names })).toThrow(UserInputError);
    expect(() => reliability([[1, 4, 3], [2, 4, 3], [3, 4, 5]], { names })).toThrow(/item "q2" \(column 1\) has zero variance \(every case answered 4\).*remove it from the scale/);
    expect(() => reliability([[1, 4, 3], [2, 4, 3], [3, 4, 5]])).toThrow(/item at column 1 has zero variance/);
    expect(() => reliability([[1, 2, 3], [2, 3], [3, 3, 5]])).toThrow(/ragged: row 1 has 2 values but row 0 has 3/);
    expect(() => reliability([[1, 2, 3], [2, NaN, 3], [3, 3, 5]], { names })).toThrow(/matrix\[1\]\[1\] \(case 1, item "q2" \(column 1\)\) is NaN/);
    expect(() => reliability([[1, 2, 3], [2, Infinity, 3], [3, 3, 5]])).toThrow(/is Infinity; every value must be a finite number/);
    expect(() => reliability([[1, 2, 3], [2, null, 3], [3, 3, 5]], { names })).toThrow(/missing values \(first: case 1, item "q2" \(column 1\)\); pass \{ missing: 'listwise' \}.*\{ missing: 'pairwise' \}/);
    expect(() => reliability(ok, { reverse: [true, false, false] })).toThrow(/pass options.min and options.max/);
    expect(() => reliability(ok, { reverse: [true, false, false], min: 1, max: 3 })).toThrow(/matrix\[3\]\[0\] = 4 lies outside \[min, max\] = \[1, 3\] of reverse-keyed item at column 0/);
    expect(() => reliability(ok, { reverse: [true, false] })).toThrow(/2 booleans but the matrix has 3 items/);
    expect(() => reliability(ok, { reverse: ['q1'] })).toThrow(/options.names is required/);
    expect(() => reliability(ok, { names, reverse: ['q9'], min: 1, max: 5 })).toThrow(/names item "q9", which is not in options.names/);
    expect(() => reliability(ok, { names: ['q1'] })).toThrow(/options.names has 1 entries but matrix has 3 columns/);
    expect(() => reliability(ok, { missing: 'pairwise', ciLevel: 95 })).toThrow(/options.ciLevel must be a number strictly between 0 and 1/);
    expect(() => reliability(ok, { missing: 'all' as never })).toThrow(/options.missing must be one of 'listwise', 'pairwise'/);
    expect(() => reliability([[1, 5], [2, 4], [3, 3], [4, 2]])).toThrow(/sum score has no variance.*reverse keying/);
    expect(() =>
      reliability([[1, 2, null], [2, 3, null], [3, 3, 5], [4, 5, 4], [null, null, 2], [null, 2, 1]], { missing: 'pairwise', names }),
    ).toThrow(/item "q1" \(column 0\) and item "q3" \(column 2\) were answered together by only 2 cases/);
  });

  const data = fc
    .record({ n: fc.integer({ min: 4, max: 25 }), k: fc.integer({ min: 2, max: 6 }) })
    .chain(({ n, k }) => fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }));
  const usable = (m: number[][]) => {
    try {
      reliability(m);
      return true;
    } catch (e) {
      if (e instanceof UserInputError) return false;
      throw e;
    }
  };

  it('properties: alpha does not depend on item order or case order; input not mutated', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        fc.pre(usable(m));
        const before = clone(m);
        const r = reliability(m);
        expect(m).toEqual(before);
        const k = m[0].length;
        const perm = Array.from({ length: k }, (_, j) => (j + seed) % k).reverse();
        const q = reliability(m.map((row) => perm.map((j) => row[j])).reverse());
        const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
        expect(Math.abs(q.alpha - r.alpha)).toBeLessThanOrEqual(tol(r.alpha));
        expect(Math.abs(q.stdAlpha - r.stdAlpha)).toBeLessThanOrEqual(tol(r.stdAlpha));
        expect(Math.abs(q.averageR - r.averageR)).toBeLessThanOrEqual(1e-9);
        perm.forEach((j, pos) => {
          expect(q.items[pos].mean).toBeCloseTo(r.items[j].mean, 12);
          if (r.items[j].itemRestR !== null) expect(q.items[pos].itemRestR!).toBeCloseTo(r.items[j].itemRestR!, 9);
        });
      }),
    );
  });

  it('properties: alpha <= 1, |item-rest r| <= 1, std alpha unchanged by rescaling an item, options not mutated', () => {
    fc.assert(
      fc.property(data, fc.double({ min: 0.1, max: 10, noNaN: true }), (m, c) => {
        fc.pre(usable(m));
        const opts = { names: m[0].map((_, j) => `i${j}`), reverse: m[0].map((_, j) => j === 0), min: 1, max: 5 };
        const optsBefore = clone(opts);
        const r = reliability(m, opts);
        expect(opts).toEqual(optsBefore);
        expect(r.alpha).toBeLessThanOrEqual(1 + 1e-12);
        for (const it of r.items) if (it.itemRestR !== null) expect(Math.abs(it.itemRestR)).toBeLessThanOrEqual(1 + 1e-12);
        const scaled = reliability(m.map((row) => row.map((v, j) => (j === 0 ? 6 - v : v) * (j === 1 ? c : 1))));
        expect(scaled.stdAlpha).toBeCloseTo(r.stdAlpha, 7);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { icc } from '../../lib/stats';
import { UserInputError } from '../../lib/util/errors';
import { clone, MaxDiff, reference, R_TOL } from './helpers';

const SF = reference.icc.find((s) => s.name === 'shrout_fleiss_table2')!;

describe('icc', () => {
  it('reproduces Shrout & Fleiss (1979) Table 2 at their published precision', () => {
    // Published to 2 decimals, so the tolerance is half a unit in the last place
    // (0.005): a value that rounds to the published one passes.
    const published: Record<string, number> = { ICC1: 0.17, ICC2: 0.29, ICC3: 0.71, ICC1k: 0.44, ICC2k: 0.62, ICC3k: 0.91 };
    const r = icc(SF.data as number[][]);
    for (const row of r.table) {
      expect(Math.abs(row.icc - published[row.type]), row.type).toBeLessThanOrEqual(0.005);
      expect(row.icc.toFixed(2)).toBe(published[row.type].toFixed(2));
    }
  });

  it('matches psych::ICC(lmer = FALSE) on every data set, every field, to 1e-6', () => {
    const md = new MaxDiff();
    for (const s of reference.icc) {
      const r = icc(s.data, { alpha: s.ref.alpha, missing: 'listwise' });
      expect(r.anova.n).toBe(s.ref.n);
      expect(r.anova.k).toBe(s.ref.k);
      for (const f of ['MSR', 'MSC', 'MSE', 'MSW'] as const) md.check(r.anova[f], s.ref[f], R_TOL, `${s.name} ${f}`);
      expect(r.table.map((x) => x.type)).toEqual(s.ref.results.map((x) => x.type));
      s.ref.results.forEach((e, i) => {
        const o = r.table[i];
        expect(o.df1).toBe(e.df1);
        expect(o.df2).toBe(e.df2);
        for (const f of ['icc', 'F', 'p', 'lower', 'upper'] as const) md.check(o[f], e[f], R_TOL, `${s.name} ${e.type} ${f}`);
      });
      if (s.ref.dropped !== undefined) expect(r.nDropped).toBe(s.ref.dropped);
    }
    // Observed maximum: ~5e-14.
    expect(md.max).toBeLessThan(1e-10);
  });

  it('labels every form with Shrout & Fleiss and McGraw & Wong names', () => {
    const r = icc(SF.data as number[][]);
    expect(r.table.map((x) => [x.type, x.shroutFleiss, x.mcGrawWong, x.label])).toEqual([
      ['ICC1', 'ICC(1,1)', 'ICC(1)', 'Single_raters_absolute'],
      ['ICC2', 'ICC(2,1)', 'ICC(A,1)', 'Single_random_raters'],
      ['ICC3', 'ICC(3,1)', 'ICC(C,1)', 'Single_fixed_raters'],
      ['ICC1k', 'ICC(1,k)', 'ICC(k)', 'Average_raters_absolute'],
      ['ICC2k', 'ICC(2,k)', 'ICC(A,k)', 'Average_random_raters'],
      ['ICC3k', 'ICC(3,k)', 'ICC(C,k)', 'Average_fixed_raters'],
    ]);
    for (const row of r.table) expect(row.description.length).toBeGreaterThan(10);
  });

  it('drops targets with a missing rating under missing: listwise and reports which', () => {
    const s = reference.icc.find((x) => x.name === 'raters30x8_missing')!;
    const r = icc(s.data, { missing: 'listwise' });
    expect(r.nDropped).toBe(3);
    expect(r.droppedRows).toEqual([2, 10, 24]);
    expect(r.anova.n).toBe(27);
  });

  it('throws UserInputError for bad input, naming the place and the fix', () => {
    expect(() => icc([[1, 2], [3, null]])).toThrow(UserInputError);
    expect(() => icc([[1, 2], [3, null]], { names: ['anna', 'bert'] })).toThrow(/target 1, rater "bert" \(column 1\).*missing: 'listwise'/);
    expect(() => icc([[1, 2, 3], [3, 4]])).toThrow(/ragged: row 1 has 2 values but row 0 has 3/);
    expect(() => icc([[1, 2], [3, NaN]])).toThrow(/matrix\[1\]\[1\].*is NaN.*finite number/);
    expect(() => icc([[1], [2], [3]])).toThrow(/at least 2 raters/);
    expect(() => icc([[1, 2]])).toThrow(/at least 2 targets/);
    expect(() => icc([[1, 2], [null, 3], [4, null]], { missing: 'listwise' })).toThrow(/at least 2 targets .*has 1 \(2 of 3 dropped for missing ratings\)/);
    expect(() => icc([[3, 3], [3, 3], [3, 3]])).toThrow(/all ratings in the matrix are equal/);
    expect(() => icc([[1, 2], [2, 3], [5, 6]])).toThrow(/no residual variance/);
    expect(() => icc([[1, 2], [2, 1], [3, 0]])).toThrow(/every target has the same mean rating/);
    expect(() => icc([[1, 2], [2, 4]], { alpha: 1.5 })).toThrow(/options.alpha must be a number strictly between 0 and 1/);
    expect(() => icc([[1, 2], [2, 4]], { names: ['a'] })).toThrow(/options.names has 1 entries but matrix has 2 columns/);
    expect(() => icc([[1, 2], [2, 4]], { missing: 'pairwise' as never })).toThrow(/options.missing must be 'listwise'/);
  });

  const ratings = fc
    .record({ n: fc.integer({ min: 3, max: 12 }), k: fc.integer({ min: 2, max: 6 }) })
    .chain(({ n, k }) => fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }));
  const usable = (m: number[][]) => {
    try {
      icc(m);
      return true;
    } catch (e) {
      if (e instanceof UserInputError) return false;
      throw e;
    }
  };

  it('gives a null CI with a note where psych gives NaN (strongly negative ICC2)', () => {
    // psych::ICC(lmer = FALSE) on this matrix: ICC2 = -0.643, lower bound NaN.
    const r = icc([[7, 1], [3, 4], [5, 2]]);
    const row = r.table.find((x) => x.type === 'ICC2')!;
    expect(row.icc).toBeCloseTo(-0.6428571428571429, 12);
    expect(row.lower).toBeNull();
    expect(row.upper).toBeNull();
    expect(row.note).toMatch(/Satterthwaite df/);
    expect(r.table.find((x) => x.type === 'ICC3')!.note).toBeNull();
  });

  it('properties: input not mutated; invariant to the order of targets and raters; ICC <= 1; F-based CIs bracket the ICC', () => {
    fc.assert(
      fc.property(ratings, (m) => {
        fc.pre(usable(m));
        const before = clone(m);
        let r: ReturnType<typeof icc>;
        try {
          r = icc(m);
        } catch (e) {
          // A zero denominator (e.g. MSR + (MSC - MSE)/n = 0) must be a clear error, not a huge ICC.
          expect((e as Error).message).toMatch(/is undefined for these data \(its denominator is 0/);
          return;
        }
        expect(m).toEqual(before);
        const permuted = [...m].reverse().map((row) => [...row].reverse());
        const q = icc(permuted);
        r.table.forEach((row, i) => {
          expect(Math.abs(q.table[i].icc - row.icc)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(row.icc)));
          // ICC2k's denominator MSR + (MSC - MSE)/n can approach 0 when MSR < MSE
          // (then it exceeds 1, as in psych); all other forms are <= 1 always.
          if (row.type !== 'ICC2k' || r.anova.MSR >= r.anova.MSE) expect(row.icc).toBeLessThanOrEqual(1 + 1e-12);
          // ICC1/ICC3/ICC1k/ICC3k bounds are monotone in F, so they bracket the
          // estimate; ICC2's Satterthwaite interval (and its step-up) need not when
          // ICC2 < 0, in psych as here.
          if (!row.type.startsWith('ICC2')) {
            expect(row.lower!).toBeLessThanOrEqual(row.icc + 1e-9);
            expect(row.upper!).toBeGreaterThanOrEqual(row.icc - 1e-9);
          }
          expect(row.p).toBeGreaterThanOrEqual(0);
          expect(row.p).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('properties: consistency ICCs (ICC3, ICC3k) ignore a constant shift per rater', () => {
    fc.assert(
      fc.property(ratings, fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 6 }), (m, shift) => {
        fc.pre(usable(m));
        const shifted = m.map((row) => row.map((v, j) => v + shift[j]));
        // Skip data where another form (ICC2k) is undefined: icc then throws for the whole table.
        const safe = (x: number[][]) => {
          try {
            return icc(x).table;
          } catch (e) {
            expect((e as Error).message).toMatch(/is undefined for these data/);
            return null;
          }
        };
        const a = safe(m);
        const b = safe(shifted);
        if (a === null || b === null) return;
        for (const i of [2, 5]) expect(Math.abs(b[i].icc - a[i].icc)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a[i].icc)));
      }),
    );
  });
});

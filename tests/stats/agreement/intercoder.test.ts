/**
 * The agreement coefficients against published values and R.
 *
 * Published values:
 * - Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg
 *   School for Communication, Departmental Papers 43: section A (binary data, two
 *   observers) alpha = .095; section B (nominal data, two observers, no missing)
 *   alpha = .692; section C (nominal data, 4 observers, 12 units, missing values)
 *   alpha = .743, and on the same data ordinal .815, interval .849, ratio .797.
 * - Stata Base Reference Manual, [R] kappa, example 1 (two radiologists rating 85
 *   xeromammograms, Boyd et al. 1982): agreement 63.53%, expected agreement 30.82%,
 *   kappa 0.4728, Std. Err. (under H0) 0.0694, Z 6.81.
 * R (tests/r/agreement-reference.R -> tests/fixtures/agreement-reference.json):
 * - psych::cohen.kappa: kappa, the Fleiss-Cohen-Everitt (1969) standard error and the
 *   95% interval on four tables;
 * - an independent base-R implementation of Krippendorff (2011) (checked there
 *   against the paper) on seeded random data with missing values, four levels.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brennanPredigerFromAgreement, brennanPredigerKappa, cohenKappa, krippendorffAlpha, percentAgreement, ratingTable, type AlphaLevel } from '../../../lib/stats';
import { UserInputError } from '../../../lib/util/errors';
import { alphaOfEncoded, encodeColumns, numericById } from '../../../lib/stats/agreement/krippendorffAlpha';
import { ratingKey } from '../../../lib/stats/agreement/ratings';

const reference = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'agreement-reference.json'), 'utf8')) as {
  cohen_kappa: Array<{ name: string; table: number[][]; kappa: number; se: number; lower: number; upper: number }>;
  krippendorff_alpha: Array<{ name: string; data: Array<Array<number | null>>; alpha: Record<AlphaLevel, number> }>;
};

const PAPER_C = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe("Krippendorff's alpha: published values (Krippendorff 2011)", () => {
  it('A. binary data, two observers: .095', () => {
    const r = krippendorffAlpha([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(r.alpha!).toBeCloseTo(0.095, 3);
    expect(r.pairable).toBe(20);
  });

  it('B. nominal data, two observers, no missing: .692', () => {
    const r = krippendorffAlpha([
      ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
      ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', 'd', 'd', 'd'],
    ]);
    expect(r.alpha!).toBeCloseTo(0.692, 3);
  });

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('C. 4 observers, 12 units, missing values: %s %s', (level, value) => {
    const r = krippendorffAlpha(PAPER_C, { level });
    expect(r.alpha!).toBeCloseTo(value, 3);
    expect(r.units).toBe(11); // unit 12 has a single value and is not pairable
    expect(r.pairable).toBe(40);
  });

  it('C. the coincidence matrix of the paper (nominal): n_1..n_5 = 9, 13, 10, 5, 3', () => {
    const r = krippendorffAlpha(PAPER_C);
    const nc = r.coincidences.map((row) => row.reduce((a, b) => a + b, 0));
    expect(r.values).toEqual([1, 2, 3, 4, 5]);
    expect(nc.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
  });

  it('ordinal categories given as strings with an order give the numeric ordinal alpha', () => {
    const labels = ['laag', 'matig', 'redelijk', 'hoog', 'zeer hoog'];
    const asText = PAPER_C.map((r) => r.map((v) => (v === null ? null : labels[v - 1])));
    expect(krippendorffAlpha(asText, { level: 'ordinal', order: labels }).alpha!).toBeCloseTo(krippendorffAlpha(PAPER_C, { level: 'ordinal' }).alpha!, 12);
  });
});

describe("Krippendorff's alpha: R reference (independent implementation)", () => {
  for (const c of reference.krippendorff_alpha) {
    it.each(['nominal', 'ordinal', 'interval', 'ratio'] as const)(`${c.name}: %s`, (level) => {
      expect(krippendorffAlpha(c.data, { level }).alpha!).toBeCloseTo(c.alpha[level], 10);
    });
  }
});

describe("Krippendorff's alpha: properties and edge cases", () => {
  it('perfect agreement gives 1; undefined without variation', () => {
    expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3]]).alpha).toBe(1);
    const flat = krippendorffAlpha([[1, 1, 1], [1, 1, 1]]);
    expect(flat.alpha).toBeNull();
    expect(flat.note).toMatch(/no variation/);
  });

  it('the bootstrap interval is seeded: same seed, same interval; it contains alpha', () => {
    const a = krippendorffAlpha(PAPER_C, { bootstrap: { iterations: 500, seed: 's' } });
    const b = krippendorffAlpha(PAPER_C, { bootstrap: { iterations: 500, seed: 's' } });
    const c = krippendorffAlpha(PAPER_C, { bootstrap: { iterations: 500, seed: 't' } });
    expect(a.ci).toEqual(b.ci);
    expect(a.ci).not.toEqual(c.ci);
    expect(a.ci!.lower).toBeLessThanOrEqual(a.alpha!);
    expect(a.ci!.upper).toBeGreaterThanOrEqual(a.alpha! - 1e-12);
  });

  it('does not depend on the order of coders or units (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 1, max: 4 }), { nil: null })), { minLength: 3, maxLength: 12 }), (units) => {
        const m = [units.map((u) => u[0]), units.map((u) => u[1]), units.map((u) => u[2])];
        const swapped = [m[2], m[0], m[1]].map((r) => r.slice().reverse());
        for (const level of ['nominal', 'interval'] as const) {
          const x = krippendorffAlpha(m, { level }).alpha;
          const y = krippendorffAlpha(swapped, { level }).alpha;
          if (x === null) expect(y).toBeNull();
          else expect(y!).toBeCloseTo(x, 10);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the fast evaluator of the bootstrap (alphaOfEncoded) gives bit for bit the alpha of krippendorffAlpha, on any columns (property)', () => {
    const value = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 14 }), fc.constantFrom<AlphaLevel>('nominal', 'ordinal', 'interval', 'ratio'), (columns, level) => {
        const coders = Math.max(...columns.map((c) => c.length));
        const matrix = Array.from({ length: coders }, (_, ci) => columns.map((c) => c[ci] ?? null));
        const { columns: encoded, ids } = encodeColumns(columns);
        const numeric = new Map(columns.flat().filter((v): v is number => v !== null).map((v) => [ratingKey(v), v]));
        const fast = alphaOfEncoded(encoded, level, numericById(ids, level === 'nominal' ? null : numeric), ids.size);
        expect(fast).toBe(krippendorffAlpha(matrix, { level }).alpha);
      }),
      { numRuns: 400 },
    );
    // nominal strings, first-appearance order
    const words = [['b', 'a', 'b', null], ['b', 'a', 'a', 'c'], [null, 'a', 'b', 'c']];
    const cols = words[0].map((_, u) => words.map((r) => r[u]));
    const e = encodeColumns(cols);
    expect(alphaOfEncoded(e.columns, 'nominal', null, e.ids.size)).toBe(krippendorffAlpha(words).alpha);
  });

  it('two coders, binary, no missing: alpha = 1 - (n - 1)(b + c) / (n_1 n_0), the closed form', () => {
    // a = both 1, b/c = disagreements, d = both 0; n = 2N values.
    const a = 5, b = 2, c = 1, d = 12;
    const r1 = [...Array(a).fill(1), ...Array(b).fill(1), ...Array(c).fill(0), ...Array(d).fill(0)];
    const r2 = [...Array(a).fill(1), ...Array(b).fill(0), ...Array(c).fill(1), ...Array(d).fill(0)];
    const n = 2 * (a + b + c + d);
    const n1 = 2 * a + b + c;
    const n0 = 2 * d + b + c;
    const expected = 1 - ((n - 1) * (b + c)) / (n1 * n0);
    expect(krippendorffAlpha([r1, r2]).alpha!).toBeCloseTo(expected, 12);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]])).toThrow(/one entry per unit/);
    expect(() => krippendorffAlpha([['a', 'b'], ['a', 'a']], { level: 'interval' })).toThrow(/must be numbers/);
    expect(() => krippendorffAlpha([[1, 2], [1, 2]], { level: 'fuzzy' as AlphaLevel })).toThrow(UserInputError);
    expect(() => krippendorffAlpha([[1, NaN], [1, 2]])).toThrow(/NaN/);
  });
});

describe("Cohen's kappa", () => {
  it('Stata [R] kappa example 1: agreement 63.53%, expected 30.82%, kappa 0.4728, SE (H0) 0.0694, Z 6.81', () => {
    const r = cohenKappa([
      [21, 12, 0, 0],
      [4, 17, 1, 0],
      [3, 9, 15, 2],
      [0, 0, 0, 1],
    ]);
    expect(r.n).toBe(85);
    expect(100 * r.po).toBeCloseTo(63.53, 2);
    expect(100 * r.pe).toBeCloseTo(30.82, 2);
    expect(r.kappa!).toBeCloseTo(0.4728, 4);
    expect(r.se0!).toBeCloseTo(0.0694, 4);
    expect(r.z!).toBeCloseTo(6.81, 2);
    expect(r.p!).toBeLessThan(1e-10);
  });

  for (const t of reference.cohen_kappa) {
    it(`R psych::cohen.kappa: ${t.name} (kappa, FCE 1969 standard error, 95% interval)`, () => {
      const r = cohenKappa(t.table);
      expect(r.kappa!).toBeCloseTo(t.kappa, 12);
      expect(r.se!).toBeCloseTo(t.se, 12);
      expect(r.lower!).toBeCloseTo(t.lower, 6);
      expect(r.upper!).toBeCloseTo(t.upper, 6);
    });
  }

  it('from two rating vectors equals the table form; categories are matched by value', () => {
    const a = ['x', 'y', 'x', 'z', 'y', 'x', null];
    const b = ['x', 'y', 'y', 'z', 'y', 'z', 'x'];
    const t = ratingTable(a, b);
    expect(t.dropped).toBe(1);
    expect(cohenKappa({ a, b }).kappa).toBeCloseTo(cohenKappa(t.counts).kappa!, 14);
  });

  it('is undefined when both coders use one category throughout, with a note', () => {
    const r = cohenKappa([[10, 0], [0, 0]]);
    expect(r.kappa).toBeNull();
    expect(r.note).toMatch(/same single category/);
  });

  it('is invariant to relabelling the categories (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), (t) => {
        const perm = [2, 0, 1];
        const p = perm.map((i) => perm.map((j) => t[i][j]));
        const x = cohenKappa(t).kappa;
        const y = cohenKappa(p).kappa;
        if (x === null) expect(y).toBeNull();
        else expect(y!).toBeCloseTo(x, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a table that is not square or holds negative counts', () => {
    expect(() => cohenKappa([[1, 2, 3], [4, 5, 6]])).toThrow(/square table/);
    expect(() => cohenKappa([[1, -2], [3, 4]])).toThrow(/counts/);
  });
});

describe('percent agreement and Brennan & Prediger', () => {
  it('two coders: share of equal ratings; units with one rating are left out', () => {
    const r = percentAgreement([
      [1, 0, 1, 1, null],
      [1, 1, 1, 0, 1],
    ]);
    expect(r.agreement).toBe(0.5);
    expect(r.units).toBe(4);
  });

  it('three coders: mean share of agreeing pairs (Fleiss P-bar)', () => {
    // unit 1: all agree (1); unit 2: one pair of three agrees (1/3)
    expect(percentAgreement([[1, 1], [1, 0], [1, 0]]).agreement).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });

  it('Brennan & Prediger with q = 2 is 2 po - 1; SE = sqrt(po (1 - po) / (n - 1)) / (1 - 1/q)', () => {
    const a = [1, 1, 0, 0, 1, 0, 1, 1, 0, 1];
    const b = [1, 0, 0, 0, 1, 1, 1, 1, 0, 1];
    const r = brennanPredigerKappa([a, b], { categories: 2 });
    expect(r.po).toBe(0.8);
    expect(r.kappa!).toBeCloseTo(0.6, 12);
    expect(r.se!).toBeCloseTo(Math.sqrt((0.8 * 0.2) / 9) / 0.5, 12);
    expect(brennanPredigerFromAgreement(0.8, 2)).toBeCloseTo(0.6, 12);
    expect(brennanPredigerFromAgreement(0.5, 10)).toBeCloseTo((0.5 - 0.1) / 0.9, 12);
  });

  it('refuses fewer categories than the ratings use', () => {
    expect(() => brennanPredigerKappa([['a', 'b', 'c'], ['a', 'b', 'c']], { categories: 2 })).toThrow(/3 categories/);
  });
});

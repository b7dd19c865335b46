import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeByGroup } from '../../lib/stats';
import { UserInputError } from '../../lib/util/errors';
import { clone, MaxDiff, reference, R_TOL } from './helpers';

describe('describeByGroup', () => {
  it('matches R per group x variable (2se and t95 bands) to 1e-6, tidy and in order', () => {
    const md = new MaxDiff();
    for (const band of ['2se', 't95'] as const) {
      const out = describeByGroup(reference.describe.rows, 'network', ['v1', 'v2'], { band });
      const refs = reference.describe.refs.filter((r) => r.band === band);
      expect(out.map((o) => `${o.group}/${o.variable}`)).toEqual(refs.map((r) => `${r.group}/${r.variable}`));
      out.forEach((o, i) => {
        const e = refs[i];
        expect(o.n).toBe(e.n);
        expect(o.band).toBe(band);
        for (const f of ['mean', 'sd', 'se', 'lower', 'upper'] as const) {
          if (e[f] === null) expect(o[f]).toBeNull();
          else md.check(o[f], e[f] as number, R_TOL, `${band} ${e.group}.${e.variable}.${f}`);
        }
      });
    }
    expect(md.max).toBeLessThan(1e-12);
  });

  it('notes a group of one and a group without values instead of NaN', () => {
    const out = describeByGroup(reference.describe.rows, 'network', ['v1', 'v2']);
    const c = out.find((o) => o.group === 'C' && o.variable === 'v1')!;
    expect(c).toMatchObject({ n: 1, sd: null, se: null, lower: null, upper: null });
    expect(c.note).toMatch(/only 1/);
    const d = out.find((o) => o.group === 'D' && o.variable === 'v2')!;
    expect(d).toMatchObject({ n: 0, mean: null });
    expect(d.note).toMatch(/no non-missing/);
  });

  it('orders groups by groupOrder (absent groups get n = 0) and can keep a missing group', () => {
    const rows = [
      { g: 'B', x: 1 },
      { g: null, x: 5 },
      { g: 'A', x: 2 },
      { g: 'A', x: 4 },
      { g: '', x: 7 },
    ];
    const out = describeByGroup(rows, 'g', ['x'], { groupOrder: ['A', 'Z'] });
    expect(out.map((o) => [o.group, o.n])).toEqual([
      ['A', 2],
      ['Z', 0],
      ['B', 1],
    ]);
    const withMissing = describeByGroup(rows, 'g', ['x'], { missingGroup: 'unknown' });
    expect(withMissing.find((o) => o.group === 'unknown')).toMatchObject({ n: 2, mean: 6 });
  });

  it('throws UserInputError naming the row and key, with the fix', () => {
    expect(() => describeByGroup([{ g: 'A', x: 'vier' }], 'g', ['x'])).toThrow(UserInputError);
    expect(() => describeByGroup([{ g: 'A', x: 'vier' }], 'g', ['x'])).toThrow(/rows\[0\]\.x is the string "vier".*convert text to numbers/);
    expect(() => describeByGroup([{ g: 'A', x: NaN }], 'g', ['x'])).toThrow(/rows\[0\]\.x is NaN/);
    expect(() => describeByGroup([{ g: { a: 1 }, x: 1 }], 'g', ['x'])).toThrow(/rows\[0\]\.g .*must be a string, number or boolean/);
    expect(() => describeByGroup([{ g: 'A', x: 1 }], 'g', [])).toThrow(/valueKeys must be a non-empty array/);
    expect(() => describeByGroup([{ g: 'A', x: 1 }], 'g', ['x', 'x'])).toThrow(/lists "x" twice/);
    expect(() => describeByGroup([{ g: 'A', x: 1 }], '', ['x'])).toThrow(/groupKey/);
    expect(() => describeByGroup([null as never], 'g', ['x'])).toThrow(/rows\[0\] is/);
  });

  it('properties: n per group sums to the non-missing count, input not mutated', () => {
    const row = fc.record({ g: fc.constantFrom('A', 'B', 'C', null), x: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null)) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (rows) => {
        const before = clone(rows);
        const out = describeByGroup(rows, 'g', ['x']);
        expect(rows).toEqual(before);
        const total = out.reduce((a, o) => a + o.n, 0);
        expect(total).toBe(rows.filter((r) => r.g !== null && r.x !== null).length);
        for (const o of out) if (o.n >= 2) expect(o.lower!).toBeLessThanOrEqual(o.upper!);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregationIndices } from '../../../lib/stats/agreement/aggregationIndices';
import { UserInputError } from '../../../lib/util/errors';
import { MaxDiff, asArray, reference } from '../clusterResamplingReference';

describe('aggregationIndices against R (aov and the published formulas)', () => {
  it('ICC(1) with both group sizes, ICC(2), ANOVA, rwg(j) per group', () => {
    const diff = new MaxDiff();
    for (const set of reference.aggregation) {
      const ref = set.ref;
      const items = asArray(ref.items);
      const opts = items.length > 1 ? { items } : { value: items[0] };
      const scale = ref.A === 5 ? { scaleMin: 1, scaleMax: 5 } : { nOptions: ref.A };
      const r = aggregationIndices(set.rows, { group: 'network', ...opts, ...scale });
      const m = aggregationIndices(set.rows, { group: 'network', ...opts, ...scale, groupSize: 'mean' });
      const l = set.name;
      diff.check(r.msb, ref.MSB, 1e-10, `${l} MSB`);
      diff.check(r.msw, ref.MSW, 1e-10, `${l} MSW`);
      diff.check(r.F, ref.F, 1e-10, `${l} F`);
      diff.check(r.p, ref.p, 1e-10, `${l} p`);
      expect(r.dfBetween).toBe(ref.df_between);
      expect(r.dfWithin).toBe(ref.df_within);
      diff.check(r.kAdjusted, ref.k_adjusted, 1e-10, `${l} k0`);
      diff.check(r.kMean, ref.k_mean, 1e-10, `${l} k mean`);
      diff.check(r.icc1, ref.icc1_adjusted, 1e-10, `${l} ICC1 adjusted`);
      diff.check(m.icc1, ref.icc1_mean, 1e-10, `${l} ICC1 mean`);
      diff.check(r.icc2, ref.icc2, 1e-10, `${l} ICC2`);
      diff.check(r.errorVariance, ref.error_variance, 1e-15, `${l} sigma2`);
      expect(r.droppedRows).toEqual(asArray(ref.dropped));
      expect(r.groups.map((g) => g.group)).toEqual(ref.groups.map((g) => g.group));
      r.groups.forEach((g, j) => {
        const gr = ref.groups[j];
        expect(g.n).toBe(gr.n);
        expect(g.truncated).toBe(gr.truncated);
        diff.check(g.mean, gr.mean, 1e-10, `${l} ${g.group} mean`);
        if (gr.rwg === null) {
          expect(g.rwg).toBeNull();
          expect(g.variance).toBeNull();
        } else {
          diff.check(g.rwg, gr.rwg, 1e-10, `${l} ${g.group} rwg`);
          diff.check(g.variance, gr.variance!, 1e-10, `${l} ${g.group} s2`);
        }
      });
    }
    console.log(`aggregationIndices vs R: max |diff| ${diff.max.toExponential(2)}`);
  });

  it('flags the group of maximal disagreement (rwg truncated to 0) and the single-member group', () => {
    const set = reference.aggregation[0];
    const r = aggregationIndices(set.rows, { group: 'network', items: ['q1', 'q2', 'q3', 'q4'], scaleMin: 1, scaleMax: 5 });
    const n11 = r.groups.find((g) => g.group === 'N11')!;
    expect(n11.truncated).toBe(true);
    expect(n11.rwg).toBe(0);
    expect(r.groups.find((g) => g.group === 'N12')!.rwg).toBeNull();
    expect(r.rwgMean).not.toBeNull();
  });

  it('errorVariance overrides the uniform null; equal groups make k0 = n', () => {
    const rows = [
      { g: 'A', v: 4 }, { g: 'A', v: 5 }, { g: 'A', v: 4 },
      { g: 'B', v: 2 }, { g: 'B', v: 3 }, { g: 'B', v: 3 },
    ];
    const r = aggregationIndices(rows, { group: 'g', value: 'v', errorVariance: 1.34 });
    expect(r.errorVariance).toBe(1.34);
    expect(r.k).toBe(3);
    expect(r.kMean).toBe(3);
    expect(r.groups[0].rwg).toBeCloseTo(1 - 1 / 3 / 1.34, 14);
  });

  it('property: ICC(2) <= 1, rwg in [0, 1], inputs unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ g: fc.constantFrom('a', 'b', 'c', 'd'), q1: fc.integer({ min: 1, max: 5 }), q2: fc.integer({ min: 1, max: 5 }) }), { minLength: 6, maxLength: 40 }),
        (rows) => {
          const copy = structuredClone(rows);
          let r;
          try {
            r = aggregationIndices(rows, { group: 'g', items: ['q1', 'q2'], scaleMin: 1, scaleMax: 5 });
          } catch (e) {
            expect(e).toBeInstanceOf(UserInputError); // e.g. one group only, or no variation
            return;
          }
          expect(rows).toEqual(copy);
          expect(r.icc2).toBeLessThanOrEqual(1);
          for (const g of r.groups) if (g.rwg !== null) {
            expect(g.rwg).toBeGreaterThanOrEqual(0);
            expect(g.rwg).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 150, seed: 20240608 },
    );
  });

  it('bad input: UserInputError naming the problem and the fix', () => {
    const rows = [{ g: 'A', v: 4 }, { g: 'A', v: 5 }, { g: 'B', v: 2 }, { g: 'B', v: 3 }];
    const base = { group: 'g', value: 'v', scaleMin: 1, scaleMax: 5 };
    expect(() => aggregationIndices(rows, { ...base, value: undefined })).toThrow(UserInputError);
    expect(() => aggregationIndices(rows, { ...base, value: undefined })).toThrow(/either options.items .* or options.value/);
    expect(() => aggregationIndices(rows, { group: 'g', value: 'v' })).toThrow(/give options.scaleMin and options.scaleMax/);
    expect(() => aggregationIndices([{ g: 'A', v: 4 }, { g: 'A', v: 5 }], base)).toThrow(/at least 2 groups/);
    expect(() => aggregationIndices([...rows, { g: null, v: 3 }], base)).toThrow(/rows\[4\] has no group in column "g"/);
    expect(() => aggregationIndices([...rows, { g: 'B', v: NaN }], base)).toThrow(/rows\[4\].v is NaN/);
    expect(() => aggregationIndices([...rows, { g: 'B', v: '3' }], base)).toThrow(/rows\[4\].v is the string "3"/);
    expect(() => aggregationIndices([...rows, { g: 'B', v: 9 }], base)).toThrow(/outside the scale 1..5; recode it/);
    expect(() => aggregationIndices(rows, { ...base, nOptions: 7 })).toThrow(/nOptions \(7\) disagrees/);
    expect(() => aggregationIndices(rows, { ...base, groupSize: 'harmonic' as never })).toThrow(/options.groupSize/);
    expect(() => aggregationIndices([{ g: 'A', v: 4 }, { g: 'B', v: 5 }], base)).toThrow(/no within-group degrees of freedom/);
    expect(() => aggregationIndices([{ g: 'A', v: 3 }, { g: 'A', v: 3 }, { g: 'B', v: 3 }, { g: 'B', v: 3 }], base)).toThrow(/same score/);
  });
});

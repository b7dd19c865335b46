import { describe, expect, it } from 'vitest';
import { bartlett } from '../../../lib/stats/factor/bartlett';
import { UserInputError } from '../../../lib/util/errors';
import { inputOptions, reference } from './reference';

describe(`bartlett against psych::cortest.bartlett ${reference.psych_version}`, () => {
  for (const set of reference.sets) {
    it(set.name, () => {
      const r = bartlett(set.data, inputOptions(set));
      const ref = set.extras.bartlett;
      expect(Math.abs(r.chiSquare - ref.chisq)).toBeLessThanOrEqual(1e-9 * ref.chisq);
      expect(r.df).toBe(ref.df);
      // p-values far in the tail: relative agreement (R's pchisq upper tail)
      expect(Math.abs(r.p - ref.p)).toBeLessThanOrEqual(1e-8 * ref.p);
    });
  }

  it('worked example of the doc comment', () => {
    const R = [
      [1, 0.5, 0.4],
      [0.5, 1, 0.3],
      [0.4, 0.3, 1],
    ];
    const r = bartlett(R, { correlation: true, n: 100 });
    expect(r.chiSquare).toBeCloseTo(46.449145324961485, 10);
    expect(r.df).toBe(3);
    expect(r.p).toBeCloseTo(4.5518745091743664e-10, 20);
  });

  it('needs n for a correlation matrix (psych would assume 100)', () => {
    expect(() => bartlett([[1, 0.2], [0.2, 1]], { correlation: true })).toThrow(UserInputError);
    expect(() => bartlett([[1, 0.2], [0.2, 1]], { correlation: true })).toThrow(/pass \{ correlation: true, n \}/);
  });
});

import { describe, expect, it } from 'vitest';
import { kmo } from '../../../lib/stats/factor/kmo';
import { UserInputError } from '../../../lib/util/errors';
import { inputOptions, reference } from './reference';

describe(`kmo against psych::KMO ${reference.psych_version}`, () => {
  for (const set of reference.sets) {
    it(set.name, () => {
      const r = kmo(set.data, inputOptions(set));
      expect(Math.abs(r.msa - set.extras.kmo.msa)).toBeLessThan(1e-10);
      r.itemMsa.forEach((v, i) => expect(Math.abs(v - set.extras.kmo.msai[i])).toBeLessThan(1e-10));
      expect(r.items).toHaveLength(set.data[0].length);
      // anti-image matrix: symmetric, MSA on the diagonal, partial correlations within [-1, 1]
      r.antiImage.forEach((row, i) =>
        row.forEach((v, j) => {
          expect(v).toBeCloseTo(r.antiImage[j][i], 12);
          if (i === j) expect(v).toBe(r.itemMsa[i]);
          else expect(Math.abs(v)).toBeLessThanOrEqual(1);
        }),
      );
    });
  }

  it('worked example of the doc comment', () => {
    const R = [
      [1, 0.5, 0.4],
      [0.5, 1, 0.3],
      [0.4, 0.3, 1],
    ];
    expect(kmo(R, { correlation: true }).msa).toBeCloseTo(0.6278611324060892, 12);
  });

  it('names the items of a singular matrix and does not mutate its input', () => {
    const data = Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 5, 2 * i + 3, (i * i) % 7]);
    const before = JSON.stringify(data);
    expect(() => kmo(data, { names: ['a', 'b', 'c', 'd'] })).toThrow(UserInputError);
    expect(() => kmo(data, { names: ['a', 'b', 'c', 'd'] })).toThrow(/"a" \(column 0\) and item "c" \(column 2\)/);
    expect(JSON.stringify(data)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { silhouette } from '../../../lib/stats/cluster/silhouette';
import { distanceMatrix } from '../../../lib/stats/cluster/distanceMatrix';
import { UserInputError } from '../../../lib/util/errors';
import { MaxDiff, reference } from '../clusterResamplingReference';

describe('silhouette against cluster::silhouette', () => {
  it('widths, neighbours, cluster and overall averages to 1e-10', () => {
    const diff = new MaxDiff();
    for (const ref of reference.silhouette.refs) {
      const data = reference.silhouette.data[ref.data];
      const label = `${ref.data} [${ref.clusters.join(',')}]`;
      const r = silhouette(data, ref.clusters);
      expect(r.rows.map((x) => x.cluster), label).toEqual(ref.cluster);
      expect(r.rows.map((x) => x.neighbor), label).toEqual(ref.neighbor);
      r.rows.forEach((row, i) => diff.check(row.width, ref.width[i], 1e-10, `${label} width ${i}`));
      r.clusters.forEach((c, j) => diff.check(c.averageWidth, ref.cluster_average[j], 1e-10, `${label} cluster ${c.cluster}`));
      diff.check(r.averageWidth, ref.average, 1e-10, `${label} average`);
      // the same from a distance matrix
      expect(silhouette(distanceMatrix(data), ref.clusters)).toEqual(r);
    }
    console.log(`silhouette vs cluster::silhouette: ${reference.silhouette.refs.length} clusterings, max |diff| ${diff.max.toExponential(2)}`);
  });

  it('property: widths in [-1, 1], singletons 0, inputs unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }),
            fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
          ),
        ),
        ([data, cl]) => {
          const k = new Set(cl).size;
          fc.pre(k >= 2 && k < data.length);
          const copyD = structuredClone(data);
          const copyC = cl.slice();
          const r = silhouette(data, cl);
          expect(data).toEqual(copyD);
          expect(cl).toEqual(copyC);
          for (const row of r.rows) {
            expect(Math.abs(row.width)).toBeLessThanOrEqual(1 + 1e-12);
            expect(row.neighbor).not.toBe(row.cluster);
            if (cl.filter((c) => c === row.cluster).length === 1) expect(row.width).toBe(0);
          }
        },
      ),
      { numRuns: 100, seed: 20240607 },
    );
  });

  it('bad input: UserInputError naming the problem and the fix', () => {
    const data = [[1], [2], [5], [6]];
    expect(() => silhouette(data, [1, 1, 2])).toThrow(UserInputError);
    expect(() => silhouette(data, [1, 1, 2])).toThrow(/clusters has 3 entries but there are 4 objects/);
    expect(() => silhouette(data, [1, 1, 1, 1])).toThrow(/between 2 and 3 clusters/);
    expect(() => silhouette(data, [1, 2, 3, 4])).toThrow(/between 2 and 3 clusters/);
    expect(() => silhouette(data, [1, 1, 2.5, 2])).toThrow(/clusters\[2\] is 2.5; cluster numbers must be whole numbers/);
    expect(() => silhouette([[1], [NaN]], [1, 2])).toThrow(/NaN/);
  });
});

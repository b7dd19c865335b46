import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hclust } from '../../../lib/stats/cluster/hclust';
import { cutree } from '../../../lib/stats/cluster/cutree';
import { cophenetic } from '../../../lib/stats/cluster/cophenetic';
import { distanceMatrix } from '../../../lib/stats/cluster/distanceMatrix';
import { asDistanceMatrix } from '../../../lib/stats/cluster/asDistanceMatrix';
import { UserInputError } from '../../../lib/util/errors';
import { MaxDiff, reference } from '../clusterResamplingReference';

describe('hclust, cutree, cophenetic against R', () => {
  it('merge and order identical, heights to 1e-10, for every method and data set', () => {
    const diff = new MaxDiff();
    const coph = new MaxDiff();
    let trees = 0;
    for (const set of reference.hclust) {
      for (const ref of set.trees) {
        const label = `${set.name} ${ref.method}`;
        const tree = hclust(set.data, { method: ref.method, distance: set.distance });
        expect(tree.merge, `${label} merge`).toEqual(ref.merge);
        expect(tree.order, `${label} order`).toEqual(ref.order);
        tree.height.forEach((h, s) => diff.check(h, ref.height[s], 1e-10, `${label} height ${s}`));
        for (const c of ref.cutree!) expect(cutree(tree, c.k), `${label} cutree ${c.k}`).toEqual(c.cluster);
        const cp = cophenetic(tree);
        cp.matrix.forEach((row, i) => row.forEach((v, j) => coph.check(v, ref.cophenetic![i][j], 1e-10, `${label} cophenetic ${i},${j}`)));
        coph.check(cp.correlation, ref.cophenetic_correlation!, 1e-10, `${label} cophenetic correlation`);
        trees++;
      }
    }
    expect(trees).toBe(4 * 6);
    console.log(`hclust vs R: ${trees} trees, max |height diff| ${diff.max.toExponential(2)}, cophenetic ${coph.max.toExponential(2)}`);
  });

  it('clusters a given dissimilarity matrix like hclust(as.dist(d))', () => {
    const d = asDistanceMatrix(reference.hclust_given.distances);
    const diff = new MaxDiff();
    for (const ref of reference.hclust_given.trees) {
      const tree = hclust(d, { method: ref.method });
      expect(tree.merge, ref.method).toEqual(ref.merge);
      expect(tree.order, ref.method).toEqual(ref.order);
      tree.height.forEach((h, s) => diff.check(h, ref.height[s], 1e-10, `${ref.method} height ${s}`));
    }
    console.log(`hclust on given distances vs R: max |height diff| ${diff.max.toExponential(2)}`);
  });

  it('keeps labels and defaults to complete linkage and euclidean distance', () => {
    const data = reference.hclust[0].data;
    const labels = data.map((_, i) => `net${i + 1}`);
    const tree = hclust(data, { labels });
    expect(tree.method).toBe('complete');
    expect(tree.labels).toEqual(labels);
    expect(tree.distances.method).toBe('euclidean');
    const complete = reference.hclust[0].trees.find((t) => t.method === 'complete')!;
    expect(tree.merge).toEqual(complete.merge);
    expect(hclust(distanceMatrix(data, { labels }), { method: 'complete' }).labels).toEqual(labels);
  });
});

describe('hclust properties', () => {
  const dataArb = fc
    .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 4 }))
    .chain(([n, p]) => fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: p, maxLength: p }), { minLength: n, maxLength: n }));
  const methodArb = fc.constantFrom('ward.D2' as const, 'ward.D' as const, 'average' as const, 'complete' as const, 'single' as const, 'mcquitty' as const);

  it('cutree gives k clusters numbered by first appearance; order is a permutation; inputs unchanged', () => {
    fc.assert(
      fc.property(dataArb, methodArb, (data, method) => {
        const copy = structuredClone(data);
        const tree = hclust(data, { method });
        expect(data).toEqual(copy);
        const n = data.length;
        expect(tree.merge).toHaveLength(n - 1);
        expect([...tree.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        for (let k = 1; k <= n; k++) {
          const cl = cutree(tree, k);
          expect(new Set(cl).size).toBe(k);
          let next = 1;
          for (const c of cl) {
            expect(c).toBeLessThanOrEqual(next);
            if (c === next) next++;
          }
        }
        if (method !== 'ward.D') for (let s = 1; s < n - 1; s++) expect(tree.height[s]).toBeGreaterThanOrEqual(tree.height[s - 1] - 1e-12);
      }),
      { numRuns: 150, seed: 20240605 },
    );
  });
});

describe('distance matrices', () => {
  it('distanceMatrix computes R dist() distances', () => {
    expect(distanceMatrix([[0, 0], [3, 4], [6, 8]]).values).toEqual([[0, 5, 10], [5, 0, 5], [10, 5, 0]]);
    expect(distanceMatrix([[0, 0], [3, 4]], { method: 'manhattan' }).values[0][1]).toBe(7);
    expect(distanceMatrix([[0, 0], [3, 4]], { method: 'maximum' }).values[0][1]).toBe(4);
  });

  it('bad input: UserInputError naming the problem and the fix', () => {
    expect(() => hclust([[1, 2]])).toThrow(UserInputError);
    expect(() => hclust([[1, 2]])).toThrow(/at least 2 objects/);
    expect(() => hclust([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => hclust([[1, 2], [3, NaN]])).toThrow(/data\[1\]\[1\].*NaN/);
    expect(() => hclust([[1, 2], [3, null as never]])).toThrow(/missing; remove or impute/);
    expect(() => hclust([[1, 2], [3, 4]], { method: 'ward' as never })).toThrow(/options.method must be one of/);
    expect(() => hclust([[1, 2], [3, 4]], { labels: ['a'] })).toThrow(/labels has 1 entries but data has 2 rows/);
    expect(() => hclust('x' as never)).toThrow(/data matrix .* or a distance matrix/);
    expect(() => asDistanceMatrix([[0, 1], [2, 0]])).toThrow(/not symmetric/);
    expect(() => asDistanceMatrix([[0, -1], [-1, 0]])).toThrow(/>= 0/);
    expect(() => asDistanceMatrix([[1, 1], [1, 0]])).toThrow(/diagonal/);
    expect(() => asDistanceMatrix([[0, 1, 2], [1, 0, 3]])).toThrow(/square/);
    const tree = hclust([[1], [2], [4]]);
    expect(() => cutree(tree, 4)).toThrow(/k must be a whole number between 1 and 3/);
    expect(() => cutree(tree, 0)).toThrow(/between 1 and 3/);
    expect(() => cutree(tree, 1.5)).toThrow(/whole number/);
    expect(() => cutree({ ...tree, merge: [[-1, 5], [1, -3]] }, 2)).toThrow(/not a valid merge step/);
    expect(() => cophenetic({} as never)).toThrow(/result of hclust/);
  });
});

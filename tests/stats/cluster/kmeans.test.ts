import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kmeans } from '../../../lib/stats/cluster/kmeans';
import { UserInputError } from '../../../lib/util/errors';
import { createRandom } from '../../../lib/util/random';
import { MaxDiff, asArray, reference } from '../clusterResamplingReference';

describe('kmeans against R with given initial centres', () => {
  it('Lloyd and Hartigan-Wong: cluster, size, iterations identical; centres and SS to 1e-10', () => {
    const diff = new MaxDiff();
    let runs = 0;
    for (const ref of reference.kmeans.refs) {
      const data = reference.kmeans.data[ref.data];
      const start = asArray(ref.start_rows).map((r) => data[r - 1]);
      const algorithm = ref.algorithm === 'Lloyd' ? 'lloyd' : 'hartigan-wong';
      const label = `${ref.data} ${ref.algorithm} start ${asArray(ref.start_rows).join(',')}`;
      const r = kmeans(data, start, { algorithm });
      expect(r.cluster, `${label} cluster`).toEqual(ref.cluster);
      expect(r.size, `${label} size`).toEqual(asArray(ref.size));
      expect(r.iterations, `${label} iter`).toBe(ref.iter);
      expect(r.converged).toBe(true);
      expect(r.init).toBe('given');
      r.centers.forEach((row, l) => row.forEach((v, j) => diff.check(v, ref.centers[l][j], 1e-10, `${label} centre ${l},${j}`)));
      r.withinss.forEach((w, l) => diff.check(w, asArray(ref.withinss)[l], 1e-10, `${label} withinss ${l}`));
      diff.check(r.totWithinss, ref.tot_withinss, 1e-10, `${label} tot.withinss`);
      diff.check(r.totss, ref.totss, 1e-10, `${label} totss`);
      diff.check(r.betweenss, ref.betweenss, 1e-10, `${label} betweenss`);
      runs++;
    }
    expect(runs).toBe(14);
    console.log(`kmeans vs R (given centres): ${runs} runs, max |diff| ${diff.max.toExponential(2)}`);
  });
});

describe('kmeans with seeded starts', () => {
  const data = reference.kmeans.data.data30x4;

  it('same seed, same result; an injected generator with that seed too', () => {
    const a = kmeans(data, 3, { seed: 'k3' });
    const b = kmeans(data, 3, { seed: 'k3' });
    const c = kmeans(data, 3, { random: createRandom('k3') });
    expect(b).toEqual(a);
    expect(c.cluster).toEqual(a.cluster);
    expect(a.seed).toBe('k3');
  });

  it('finds at least as good a solution as R from the true group starts (both start schemes)', () => {
    const best = Math.min(
      ...reference.kmeans.refs.filter((r) => r.data === 'data30x4' && r.centers.length === 3).map((r) => r.tot_withinss),
    );
    for (const init of ['kmeans++', 'random'] as const) {
      for (const algorithm of ['hartigan-wong', 'lloyd'] as const) {
        const r = kmeans(data, 3, { seed: 'best', init, algorithm, nstart: 20 });
        expect(r.totWithinss).toBeLessThanOrEqual(best + 1e-9);
        expect(r.betweenss + r.totWithinss).toBeCloseTo(r.totss, 10);
      }
    }
  });

  it('k = 1 gives the grand mean', () => {
    const r = kmeans([[1, 2], [3, 4], [5, 9]], 1, { seed: 'one' });
    expect(r.cluster).toEqual([1, 1, 1]);
    expect(r.centers[0]).toEqual([3, 5]);
    expect(r.totWithinss).toBeCloseTo(r.totss, 14);
  });

  it('property: k clusters, sizes sum to n, withinss consistent with centres, inputs unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 15 }).chain((n) => fc.tuple(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }), fc.integer({ min: 2, max: 4 }))),
        fc.constantFrom('hartigan-wong' as const, 'lloyd' as const),
        fc.string({ maxLength: 5 }),
        ([data, k], algorithm, seed) => {
          const distinct = new Set(data.map((r) => r.join(','))).size;
          fc.pre(k < distinct && k < data.length);
          const copy = structuredClone(data);
          const r = kmeans(data, k, { algorithm, seed, nstart: 3 });
          expect(data).toEqual(copy);
          expect(r.size.reduce((a, b) => a + b, 0)).toBe(data.length);
          expect(new Set(r.cluster).size).toBe(k);
          let w = 0;
          data.forEach((row, i) => row.forEach((v, j) => (w += (v - r.centers[r.cluster[i] - 1][j]) ** 2)));
          expect(w).toBeCloseTo(r.totWithinss, 8);
          expect(kmeans(data, k, { algorithm, seed, nstart: 3 })).toEqual(r);
        },
      ),
      { numRuns: 80, seed: 20240606 },
    );
  });
});

describe('kmeans bad input', () => {
  it('throws UserInputError naming the problem and the fix', () => {
    const data = [[1, 2], [2, 3], [8, 9], [9, 9]];
    expect(() => kmeans(data, 5)).toThrow(UserInputError);
    expect(() => kmeans(data, 5)).toThrow(/k = 5 but there are 4 rows/);
    expect(() => kmeans(data, 0)).toThrow(/between 1 and the number of rows/);
    expect(() => kmeans(data, 4)).toThrow(/Hartigan-Wong needs fewer clusters than rows/);
    expect(() => kmeans(data, 2.5)).toThrow(/whole number of clusters/);
    expect(() => kmeans([[1, 2], [1, 2], [1, 2]], 2)).toThrow(/only 1 distinct rows/);
    expect(() => kmeans([[1, 2], [Infinity, 3], [4, 5]], 2)).toThrow(/data\[1\]\[0\].*Infinity/);
    expect(() => kmeans(data, [[1, 2], [1, 2]])).toThrow(/not distinct/);
    expect(() => kmeans(data, [[1], [2]])).toThrow(/centers has 1 columns but data has 2/);
    expect(() => kmeans(data, [[100, 100], [1, 2]], { algorithm: 'lloyd' })).toThrow(/leave a cluster empty/);
    expect(() => kmeans(data, 2, { algorithm: 'macqueen' as never })).toThrow(/options.algorithm/);
    expect(() => kmeans(data, 2, { nstart: 0 })).toThrow(/options.nstart/);
  });
});

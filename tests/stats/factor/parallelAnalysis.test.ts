import { describe, expect, it } from 'vitest';
import { parallelAnalysis } from '../../../lib/stats/factor/parallelAnalysis';
import { UserInputError } from '../../../lib/util/errors';
import { createRandom } from '../../../lib/util/random';
import { inputOptions, reference, type FaSet } from './reference';

describe(`parallelAnalysis: observed eigenvalues against psych::fa.parallel ${reference.psych_version}`, () => {
  for (const set of reference.sets) {
    for (const method of ['minres', 'pa', 'ml'] as const) {
      it(`${set.name}, ${method}`, () => {
        const r = parallelAnalysis(set.data, { ...inputOptions(set), method, iterations: 2, seed: 'observed' });
        const ref = set.extras.parallel_observed[method];
        r.observed.components.forEach((v, i) => expect(Math.abs(v - ref.pc_values[i])).toBeLessThan(1e-10));
        r.observed.factors.forEach((v, i) => expect(Math.abs(v - ref.fa_values[i])).toBeLessThan(1e-10));
      });
    }
  }
});

describe('parallelAnalysis: simulated eigenvalues (seeded; tested for their properties)', () => {
  const sim = reference.sets.find((s) => s.name === 'sim300x8') as FaSet;
  const pilot = reference.sets.find((s) => s.name === 'pilot81x12') as FaSet;

  it('is reproducible with a seed and an injected generator, and differs with another seed', () => {
    const a = parallelAnalysis(pilot.data, { seed: 'pilot', iterations: 10 });
    const b = parallelAnalysis(pilot.data, { seed: 'pilot', iterations: 10 });
    const c = parallelAnalysis(pilot.data, { seed: 'other', iterations: 10 });
    const d = parallelAnalysis(pilot.data, { random: createRandom('pilot'), iterations: 10 });
    expect(b).toEqual(a);
    expect(d.simulated).toEqual(a.simulated);
    expect(d.seed).toBeNull();
    expect(a.seed).toBe('pilot');
    expect(c.simulated.componentMean).not.toEqual(a.simulated.componentMean);
    expect(c.observed).toEqual(a.observed);
  });

  it('component eigenvalues of each random correlation matrix sum to the number of items', () => {
    const r = parallelAnalysis(pilot.data, { seed: 'trace', iterations: 15 });
    const p = pilot.data[0].length;
    expect(r.simulated.componentMean.reduce((s, v) => s + v, 0)).toBeCloseTo(p, 10);
    // decreasing, first above 1 and last below 1 for random data of this size
    r.simulated.componentMean.forEach((v, i, xs) => i > 0 && expect(v).toBeLessThanOrEqual(xs[i - 1]));
    expect(r.simulated.componentMean[0]).toBeGreaterThan(1);
    expect(r.simulated.componentMean[p - 1]).toBeLessThan(1);
    r.simulated.componentQuantile.forEach((q, i) => expect(q).toBeGreaterThanOrEqual(r.simulated.componentMean[i] - 0.1));
  });

  it(`simulated means agree with a ${reference.parallel_simulated.n_iter}-iteration psych run on the same data`, () => {
    const ps = reference.parallel_simulated;
    const r = parallelAnalysis(sim.data, { seed: 'long-run', iterations: ps.n_iter });
    r.simulated.componentMean.forEach((v, i) => expect(Math.abs(v - ps.pc_sim_mean[i])).toBeLessThan(0.03));
    r.simulated.factorMean.forEach((v, i) => expect(Math.abs(v - ps.fa_sim_mean[i])).toBeLessThan(0.03));
    expect(r.nfactors).toBe(ps.nfact);
    expect(r.ncomponents).toBe(ps.ncomp);
  });

  it('the mean criterion (Horn) retains at least as many as the 95% quantile criterion', () => {
    const q = parallelAnalysis(pilot.data, { seed: 'crit', iterations: 50 });
    const m = parallelAnalysis(pilot.data, { seed: 'crit', iterations: 50, criterion: 'mean' });
    expect(m.ncomponents).toBeGreaterThanOrEqual(q.ncomponents);
    expect(m.nfactors).toBeGreaterThanOrEqual(q.nfactors);
    expect(m.criterion).toBe('mean');
  });

  it('works from a correlation matrix with n and does not mutate its input', () => {
    const h74 = reference.sets.find((s) => s.name === 'harman74') as FaSet;
    const before = JSON.stringify(h74.data);
    const r = parallelAnalysis(h74.data, { correlation: true, n: 145, seed: 'h74', iterations: 20 });
    expect(JSON.stringify(h74.data)).toBe(before);
    expect(r.n).toBe(145);
    expect(r.ncomponents).toBeGreaterThanOrEqual(3);
    expect(r.nfactors).toBeGreaterThanOrEqual(4);
  });

  it('worked example of the doc comment', () => {
    const R = [
      [1, 0.56, 0.48, 0.17, 0.14, 0.12],
      [0.56, 1, 0.42, 0.15, 0.13, 0.11],
      [0.48, 0.42, 1, 0.13, 0.11, 0.09],
      [0.17, 0.15, 0.13, 1, 0.42, 0.35],
      [0.14, 0.13, 0.11, 0.42, 1, 0.3],
      [0.12, 0.11, 0.09, 0.35, 0.3, 1],
    ];
    const pa = parallelAnalysis(R, { correlation: true, n: 200, seed: 'doc', iterations: 100 });
    expect(pa.observed.components.map((v) => +v.toFixed(2))).toEqual([2.25, 1.44, 0.71, 0.59, 0.57, 0.43]);
    expect(pa.ncomponents).toBe(2);
    expect(pa.nfactors).toBe(2);
  });

  it('bad options are UserInputErrors with a fix', () => {
    const d = pilot.data;
    expect(() => parallelAnalysis(d, { iterations: 0 })).toThrow(UserInputError);
    expect(() => parallelAnalysis(d, { quantile: 1.5 })).toThrow(/quantile/);
    expect(() => parallelAnalysis(d, { seed: 3 as unknown as string })).toThrow(/seed must be a string/);
    expect(() => parallelAnalysis([[1, 0.3], [0.3, 1]], { correlation: true })).toThrow(/pass \{ correlation: true, n \}/);
    expect(() => parallelAnalysis([[1, 0.3], [0.3, 1]], { correlation: true, n: 2 })).toThrow(/more cases than items/);
  });
});

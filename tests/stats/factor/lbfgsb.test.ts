import { describe, expect, it } from 'vitest';
import { lbfgsb } from '../../../lib/stats/factor/internal/lbfgsb';
import { reference } from './reference';

// The optimiser behind efa's minres and ml, checked on its own against R's
// optim(method = "L-BFGS-B") (tests/r/fa-reference.R): same iterates, hence the same
// point, value, number of evaluations, convergence code and message.

function rosenbrock(x: Float64Array, g: Float64Array): number {
  g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
  g[1] = 200 * (x[1] - x[0] ** 2);
  return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
}

/** The extended Rosenbrock function of R's ?optim example ("flb"), with its gradient. */
function flb(x: Float64Array, g: Float64Array): number {
  const p = x.length;
  let f = 0;
  g.fill(0);
  for (let i = 0; i < p; i++) {
    const w = i === 0 ? 1 : 4;
    const prev = i === 0 ? 1 : x[i - 1];
    const r = x[i] - prev * prev;
    f += w * r * r;
    g[i] += 2 * w * r;
    if (i > 0) g[i - 1] -= 4 * w * r * x[i - 1];
  }
  return f;
}

describe("lbfgsb against R's optim L-BFGS-B", () => {
  for (const o of reference.optim) {
    it(o.name, () => {
      const fn = o.name.startsWith('flb') ? flb : rosenbrock;
      const lower = o.lower.map((v) => (v === null ? -Infinity : v));
      const upper = o.upper.map((v) => (v === null ? Infinity : v));
      const control = Array.isArray(o.control) ? {} : o.control;
      const start = Float64Array.from(o.start);
      const r = lbfgsb(fn, start, lower, upper, control);
      expect(Array.from(start)).toEqual(o.start); // input not modified
      r.x.forEach((v, i) => expect(Math.abs(v - o.par[i])).toBeLessThan(1e-10));
      expect(Math.abs(r.f - o.value)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(o.value)));
      expect(r.evaluations).toBe(o.counts);
      expect(r.code).toBe(o.convergence);
      expect(r.message).toBe(o.message);
    });
  }
});

/**
 * Correlation coefficients and shared input checks for the resampling functions
 * (internal; not exported from the barrel).
 *
 * - Pearson r = sum (x - mx)(y - my) / sqrt(sum (x - mx)^2 sum (y - my)^2).
 * - Spearman rho = Pearson r of the average ranks (R: cor(method = "spearman")).
 * - Kendall tau-b = S / sqrt((n0 - n1)(n0 - n2)), S = sum_{i<j} sign(x_i - x_j) sign(y_i - y_j),
 *   n0 = n(n-1)/2, n1 and n2 the numbers of pairs tied in x and in y
 *   (R: cor(method = "kendall")).
 *
 * Each returns null when the coefficient is undefined (a constant variable).
 */
import { UserInputError } from '../../../util/errors';
import { describeBadValue } from '../../internal/validate';
import { pearson } from '../../internal/moments';
import { averageRanks } from '../../internal/ranks';
import { createRandom, type Random } from '../../../util/random';

export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';
export const CORRELATION_METHODS: readonly CorrelationMethod[] = ['pearson', 'spearman', 'kendall'];

function isConstant(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[0]) return false;
  return true;
}

/** Kendall's tau-b, or null if x or y is constant. */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      if (a === 0) tx++;
      if (b === 0) ty++;
      s += a * b;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  if (tx === n0 || ty === n0) return null;
  return s / Math.sqrt((n0 - tx) * (n0 - ty));
}

/** The coefficient of `method` for paired data, or null when undefined (a constant variable). */
export function correlation(x: readonly number[], y: readonly number[], method: CorrelationMethod): number | null {
  if (x.length < 2 || isConstant(x) || isConstant(y)) return null;
  if (method === 'kendall') return kendallTauB(x, y);
  if (method === 'spearman') return pearson(averageRanks(x), averageRanks(y));
  return pearson(x, y);
}

/** Checks that x and y are equally long arrays of finite numbers with at least `min` pairs. */
export function checkPairs(x: unknown, y: unknown, min: number, fn: string): void {
  for (const [name, v] of [['x', x], ['y', y]] as const) {
    if (!Array.isArray(v)) {
      throw new UserInputError(`${fn}: ${name} must be an array of numbers; got ${describeBadValue(v)}.`);
    }
    v.forEach((value: unknown, i: number) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new UserInputError(
          `${fn}: ${name}[${i}] is ${value === null || value === undefined ? 'missing' : describeBadValue(value)}; ` +
            'every value must be a finite number (drop incomplete pairs first).',
        );
      }
    });
  }
  const nx = (x as unknown[]).length;
  const ny = (y as unknown[]).length;
  if (nx !== ny) {
    throw new UserInputError(`${fn}: x has ${nx} values but y has ${ny}; pass one (x, y) pair per case, in the same order.`);
  }
  if (nx < min) {
    throw new UserInputError(`${fn} needs at least ${min} pairs but got ${nx}; add cases.`);
  }
}

/** Options shared by the seeded functions: a seed string or an injected generator. */
export interface SeedOptions {
  /** Seed of the random stream (seedrandom ARC4); same seed, same result. */
  seed?: string;
  /** An injected generator; takes precedence over `seed`. */
  random?: Random;
}

/** The generator to use and a description of its seed for the result. */
export function resolveRandom(options: SeedOptions, defaultSeed: string): { random: Random; seed: string | null } {
  if (options.random !== undefined) {
    const r = options.random as Partial<Random>;
    if (typeof r !== 'object' || r === null || typeof r.uniform !== 'function' || typeof r.int !== 'function') {
      throw new UserInputError('options.random must be a Random from createRandom(seed) (lib/util/random.ts).');
    }
    return { random: options.random, seed: null };
  }
  const seed = options.seed ?? defaultSeed;
  if (typeof seed !== 'string') {
    throw new UserInputError(`options.seed must be a string; got ${describeBadValue(seed)}.`);
  }
  return { random: createRandom(seed), seed };
}

/** Checks a whole-number option >= min. */
export function checkWhole(value: unknown, min: number, option: string, fix = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new UserInputError(`${option} must be a whole number >= ${min}; got ${describeBadValue(value)}.${fix ? ' ' + fix : ''}`);
  }
  return value;
}

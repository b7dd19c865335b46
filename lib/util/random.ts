/**
 * Seeded randomness. Every random step in the project takes a `Random`
 * (injected, never Math.random), so the same seed gives byte-identical output.
 */
import seedrandom from 'seedrandom';

export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1), Box-Muller. */
  normal(): number;
  /** Whole number uniform on [0, n). */
  int(n: number): number;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(values: readonly T[]): T[];
}

/**
 * A seeded generator (seedrandom's ARC4, the library's default). Sub-streams
 * are made by seeding with a path such as `${seed}/survey/Notos`, so that a
 * change in one part of the data does not shift the random numbers of another.
 *
 * @example
 *   const rng = createRandom('delicate-verbanden/pilot');
 *   rng.normal(); // same value on every run
 */
export function createRandom(seed: string): Random {
  const prng = seedrandom(seed);
  let spare: number | null = null;
  const uniform = () => prng();
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // Box-Muller on (0, 1]: 1 - u avoids log(0).
      const u = 1 - uniform();
      const v = uniform();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
    shuffle<T>(values: readonly T[]): T[] {
      const out = values.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * Rounding that keeps a target mean. Continuous latent answers are turned
 * into whole answers on [min, max] by rounding after a common shift delta;
 * delta is chosen so that the mean of the whole answers comes as close to the
 * target as the grid allows (steps of 1 / number of answers). The shift moves
 * every answer alike, so the spread and the ordering of respondents stay as
 * generated.
 *
 * @example
 *   calibratedRound([3.4, 3.6, 4.2], 4, 1, 5); // [3, 4, 4]... or the nearest mean to 4
 */
export function calibratedRound(latent: readonly number[], target: number, min: number, max: number): number[] {
  const toWhole = (delta: number) => latent.map((x) => Math.min(max, Math.max(min, Math.round(x + delta))));
  const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  let best = toWhole(0);
  let bestErr = Math.abs(meanOf(best) - target);
  // A grid of shifts from -1.5 to +1.5 in steps of .002; the mean is a step
  // function of delta, so a fine grid finds the best step. Ties keep the
  // smallest shift (scan outward from 0).
  for (let step = 1; step <= 750; step++) {
    for (const delta of [step * 0.002, -step * 0.002]) {
      const whole = toWhole(delta);
      const err = Math.abs(meanOf(whole) - target);
      if (err < bestErr - 1e-12) {
        best = whole;
        bestErr = err;
      }
    }
  }
  return best;
}

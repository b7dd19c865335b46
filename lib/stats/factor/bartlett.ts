import { UserInputError } from '../../util/errors';
import { describeBadValue } from '../internal/validate';
import { chisqUpper } from './internal/chisq';
import { prepareCorrelation, type CorrelationInputOptions } from './internal/input';
import { LU } from './internal/linalg';

export type BartlettOptions = CorrelationInputOptions;

export interface BartlettResult {
  /** -ln det(R) (n - 1 - (2p + 5)/6). */
  chiSquare: number;
  /** p(p - 1)/2. */
  df: number;
  /** Upper-tail p-value. */
  p: number;
  /** Cases used. */
  n: number;
  /** Number of items. */
  items: number;
}

/**
 * Bartlett's (1951) test of sphericity: H0 the population correlation matrix is
 * the identity (the items are uncorrelated, so there is nothing to factor).
 *
 *   chi2 = -ln det(R) * (n - 1 - (2p + 5)/6),   df = p(p - 1)/2
 *
 * Bartlett, M. S. (1951). The effect of standardization on a chi square
 * approximation in factor analysis. Biometrika, 38, 337-344. As
 * psych::cortest.bartlett (which uses pairwise correlations and n = number of rows
 * for a data matrix); for a correlation matrix n is required (psych assumes 100
 * with a warning; here it is an error). Validated against psych 2.2.9 on the data
 * sets of tests/r/fa-reference.R (differences < 1e-9 relative).
 *
 * @example
 *   const R = [[1, .5, .4], [.5, 1, .3], [.4, .3, 1]];
 *   bartlett(R, { correlation: true, n: 100 }); // chiSquare ≈ 46.4, df 3, p ≈ 4.6e-10
 */
export function bartlett(data: readonly (readonly (number | null | undefined)[])[], options: BartlettOptions = {}): BartlettResult {
  if (options === null || typeof options !== 'object') {
    throw new UserInputError(`bartlett: options must be an object; got ${describeBadValue(options)}.`);
  }
  if (options.correlation && options.n === undefined) {
    throw new UserInputError('bartlett: the test needs the number of cases behind a correlation matrix; pass { correlation: true, n }.');
  }
  const { R, p, n } = prepareCorrelation(data, options, 'bartlett');
  const nn = n as number;
  const { log } = new LU(R, p).logDet();
  const chiSquare = -log * (nn - 1 - (2 * p + 5) / 6);
  const df = (p * (p - 1)) / 2;
  return { chiSquare, df, p: chisqUpper(chiSquare, df), n: nn, items: p };
}

import { UserInputError } from '../../util/errors';
import { checkMatrix } from '../internal/validate';
import type { DistanceMatrix } from './distanceMatrix';

/**
 * Wraps a square matrix of given dissimilarities (e.g. 1 - r between networks, or a
 * distance matrix read from a file) so that {@link hclust} and {@link silhouette}
 * treat it as distances rather than as data. R: as.dist(m).
 *
 * Requirements: square n x n, finite, non-negative, zero diagonal, symmetric up to a
 * relative 1e-12 (the upper triangle is mirrored to make it exactly symmetric).
 *
 * Validated: used for the distance-input cases of the hclust and silhouette tests
 * against R (tests/r/cluster-resampling-reference.R).
 *
 * Throws {@link UserInputError} naming the first offending cell.
 *
 * @example
 *   asDistanceMatrix([[0, 2, 5], [2, 0, 4], [5, 4, 0]], { labels: ['A', 'B', 'C'] });
 */
export function asDistanceMatrix(matrix: readonly (readonly number[])[], options: { labels?: readonly string[] } = {}): DistanceMatrix {
  const { nRows: n, nCols } = checkMatrix(matrix, { what: 'distances', allowMissing: false, columnNoun: 'object', rowNoun: 'object' });
  if (nCols !== n) throw new UserInputError(`distances must be square (n x n) but is ${n} x ${nCols}; pass dissimilarities between every pair of objects.`);
  const labels = options.labels;
  if (labels !== undefined && (!Array.isArray(labels) || labels.length !== n)) {
    throw new UserInputError(`options.labels has ${Array.isArray(labels) ? labels.length : 'no'} entries but there are ${n} objects; give one label per object.`);
  }
  const values = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    if (matrix[i][i] !== 0) throw new UserInputError(`distances[${i}][${i}] is ${matrix[i][i]}; the diagonal of a distance matrix must be 0.`);
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i][j];
      const b = matrix[j][i];
      if (a < 0) throw new UserInputError(`distances[${i}][${j}] is ${a}; dissimilarities must be >= 0.`);
      if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))) {
        throw new UserInputError(`distances is not symmetric: [${i}][${j}] = ${a} but [${j}][${i}] = ${b}; pass a symmetric matrix.`);
      }
      values[i][j] = values[j][i] = a;
    }
  }
  return { kind: 'distance', size: n, labels: labels ? labels.map(String) : values.map((_, i) => String(i + 1)), values, method: 'given' };
}

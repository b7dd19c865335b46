import { UserInputError } from '../../util/errors';
import { checkChoice, checkMatrix } from '../internal/validate';

export type DistanceMethod = 'euclidean' | 'manhattan' | 'maximum';

/** A symmetric matrix of dissimilarities between n objects (R: a "dist" object). */
export interface DistanceMatrix {
  readonly kind: 'distance';
  /** Number of objects n. */
  size: number;
  /** One label per object. */
  labels: string[];
  /** n x n, symmetric, zero diagonal. */
  values: number[][];
  /** How the dissimilarities were made ('given' for {@link asDistanceMatrix}). */
  method: DistanceMethod | 'given';
}

export interface DistanceMatrixOptions {
  /** Default 'euclidean'. */
  method?: DistanceMethod;
  /** One label per row (object); default "1".."n". */
  labels?: readonly string[];
}

/**
 * Distances between the rows of a complete data matrix (rows = objects, e.g. the ten
 * networks; columns = variables), as R's dist():
 *   euclidean d(i, j) = sqrt(sum_v (x_iv - x_jv)^2),
 *   manhattan d(i, j) = sum_v |x_iv - x_jv|,
 *   maximum   d(i, j) = max_v |x_iv - x_jv|.
 * Variables are not standardised; scale them first if their units differ.
 *
 * Reference: R Core Team, stats::dist. Validated through hclust and silhouette
 * against R (tests/r/cluster-resampling-reference.R), 1e-12.
 *
 * Throws {@link UserInputError} for an empty or ragged matrix, missing or non-finite
 * values, a wrong number of labels or an unknown method.
 *
 * @example
 *   distanceMatrix([[0, 0], [3, 4], [6, 8]]).values; // [[0, 5, 10], [5, 0, 5], [10, 5, 0]]
 */
export function distanceMatrix(data: readonly (readonly number[])[], options: DistanceMatrixOptions = {}): DistanceMatrix {
  const method = checkChoice(options.method ?? 'euclidean', ['euclidean', 'manhattan', 'maximum'] as const, 'options.method');
  const { nRows: n, nCols: p } = checkMatrix(data, {
    what: 'data',
    allowMissing: false,
    columnNoun: 'variable',
    rowNoun: 'object',
    missingHint: 'remove or impute incomplete rows first (distances need complete data).',
  });
  if (p === 0) throw new UserInputError('data has no columns; pass one column per variable.');
  const labels = options.labels;
  if (labels !== undefined && (!Array.isArray(labels) || labels.length !== n)) {
    throw new UserInputError(`options.labels has ${Array.isArray(labels) ? labels.length : 'no'} entries but data has ${n} rows; give one label per row.`);
  }
  const values = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let d = 0;
      for (let v = 0; v < p; v++) {
        const dev = data[i][v] - data[j][v];
        if (method === 'euclidean') d += dev * dev;
        else if (method === 'manhattan') d += Math.abs(dev);
        else d = Math.max(d, Math.abs(dev));
      }
      if (method === 'euclidean') d = Math.sqrt(d);
      values[i][j] = values[j][i] = d;
    }
  }
  return { kind: 'distance', size: n, labels: labels ? labels.map(String) : values.map((_, i) => String(i + 1)), values, method };
}

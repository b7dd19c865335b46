/** Shared input handling for lib/stats/cluster (internal). */
import { UserInputError } from '../../../util/errors';
import { describeBadValue } from '../../internal/validate';
import { type DistanceMatrix, type DistanceMethod, distanceMatrix } from '../distanceMatrix';

/** True for a {@link DistanceMatrix} (from distanceMatrix or asDistanceMatrix). */
export function isDistanceMatrix(v: unknown): v is DistanceMatrix {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: unknown }).kind === 'distance';
}

/**
 * A DistanceMatrix from either a data matrix (rows = objects) or a DistanceMatrix
 * (checked for shape). Labels from options override those of the input.
 */
export function resolveDistances(
  input: unknown,
  options: { labels?: readonly string[]; distance?: DistanceMethod },
  fn: string,
): DistanceMatrix {
  if (isDistanceMatrix(input)) {
    const n = input.size;
    if (!Array.isArray(input.values) || input.values.length !== n || input.values.some((row) => !Array.isArray(row) || row.length !== n)) {
      throw new UserInputError(`${fn}: the distance matrix is malformed (values must be ${n} x ${n}); build it with distanceMatrix() or asDistanceMatrix().`);
    }
    const labels = options.labels;
    if (labels !== undefined && (!Array.isArray(labels) || labels.length !== n)) {
      throw new UserInputError(`${fn}: options.labels has ${Array.isArray(labels) ? labels.length : 'no'} entries but there are ${n} objects; give one label per object.`);
    }
    return { ...input, labels: labels ? labels.map(String) : input.labels.slice() };
  }
  if (!Array.isArray(input)) {
    throw new UserInputError(
      `${fn}: pass a data matrix (array of rows, one row per object) or a distance matrix from distanceMatrix()/asDistanceMatrix(); got ${describeBadValue(input)}.`,
    );
  }
  return distanceMatrix(input as number[][], { method: options.distance, labels: options.labels });
}

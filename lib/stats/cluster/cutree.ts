import { UserInputError } from '../../util/errors';
import type { HclustTree } from './hclust';
import { checkTree } from './internal/tree';

/**
 * Cuts a tree from {@link hclust} into k groups, as R's cutree(tree, k): the clusters
 * present after the first n - k merges. Cluster numbers 1..k follow R: in order of
 * the first appearance of their observations (observation 1 is in cluster 1, the
 * next observation not in cluster 1 starts cluster 2, and so on), not by size or
 * height.
 *
 * Returns one cluster number per object, 0-based by object (result[i] is the
 * cluster of object i, whose label is tree.labels[i]).
 *
 * Reference: R Core Team, stats::cutree. Validated against R 4.2 cutree for k = 2..5
 * on two data sets and all methods (identical; tests/r/cluster-resampling-reference.R).
 *
 * Throws {@link UserInputError} for a malformed tree or k not a whole number in 1..n.
 *
 * @example
 *   const tree = hclust([[1, 1], [1.5, 1], [5, 5], [5, 6], [9, 9]], { method: 'average' });
 *   cutree(tree, 2); // [1, 1, 2, 2, 2]
 *   cutree(tree, 3); // [1, 1, 2, 2, 3]
 */
export function cutree(tree: HclustTree, k: number): number[] {
  const n = checkTree(tree, 'cutree');
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    throw new UserInputError(`cutree: k must be a whole number between 1 and ${n} (the number of objects); got ${String(k)}.`);
  }
  // owner[i] = -j while object i (= j - 1) is a singleton, s once it is in the cluster of step s
  const owner = new Int32Array(n).map((_, i) => -(i + 1));
  for (let s = 1; s <= n - k; s++) {
    const [a, b] = tree.merge[s - 1];
    for (let i = 0; i < n; i++) {
      const o = owner[i];
      if (o === a || o === b) owner[i] = s;
    }
  }
  const number = new Map<number, number>();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    let c = number.get(o);
    if (c === undefined) {
      c = number.size + 1;
      number.set(o, c);
    }
    out[i] = c;
  }
  return out;
}

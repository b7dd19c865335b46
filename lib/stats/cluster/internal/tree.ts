/** Checks on an hclust tree passed back in by the user (internal). */
import { UserInputError } from '../../../util/errors';
import type { HclustTree } from '../hclust';

/** Checks the shape of a tree from {@link hclust}; returns n. */
export function checkTree(tree: unknown, fn: string): number {
  const t = tree as Partial<HclustTree> | null;
  const n = t?.n;
  if (
    typeof t !== 'object' || t === null || typeof n !== 'number' || !Array.isArray(t.merge) || t.merge.length !== n - 1 ||
    !Array.isArray(t.height) || t.height.length !== n - 1
  ) {
    throw new UserInputError(`${fn}: tree must be the result of hclust() (with n, merge and height); got something else.`);
  }
  t.merge.forEach((m, s) => {
    const ok = (v: number) => Number.isInteger(v) && v !== 0 && (v < 0 ? -v <= n : v <= s);
    if (!Array.isArray(m) || m.length !== 2 || !ok(m[0]) || !ok(m[1])) {
      throw new UserInputError(`${fn}: tree.merge[${s}] is not a valid merge step (R convention: -j object j, m an earlier step); pass the tree from hclust() unchanged.`);
    }
  });
  return n;
}

/** Members (0-based objects) of the cluster formed at each step (1-based index; [0] unused). */
export function stepMembers(merge: readonly (readonly [number, number])[]): number[][] {
  const members: number[][] = [[]];
  const side = (v: number) => (v < 0 ? [-v - 1] : members[v]);
  for (const [a, b] of merge) members.push([...side(a), ...side(b)]);
  return members;
}

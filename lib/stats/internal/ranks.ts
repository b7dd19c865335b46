/** Ranks with ties averaged (R's rank(x), ties.method = "average"); 1-based. (internal) */
export function averageRanks(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) ranks[idx[m]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Sizes of the groups of tied values (only groups of 2 or more). */
export function tieGroupSizes(xs: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}

/**
 * Explorer data of any number of groups without generating respondents: the
 * default data's variables (ids, labels, ranges, saved views), with values
 * drawn per group around each variable's mean and spread on the ten
 * networks, seeded. For the browser tests at many groups; the bench uses a
 * generated study (scripts/bench/explorer.ts).
 */
import { loadDefault } from '../figures/fixtures';
import { explorerData } from '../../lib/explorer/explorerData';
import type { ExplorerData, PortraitCell } from '../../lib/explorer/types';
import { criticalR } from '../../lib/analysis/evaluateFindings';
import { reportStudyDefinition } from '../../lib/io/studyDefinition';
import { createRandom } from '../../lib/util/random';

let base: ExplorerData | null = null;

/** The explorer's data of the shipped default data (10 networks). */
export function defaultExplorerData(): ExplorerData {
  if (!base) {
    const d = loadDefault();
    base = explorerData({ survey: d.rows, networks: d.networkRows, instrument: d.instrument, definition: reportStudyDefinition(), synthetic: d.synthetic });
  }
  return base;
}

export function manyGroups(n: number, seed = 'explorer-fixture'): ExplorerData {
  const b = defaultExplorerData();
  const rng = createRandom(`${seed}/${n}`);
  const groups = Array.from({ length: n }, (_, k) => `Groep ${String(k + 1).padStart(String(n).length, '0')}`);
  const common = groups.map(() => rng.normal());
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  const variables = b.variables.map((v) => {
    const known = v.values.filter((x): x is number => x !== null);
    const m = known.reduce((a, c) => a + c, 0) / known.length;
    const sd = Math.sqrt(known.reduce((a, c) => a + (c - m) ** 2, 0) / Math.max(1, known.length - 1)) || 1;
    const [lo, hi] = v.range;
    const values = groups.map((_, k) => {
      const x = m + sd * (0.5 * common[k] + 0.85 * rng.normal());
      return v.range[0] === 1 ? r6(Math.min(hi, Math.max(lo, x))) : Math.max(0, Math.round(x));
    });
    return { ...v, values };
  });
  const cell = (): PortraitCell => {
    const m = 2 + 2 * rng.uniform();
    return [r6(m), r6(m - 0.3), r6(m + 0.3), 5 + rng.int(20)];
  };
  const oneSided = [0, 0, 0];
  const twoSided = [0, 0, 0];
  for (let k = 3; k <= n; k++) {
    oneSided.push(Math.round(criticalR(k, false) * 1e4) / 1e4);
    twoSided.push(Math.round(criticalR(k, true) * 1e4) / 1e4);
  }
  return {
    ...b,
    groups,
    variables,
    categories: b.categories.map((c) => ({ ...c, codes: groups.map(() => rng.int(c.levels.length)) })),
    portrait: { ...b.portrait, bands: groups.map(() => b.portrait.constructs.map(() => cell())) },
    splits: b.splits.map((s) => ({ ...s, cells: groups.map(() => s.levels.map(() => (rng.uniform() < 0.5 ? null : b.portrait.constructs.map(() => cell())))) })),
    critical: { oneSided, twoSided },
  };
}

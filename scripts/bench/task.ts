/**
 * One benchmark task in a fresh process (so its peak memory is its own):
 *   tsx scripts/bench/task.ts <task> <matrix file> <repeats>
 * Prints JSON {task, ms: [..], medianMs, maxRssMB}. Time covers the library
 * call only, not reading the file.
 */
import { performance } from 'node:perf_hooks';
import { readMatrix } from './data';
import { reliability, icc, bootstrap, correlate } from '../../lib/stats';
import * as stats from '../../lib/stats';

const [task, file, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const data = readMatrix(file);

const tasks: Record<string, () => unknown> = {
  alpha: () => reliability(data, { missing: 'listwise' }),
  icc: () => icc(data, { missing: 'listwise' }),
  efa: () => {
    const efa = (stats as unknown as { efa?: (d: number[][], o: object) => unknown }).efa;
    if (!efa) throw new Error('efa is not in lib/stats yet');
    return efa(data, { nfactors: 4, method: 'minres', rotate: 'oblimin' });
  },
  bootstrap: () => {
    // 20 network-level correlations (pairs of the 10 x 40 matrix's columns), 10^4 resamples each.
    const rows = data;
    for (let p = 0; p < 20; p++) {
      const a = p;
      const b = p + 20;
      bootstrap(rows, (s) => correlate(s.map((r) => r[a]), s.map((r) => r[b])).r, { iterations: 10_000, seed: `bench-${p}`, ci: 'both' });
    }
  },
};
const run = tasks[task];
if (!run) throw new Error(`unknown task ${task}`);
const ms: number[] = [];
for (let r = 0; r < repeats; r++) {
  const t0 = performance.now();
  run();
  ms.push(performance.now() - t0);
}
const sorted = [...ms].sort((x, y) => x - y);
console.log(JSON.stringify({ task, ms, medianMs: sorted[Math.floor(sorted.length / 2)], maxRssMB: process.resourceUsage().maxRSS / 1024 }));

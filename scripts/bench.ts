/**
 * `npm run bench`: the same generated data through this library and through
 * R psych (when Rscript with psych is installed), in one run, each task in a
 * fresh process; prints the time ratio and each side's peak memory, and
 * writes out/bench.json.
 *
 *   npm run bench -- [--quick] [--r-timeout SECONDS] [--only alpha,icc,efa,bootstrap,figures,reproduce]
 *
 * Times are medians over repeats of the library call alone (reading the data
 * is not timed). A ratio > 1 means this library is faster.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { likertMatrix, normalMatrix, writeMatrix } from './bench/data';
import { runCli, UserInputError } from '../lib/util/errors';
import { loadStudyData } from '../lib/io/loadStudyData';
import { reportFigures } from '../lib/figures/reportFigures';
import { exportFigures } from '../lib/render/exportFigures';
import { figurePages, findChromium } from '../lib/render/browser';
import { benchReproduce } from './bench/reproduce';

interface TaskResult {
  ok: boolean;
  medianMs?: number;
  maxRssMB?: number;
  error?: string;
}

interface Case {
  task: 'alpha' | 'icc' | 'efa' | 'bootstrap';
  label: string;
  rows: number;
  cols: number;
  repeats: number;
  make: () => Float64Array;
}

const root = path.resolve(__dirname, '..');

function runTask(cmd: string, args: string[], timeoutMs: number): TaskResult {
  const res = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=16384' } });
  if (res.error && (res.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { ok: false, error: `did not finish within ${timeoutMs / 1000} s` };
  if (res.status !== 0) {
    const msg = (res.stderr || res.stdout || '').trim().split('\n').filter(Boolean);
    const last = msg.find((l) => /cannot allocate|Error|error/.test(l)) ?? msg.at(-1) ?? `exit ${res.status}`;
    return { ok: false, error: last.slice(0, 140) };
  }
  const line = res.stdout.trim().split('\n').at(-1)!;
  const parsed = JSON.parse(line);
  return { ok: true, medianMs: parsed.medianMs, maxRssMB: parsed.maxRssMB };
}

function hasR(): boolean {
  const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(psych)); library(boot)'], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * Times the export of every report figure (SVG + PNG at 2x, files written)
 * after the browser has started. With several pages drawing at once a
 * figure's own time (latency) overlaps the others', so the time per figure is
 * the wall-clock time of all of them divided by their number; the latencies
 * are printed too.
 */
async function benchFigures(): Promise<void> {
  const { instrument, survey, networks } = loadStudyData();
  const { figures } = reportFigures(
    { instrument, survey: survey.table.objects() as Record<string, unknown>[], networks: networks?.table.objects() as Record<string, unknown>[] },
    { lang: 'nl', synthetic: true },
  );
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'delicate-bench-fig-'));
  try {
    const result = await exportFigures(figures, { outDir });
    const per = result.timings.map((t) => t.ms);
    const mean = per.reduce((a, b) => a + b, 0) / per.length;
    const sorted = [...per].sort((a, b) => a - b);
    console.log(
      `figures: ${per.length} figures (SVG + PNG) in ${(result.renderMs / 1000).toFixed(2)} s after a browser start of ${(result.startupMs / 1000).toFixed(2)} s, ` +
        `${figurePages()} page(s) at once: ${(result.renderMs / per.length).toFixed(0)} ms per figure (goal < 100 ms); ` +
        `each figure's own time mean ${mean.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
    );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

runCli(async () => {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const timeoutArg = argv.indexOf('--r-timeout');
  const rTimeout = timeoutArg >= 0 ? Number(argv[timeoutArg + 1]) : 600;
  if (!(rTimeout > 0)) throw new UserInputError('--r-timeout: expected a number of seconds > 0');
  const onlyArg = argv.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? '').split(',')) : null;

  const sizes = quick ? [1e3, 1e4] : [1e3, 1e5, 1e6];
  const cases: Case[] = [];
  for (const task of ['alpha', 'icc'] as const) {
    for (const n of sizes) {
      cases.push({ task, label: `${task} ${n.toExponential().replace('e+', 'e')} x 40`, rows: n, cols: 40, repeats: n <= 1e3 ? 21 : n <= 1e5 ? 5 : 3, make: () => likertMatrix(n, 40, 4, `bench-${task}-${n}`) });
    }
  }
  cases.push({ task: 'efa', label: 'efa minres+oblimin 1000 x 60, 4 factors', rows: 1000, cols: 60, repeats: quick ? 3 : 7, make: () => likertMatrix(1000, 60, 4, 'bench-efa') });
  cases.push({ task: 'bootstrap', label: 'bootstrap 20 r x 10^4 (N = 10)', rows: 10, cols: 40, repeats: quick ? 1 : 3, make: () => normalMatrix(10, 40, 'bench-boot') });

  const r = hasR();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'delicate-bench-'));
  const results: Array<{ label: string; ours: TaskResult; psych: TaskResult | null; ratio: number | null }> = [];
  console.log(`bench: ${os.cpus().length} cores, Node ${process.version}; R psych ${r ? 'found' : 'NOT found (only this library is timed)'}`);
  console.log('task'.padEnd(42) + 'this lib ms'.padStart(12) + 'psych ms'.padStart(12) + '  ratio'.padStart(9) + '   peak MB (lib / R)');
  try {
    for (const c of cases) {
      if (only && !only.has(c.task)) continue;
      const file = path.join(tmp, `${c.task}-${c.rows}x${c.cols}.bin`);
      writeMatrix(file, c.make(), c.rows, c.cols);
      const ours = runTask(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/task.ts', c.task, file, String(c.repeats)], 30 * 60 * 1000);
      // psych::ICC fits an aov with one factor level per target: slow and huge, so fewer repeats.
      const rRepeats = c.rows >= 1e6 ? 1 : c.task === 'icc' ? Math.min(3, c.repeats) : c.repeats;
      const psych = r ? runTask('Rscript', ['scripts/bench/task.R', c.task, file, String(rRepeats)], rTimeout * 1000) : null;
      const ratio = ours.ok && psych?.ok ? psych.medianMs! / ours.medianMs! : null;
      results.push({ label: c.label, ours, psych, ratio });
      const f = (t: TaskResult | null) => (t === null ? 'n/a' : t.ok ? t.medianMs!.toFixed(1) : 'failed');
      console.log(
        c.label.padEnd(42) + f(ours).padStart(12) + f(psych).padStart(12) + (ratio === null ? '-' : `${ratio.toFixed(1)}x`).padStart(9) +
          `   ${ours.maxRssMB?.toFixed(0) ?? '-'} / ${psych?.maxRssMB?.toFixed(0) ?? '-'}` +
          (!ours.ok ? `   this lib: ${ours.error}` : '') + (psych && !psych.ok ? `   psych: ${psych.error}` : ''),
      );
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!only || only.has('figures')) {
    try {
      findChromium();
      await benchFigures();
    } catch (e) {
      console.log(`figures: not timed (${(e as Error).message.split('\n')[0]})`);
    }
  }
  // Last: reproduce rewrites out/ (notebooks, figures, report) as a user's run would.
  const reproduce = !only || only.has('reproduce') ? await benchReproduce(root) : null;
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'out', 'bench.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, results, reproduce }, null, 2) + '\n');
  console.log('ratio = psych time / this library time (> 1: this library is faster). Written: out/bench.json');
});

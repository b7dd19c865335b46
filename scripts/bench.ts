/**
 * `npm run bench`: the same generated data through this library and through
 * R psych (when Rscript with psych is installed), in one run, each task in a
 * fresh process; prints the time ratio and each side's peak memory, and
 * writes out/bench.json.
 *
 *   npm run bench -- [--quick] [--r-timeout SECONDS] [--only alpha,icc,efa,bootstrap,report,large,limits,figures,reproduce]
 *
 * Times are medians over repeats of the library call alone (reading the data
 * is not timed). A ratio > 1 means this library is faster.
 *
 * "report at 2,000 groups" (`report`, part of every run): writeReport on a
 * generated study of 100,000 respondents in 2,000 groups against arquero's
 * parse of the same survey.csv, each in a fresh process, in the same run
 * (ratio; goal of issue 13: at most 10x). `large` (only with --only large: it
 * takes minutes): the peak memory (RSS) of a report on 1,000,000 respondents in
 * 10,000 groups, in a child process (goal: at most 4 GB). `limits` (only with
 * --only limits: minutes): the largest file of each kind, read in a fresh
 * process, its time and peak RSS (scripts/bench/limits.ts).
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
import { benchExplorer, printExplorerBench, type ExplorerBenchRow } from './bench/explorer';
import { benchLimits, type LimitBench } from './bench/limits';
import { generateStudy } from '../lib/data/generateStudy';
import { readInstrument } from '../lib/io/instrument';
import { writeReport } from '../lib/report/writeReport';
import * as aq from 'arquero';

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

/**
 * The parts of the report benchmark that run in a fresh process of their own
 * (`tsx scripts/bench.ts --child <what> ...`); each prints one JSON line.
 */
function child(argv: string[]): void {
  const [what, dir, arg] = argv;
  const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
  const rss = () => process.resourceUsage().maxRSS / 1024;
  if (what === 'generate') {
    // --child generate DIR groups,min,max
    const [groups, lo, hi] = arg.split(',').map(Number);
    const files = generateStudy(readInstrument(), { groups, respondents: [lo, hi] });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    console.log(JSON.stringify({ respondents: files['survey.csv'].split('\n').length - 2, bytes: Buffer.byteLength(files['survey.csv']) }));
  } else if (what === 'arquero') {
    // --child arquero DIR repeats: read and parse survey.csv
    const ms: number[] = [];
    let rows = 0;
    for (let k = 0; k < Number(arg); k++) {
      const t0 = performance.now();
      const table = aq.fromCSV(fs.readFileSync(path.join(dir, 'survey.csv'), 'utf8'));
      ms.push(performance.now() - t0);
      rows = table.numRows();
    }
    console.log(JSON.stringify({ ms, medianMs: median(ms), rows, maxRssMB: rss() }));
  } else if (what === 'report') {
    // --child report DIR repeats: writeReport as `npm run report -- --data DIR` does
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'delicate-bench-report-out-'));
    try {
      const ms: number[] = [];
      let size = 0;
      for (let k = 0; k < Number(arg); k++) {
        const t0 = performance.now();
        size = writeReport({ dataDir: dir, lang: 'nl', out: path.join(out, 'report.html'), root }).size;
        ms.push(performance.now() - t0);
      }
      console.log(JSON.stringify({ ms, medianMs: median(ms), size, maxRssMB: rss(), uptimeMs: process.uptime() * 1000 }));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  } else throw new Error(`bench --child: unknown part ${what}`);
}

/** Runs `scripts/bench.ts --child ...` in a fresh process; its JSON line, or the error. */
function runChild(args: string[], heapMB: number, timeoutMs: number): { ok: true; value: Record<string, number> } | { ok: false; error: string } {
  const res = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench.ts', '--child', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 << 20,
  });
  if (res.error) return { ok: false, error: (res.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `did not finish within ${timeoutMs / 1000} s` : res.error.message };
  if (res.status !== 0) return { ok: false, error: (res.stderr || res.stdout || `exit ${res.status}`).trim().split('\n').slice(-3).join(' ').slice(0, 300) };
  return { ok: true, value: JSON.parse(res.stdout.trim().split('\n').at(-1)!) };
}

interface ReportBench {
  label: string;
  groups: number;
  respondents: number | null;
  /** The first writeReport in its process (what `npm run report` pays, module loading aside). */
  reportMs: number | null;
  /** Median of the repeats in the same process (warm). */
  reportWarmMs: number | null;
  /** Median of arquero's parses (each: read survey.csv and fromCSV). */
  arqueroMs: number | null;
  ratio: number | null;
  reportRssMB: number | null;
  sizeMB: number | null;
  error?: string;
}

/**
 * The report on a generated study (issue 13): at 2,000 groups its time
 * against arquero's parse of the same survey.csv (ratio, goal <= 10x); with
 * `large`, 10,000 groups and about 1,000,000 respondents, its peak RSS (goal
 * <= 4 GB). Data generated in a child process, every part in a fresh one.
 */
function benchReport(large: boolean): ReportBench {
  const [groups, lo, hi, repeats] = large ? [10_000, 80, 120, 1] : [2000, 40, 60, 3];
  const label = large ? 'report at 10,000 groups (1,000,000 respondents)' : 'report at 2,000 groups (100,000 respondents)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delicate-bench-study-'));
  const fail = (error: string): ReportBench => ({ label, groups, respondents: null, reportMs: null, reportWarmMs: null, arqueroMs: null, ratio: null, reportRssMB: null, sizeMB: null, error });
  try {
    const gen = runChild(['generate', dir, `${groups},${lo},${hi}`], 16384, 30 * 60 * 1000);
    if (!gen.ok) return fail(`generating the study: ${gen.error}`);
    const arquero = runChild(['arquero', dir, String(large ? 1 : 5)], 16384, 30 * 60 * 1000);
    // The report with a heap limit well above the goal, so that its peak RSS is measured, not capped.
    const report = runChild(['report', dir, String(repeats)], 16384, 60 * 60 * 1000);
    if (!report.ok) return { ...fail(`report: ${report.error}`), respondents: gen.value.respondents };
    const arqueroMs = arquero.ok ? arquero.value.medianMs : null;
    return {
      label,
      groups,
      respondents: gen.value.respondents,
      reportMs: (report.value.ms as unknown as number[])[0],
      reportWarmMs: report.value.medianMs,
      arqueroMs,
      ratio: arqueroMs ? (report.value.ms as unknown as number[])[0] / arqueroMs : null,
      reportRssMB: report.value.maxRssMB,
      sizeMB: report.value.size / 1e6,
      ...(arquero.ok ? {} : { error: `arquero: ${arquero.error}` }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printReportBench(b: ReportBench, large: boolean): void {
  if (b.reportMs === null) {
    console.log(`${b.label}: failed (${b.error})`);
    return;
  }
  const goal = large
    ? `peak RSS ${b.reportRssMB!.toFixed(0)} MB (goal <= 4096 MB: ${b.reportRssMB! <= 4096 ? 'met' : 'NOT met'})`
    : `${b.ratio === null ? 'no ratio' : `${b.ratio.toFixed(1)}x`} arquero's parse of the same survey.csv (${b.arqueroMs?.toFixed(0) ?? '-'} ms; goal <= 10x: ${b.ratio !== null && b.ratio <= 10 ? 'met' : 'NOT met'}); peak RSS ${b.reportRssMB!.toFixed(0)} MB`;
  console.log(`${b.label}: ${b.respondents} respondents, report ${(b.reportMs / 1000).toFixed(2)} s (median of the runs in that process ${(b.reportWarmMs! / 1000).toFixed(2)} s; ${b.sizeMB!.toFixed(1)} MB page), ${goal}${b.error ? `; ${b.error}` : ''}`);
}

if (process.argv[2] === '--child') {
  child(process.argv.slice(3));
  process.exit(0);
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
  const reports: ReportBench[] = [];
  for (const large of [false, true]) {
    // the large one only when asked for by name: it takes minutes
    if (large ? !only?.has('large') : only && !only.has('report')) continue;
    const b = benchReport(large);
    reports.push(b);
    printReportBench(b, large);
  }
  // the limits only when asked for by name: making the files takes minutes
  const limits: LimitBench[] = only?.has('limits') ? benchLimits(root, quick) : [];
  if (!only || only.has('figures')) {
    try {
      findChromium();
      await benchFigures();
    } catch (e) {
      console.log(`figures: not timed (${(e as Error).message.split('\n')[0]})`);
    }
  }
  let explorer: ExplorerBenchRow[] = [];
  if (!only || only.has('explorer')) {
    try {
      explorer = await benchExplorer();
      printExplorerBench(explorer);
    } catch (e) {
      console.log(`explorer: not timed (${(e as Error).message.split('\n')[0]})`);
    }
  }
  // Last: reproduce rewrites out/ (notebooks, figures, report) as a user's run would.
  const reproduce = !only || only.has('reproduce') ? await benchReproduce(root) : null;
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'out', 'bench.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, results, reports, limits, explorer, reproduce }, null, 2) + '\n');
  console.log('ratio = psych time / this library time (> 1: this library is faster). Written: out/bench.json');
});

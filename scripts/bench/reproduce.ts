/**
 * The reproduce benchmark of `npm run bench`: `npm run reproduce` end to end
 * (in a child process, as a user runs it) with its time per step and per
 * notebook, against the yardstick of the same number of EMPTY tslab
 * notebooks executed by Jupyter (kernel start, nbconvert, one empty cell),
 * one after the other as `jupyter nbconvert --execute` runs a list of
 * notebooks. Both run in the same bench run, on the same machine; the result
 * is a ratio (goal of issue 5: the whole run within twice the empty
 * notebooks' time). For a fairer view of the notebook step alone it is also
 * set against the empty notebooks run as many at a time as reproduce runs
 * them.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { benchEmptyNotebooks } from '../jupyter/bench';
import { findJupyter } from '../jupyter/jupyter';
import { defaultConcurrency, listNotebooks } from '../jupyter/runner';

export interface ReproduceBench {
  notebooks: number;
  /** Notebooks reproduce runs at a time. */
  concurrency: number;
  /** The yardstick: the empty notebooks one after the other. */
  emptyTotalMs: number;
  emptyPerNotebookMs: number[];
  /** The empty notebooks `concurrency` at a time. */
  emptyConcurrentMs: number;
  reproduceTotalMs: number;
  /** Step times as reproduce prints them (seconds, rounded to .1). */
  steps: Record<string, number>;
  /** Per notebook: name and seconds (as reproduce prints them). */
  perNotebook: Array<{ name: string; s: number }>;
  /** reproduce end to end / empty notebooks one after the other (goal <= 2). */
  ratio: number;
  /** reproduce's notebook step (with static images) / empty notebooks `concurrency` at a time. */
  notebookStepRatio: number | null;
}

/** Reads reproduce's progress lines: step times and the time of each notebook. */
export function parseReproduceOutput(out: string): { steps: Record<string, number>; perNotebook: Array<{ name: string; s: number }> } {
  const steps: Record<string, number> = {};
  const perNotebook: Array<{ name: string; s: number }> = [];
  const grab = (key: string, re: RegExp) => {
    const m = re.exec(out);
    if (m) steps[key] = Number(m[1]);
  };
  grab('build', /Built dist\/ \(npm run build\) in ([\d.]+) s/);
  grab('build (dist/ up to date)', /dist\/ is up to date .*checked in ([\d.]+) s/);
  grab('static images', /static images for \d+ figures in ([\d.]+) s/);
  grab('notebooks (with static images)', /wrote \d+ executed notebooks to .* in ([\d.]+) s/);
  grab('figures', /wrote \d+ files \(SVG and PNG\) in ([\d.]+) s/);
  grab('whole run', /Done in ([\d.]+) s/);
  for (const m of out.matchAll(/\[\s*\d+\/\d+\]\s+(\S+)\s+([\d.]+) s\s+\d+ code cells/g)) perNotebook.push({ name: m[1], s: Number(m[2]) });
  return { steps, perNotebook };
}

function runReproduce(root: string): Promise<{ ms: number; out: string; code: number | null }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, path.join(root, 'scripts', 'reproduce.ts')], { cwd: root, env: process.env });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('close', (code) => resolve({ ms: Date.now() - started, out, code }));
  });
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs both and prints the comparison; returns null (with a line saying why) when Jupyter is missing. */
export async function benchReproduce(root: string): Promise<ReproduceBench | null> {
  if (!findJupyter()) {
    console.log('reproduce: not timed (Jupyter is not installed; see README, Prerequisites)');
    return null;
  }
  const count = listNotebooks(path.join(root, 'notebooks')).length;
  const concurrency = defaultConcurrency();
  console.log(`\nreproduce: ${count} notebooks (${concurrency} at a time in reproduce); first ${count} empty tslab notebooks through the same runner, one after the other and ${concurrency} at a time, then npm run reproduce end to end`);
  // One throw-away empty notebook first: the first kernel start after a build reads cold files.
  await benchEmptyNotebooks(1, { root, concurrency: 1 });
  const empty = await benchEmptyNotebooks(count, { root, concurrency: 1 });
  console.log(`  ${count} empty notebooks, one after the other: ${s(empty.totalMs)} (each ${s(Math.min(...empty.ms))}-${s(Math.max(...empty.ms))})`);
  const emptyConcurrent = concurrency > 1 ? await benchEmptyNotebooks(count, { root, concurrency }) : empty;
  if (concurrency > 1) console.log(`  ${count} empty notebooks, ${concurrency} at a time: ${s(emptyConcurrent.totalMs)}`);
  const run = await runReproduce(root);
  if (run.code !== 0) {
    console.log(`  npm run reproduce failed (exit ${run.code}); last lines:\n${run.out.trim().split('\n').slice(-8).join('\n')}`);
    return null;
  }
  const { steps, perNotebook } = parseReproduceOutput(run.out);
  const width = Math.max(...perNotebook.map((n) => n.name.length));
  for (const n of perNotebook) console.log(`    ${n.name.padEnd(width)} ${n.s.toFixed(1).padStart(6)} s`);
  for (const [k, v] of Object.entries(steps)) console.log(`  ${k}: ${v.toFixed(1)} s`);
  const ratio = run.ms / empty.totalMs;
  const step = steps['notebooks (with static images)'];
  const notebookStepRatio = step === undefined ? null : (step * 1000) / emptyConcurrent.totalMs;
  if (notebookStepRatio !== null) console.log(`  notebook step: ${step.toFixed(1)} s = ${notebookStepRatio.toFixed(2)}x the empty notebooks ${concurrency} at a time`);
  console.log(`  npm run reproduce end to end: ${s(run.ms)} = ${ratio.toFixed(2)}x the empty notebooks one after the other (goal <= 2x)`);
  return {
    notebooks: count,
    concurrency,
    emptyTotalMs: empty.totalMs,
    emptyPerNotebookMs: empty.ms,
    emptyConcurrentMs: emptyConcurrent.totalMs,
    reproduceTotalMs: run.ms,
    steps,
    perNotebook,
    ratio,
    notebookStepRatio,
  };
}

/**
 * Runs the project's notebooks headless: each notebook through nbconvert's
 * ExecutePreprocessor (scripts/jupyter/execute.py) with the project's tslab
 * kernel, one after the other, stopping at the first cell error. Writes each
 * executed notebook, with its outputs, normalised so that two runs on the same
 * data give identical files (no execution timestamps, stable figure ids).
 *
 * Data folder and language reach the notebooks through the environment:
 * DV_DATA_DIR and DV_LANG (see lib/notebooks/context.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { UserInputError } from '../../lib/util/errors';
import { jupyterEnv, KERNEL_NAME, PROJECT_ROOT, registerKernel, requireJupyter, type JupyterInstall } from './jupyter';
import { STATIC_FIGURES_OFF } from '../../lib/render/sharedRenderer';

/** A notebook as nbformat 4 JSON (only the parts the runner touches are typed). */
export interface NotebookJson {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  metadata: Record<string, unknown>;
  source: string | string[];
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  execution_count?: number | null;
}

/** Where and why a notebook stopped. */
export interface NotebookFailure {
  notebook: string;
  /** 1-based position of the failing cell among all cells (markdown included), as you count them in Jupyter. */
  cell: number;
  /** Number of cells in the notebook. */
  of: number;
  kind: 'error' | 'timeout' | 'dead kernel' | 'jupyter';
  /** First line of the cell's code, to find it. */
  code: string;
  /** The error message, without a stack trace. */
  message: string;
}

export interface NotebookResult {
  notebook: string;
  /** The executed notebook that was written (also when a cell failed). */
  output: string | null;
  ok: boolean;
  /** Why the notebook was not run (a file it requires is not in the data folder), else null. */
  skipped: string | null;
  ms: number;
  /** Wall time per code cell (0-based cell index). */
  cells: Array<{ cell: number; ms: number }>;
  failure: NotebookFailure | null;
}

export interface RunNotebooksOptions {
  /** Notebook files, in order (default: every NN-*.ipynb of notebooks/). */
  notebooks?: string[];
  /** Folder for the executed notebooks; null writes nothing (the test runner). Default out/notebooks. */
  outDir?: string | null;
  /** DV_DATA_DIR for the notebooks (default: the shipped data/). */
  dataDir?: string;
  /** DV_LANG for the notebooks (default 'nl'). */
  lang?: 'nl' | 'en';
  /** Seconds a single cell may take (default 600). */
  cellTimeout?: number;
  /** Notebooks executed at the same time (default defaultConcurrency(): one more than the cores; env DV_NOTEBOOK_CONCURRENCY). */
  concurrency?: number;
  /** Called before and after each notebook, in notebook order (onStart when its line is due, not when its kernel starts). */
  onStart?: (notebook: string, index: number, total: number) => void;
  onDone?: (result: NotebookResult, index: number, total: number) => void;
  /** Keep running the next notebooks after a failure (default false: stop). */
  keepGoing?: boolean;
  /**
   * Let show() render each figure's static image in the kernel (one Chromium
   * per kernel). Default false: the kernels get DV_STATIC_FIGURES=0 (no
   * browser, figures interactive only), and addStaticFiguresToFiles adds the
   * images afterwards in one Chromium session for all notebooks.
   */
  staticFiguresInKernel?: boolean;
  /** A Jupyter installation (default: found with requireJupyter). */
  jupyter?: JupyterInstall;
  /** Project root (default this project). */
  root?: string;
}

export const NOTEBOOK_DIR = path.join(PROJECT_ROOT, 'notebooks');
export const DEFAULT_NOTEBOOK_OUT = path.join(PROJECT_ROOT, 'out', 'notebooks');
const EXECUTE_PY = path.join(PROJECT_ROOT, 'scripts', 'jupyter', 'execute.py');

/**
 * The data files a notebook needs beyond survey.csv, from its metadata
 * (`"dv": { "requires": ["pilot.csv"] }`): without them the runner skips it.
 */
export function notebookRequires(file: string): string[] {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as NotebookJson;
  const dv = nb.metadata.dv as { requires?: unknown } | undefined;
  return Array.isArray(dv?.requires) ? dv!.requires.filter((x): x is string => typeof x === 'string') : [];
}

/** The numbered notebooks of a folder (01-....ipynb, 02-..., ...) in reading order. */
export function listNotebooks(dir = NOTEBOOK_DIR): string[] {
  if (!fs.existsSync(dir)) throw new UserInputError(`${dir}: no notebooks folder.`);
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{2}-.+\.ipynb$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

const sourceText = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join('') : s ?? '');

/**
 * The error text of a failed cell, from its outputs: error outputs
 * (`ename: evalue`) and what the kernel wrote to stderr (tslab reports errors
 * there, with ename and evalue empty). Stack frames, tslab's echo of the
 * offending source line and its caret are dropped.
 */
export function cellErrorText(cell: NotebookCell): string {
  const parts: string[] = [];
  for (const o of cell.outputs ?? []) {
    if (o.output_type === 'error') {
      const head = [o.ename, o.evalue].filter((x) => x && x.trim() !== '').join(': ');
      if (head) parts.push(head);
    } else if (o.output_type === 'stream' && o.name === 'stderr') {
      parts.push(sourceText(o.text));
    }
  }
  const lines = parts
    .join('\n')
    .replace(/\u001b\[[0-9;]*m/g, '') // colours
    .split('\n');
  const kept: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    // tslab/node echo: "evalmachine.<anonymous>:2" + source line + "^^^" + blank line
    if (/^evalmachine\.<anonymous>:\d+/.test(line)) {
      k++;
      while (k + 1 < lines.length && /^\s*\^+\s*$/.test(lines[k + 1])) k++;
      continue;
    }
    if (/^\s+at\s/.test(line)) continue; // stack frames
    if (/^\s*\^+\s*$/.test(line)) continue;
    kept.push(line.replace(/\s+$/, ''));
  }
  const text = kept.join('\n').replace(/\n{2,}/g, '\n').trim();
  return text === '' ? 'the cell failed without an error message' : text;
}

/** One-paragraph message for a failed notebook: notebook, cell number, code and error text (no stack trace). */
export function formatFailure(f: NotebookFailure, root = PROJECT_ROOT): string {
  const rel = path.relative(root, f.notebook) || f.notebook;
  const where = f.cell > 0 ? `cell ${f.cell} of ${f.of}` : 'before the first cell';
  const what = f.kind === 'timeout' ? 'took too long' : f.kind === 'dead kernel' ? 'stopped the kernel' : f.kind === 'jupyter' ? 'could not be run by Jupyter' : 'failed';
  const code = f.code ? `\n  code: ${f.code}` : '';
  const message = f.message
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `${rel}: ${where} ${what}${code}\n${message}`;
}

const FIGURE_ID = /dv-figure-[0-9a-z]+-(\d+)/g;

/**
 * Makes an executed notebook independent of when it ran: drops nbclient's
 * execution timestamps (cell metadata.execution), numbers code cells 1, 2, ...
 * in order, and replaces the per-session part of figure ids
 * (`dv-figure-<session>-<n>`) by the notebook's number. Pure; returns a copy.
 */
export function normaliseNotebook(nb: NotebookJson, tag = 'nb'): NotebookJson {
  const copy = JSON.parse(JSON.stringify(nb)) as NotebookJson;
  let count = 0;
  for (const cell of copy.cells) {
    delete cell.metadata.execution;
    delete (cell.metadata as Record<string, unknown>).papermill;
    if (cell.cell_type !== 'code') continue;
    const executed = (cell.outputs?.length ?? 0) > 0 || cell.execution_count !== null;
    cell.execution_count = executed ? ++count : null;
    for (const o of cell.outputs ?? []) {
      if ('execution_count' in o) o.execution_count = cell.execution_count;
      if (o.data) {
        for (const [mime, v] of Object.entries(o.data)) {
          if (typeof v === 'string') o.data[mime] = v.replace(FIGURE_ID, `dv-figure-${tag}-$1`);
          else if (Array.isArray(v)) o.data[mime] = v.map((s) => (typeof s === 'string' ? s.replace(FIGURE_ID, `dv-figure-${tag}-$1`) : s));
        }
      }
    }
  }
  delete copy.metadata.widgets;
  delete copy.metadata.papermill;
  return copy;
}

/** JSON with sorted keys and one-space indent, as nbformat writes notebooks. */
export function notebookText(nb: NotebookJson): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sortKeys(nb), null, 1) + '\n';
}

function runPython(python: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Executes one notebook; writes the normalised result to `outFile` (or a temporary file when null). */
export async function executeNotebook(
  file: string,
  options: { outFile?: string | null; env?: Record<string, string>; cellTimeout?: number; jupyter?: JupyterInstall; root?: string } = {},
): Promise<NotebookResult> {
  const root = options.root ?? PROJECT_ROOT;
  const jupyter = options.jupyter ?? requireJupyter();
  file = path.resolve(file);
  const source = JSON.parse(fs.readFileSync(file, 'utf8')) as NotebookJson;
  fs.mkdirSync(path.join(root, '.jupyter-env'), { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(root, '.jupyter-env', 'run-'));
  const rawOut = path.join(tmpDir, path.basename(file));
  const start = Date.now();
  try {
    const r = await runPython(jupyter.python, [EXECUTE_PY, file, rawOut, KERNEL_NAME, String(options.cellTimeout ?? 600)], jupyterEnv(root, options.env), path.dirname(file));
    const ms = Date.now() - start;
    const last = r.stdout.trim().split('\n').filter(Boolean).at(-1) ?? '';
    let report: { ok: boolean; cell?: number; kind?: NotebookFailure['kind']; cells?: Array<{ cell: number; ms: number }> } | null = null;
    try {
      report = JSON.parse(last);
    } catch {
      report = null;
    }
    if (!report || !fs.existsSync(rawOut)) {
      const why = r.stderr.trim().split('\n').filter(Boolean).at(-1) ?? `exit code ${r.code}`;
      return { notebook: file, output: null, ok: false, skipped: null, ms, cells: [], failure: { notebook: file, cell: 0, of: source.cells.length, kind: 'jupyter', code: '', message: why } };
    }
    const executed = normaliseNotebook(JSON.parse(fs.readFileSync(rawOut, 'utf8')) as NotebookJson, path.basename(file).slice(0, 2));
    let output: string | null = null;
    if (options.outFile) {
      fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
      fs.writeFileSync(options.outFile, notebookText(executed));
      output = options.outFile;
    }
    let failure: NotebookFailure | null = null;
    if (!report.ok) {
      const index = report.cell ?? -1;
      const cell = executed.cells[index];
      const code = cell ? sourceText(cell.source).split('\n').find((l) => l.trim() !== '') ?? '' : '';
      const message = report.kind === 'timeout' ? `no result within ${options.cellTimeout ?? 600} s` : report.kind === 'dead kernel' ? 'the kernel died (out of memory, or a crash in native code)' : cell ? cellErrorText(cell) : 'unknown error';
      failure = { notebook: file, cell: index + 1, of: executed.cells.length, kind: report.kind ?? 'error', code: code.trim(), message };
    }
    return { notebook: file, output, ok: report.ok, skipped: null, ms, cells: report.cells ?? [], failure };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

/**
 * Runs notebooks with the project's kernel (registered first), DV_DATA_DIR
 * and DV_LANG set, `concurrency` at a time. Stops at the first failure
 * unless `keepGoing`. Throws the install hint when Jupyter is missing.
 */
export async function runNotebooks(options: RunNotebooksOptions = {}): Promise<NotebookResult[]> {
  const root = options.root ?? PROJECT_ROOT;
  const jupyter = options.jupyter ?? requireJupyter();
  registerKernel(root);
  const notebooks = (options.notebooks ?? listNotebooks(path.join(root, 'notebooks'))).map((f) => path.resolve(f));
  const outDir = options.outDir === undefined ? path.join(root, 'out', 'notebooks') : options.outDir;
  const env: Record<string, string> = {
    DV_DATA_DIR: path.resolve(options.dataDir ?? path.join(root, 'data')),
    DV_LANG: options.lang ?? 'nl',
    ...(options.staticFiguresInKernel ? {} : STATIC_FIGURES_OFF),
  };
  // Notebooks run side by side (each in its own kernel), `concurrency` at a
  // time; results are reported in notebook order. After a failure no new
  // notebook starts, and the ones after it are not reported.
  const concurrency = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), notebooks.length));
  const results: Array<NotebookResult | undefined> = new Array(notebooks.length);
  let next = 0;
  let reported = 0;
  /** A failure was reported (in order): report nothing more. */
  let stopped = false;
  /** A failure happened (maybe before an earlier notebook finished): start nothing new. */
  let stopping = false;
  const announced = new Set<number>();
  const announce = (k: number) => {
    if (k < notebooks.length && !announced.has(k)) {
      announced.add(k);
      options.onStart?.(notebooks[k], k, notebooks.length);
    }
  };
  const report = () => {
    while (!stopped && reported < notebooks.length && results[reported]) {
      const r = results[reported]!;
      announce(reported);
      options.onDone?.(r, reported, notebooks.length);
      reported++;
      if (!r.ok && !options.keepGoing) stopped = true;
      else announce(reported);
    }
  };
  announce(0);
  const worker = async () => {
    while (!stopped && !stopping && next < notebooks.length) {
      const k = next++;
      const nb = notebooks[k];
      const missing = notebookRequires(nb).filter((f) => !fs.existsSync(path.join(env.DV_DATA_DIR, f)));
      if (missing.length > 0) {
        results[k] = { notebook: nb, output: null, ok: true, skipped: `needs ${missing.join(', ')} in the data folder`, ms: 0, cells: [], failure: null };
        report();
        continue;
      }
      results[k] = await executeNotebook(nb, {
        outFile: outDir === null ? null : path.join(outDir, path.basename(nb)),
        env,
        cellTimeout: options.cellTimeout,
        jupyter,
        root,
      });
      report();
      if (!results[k]!.ok && !options.keepGoing) stopping = true;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results.slice(0, reported) as NotebookResult[];
}

/**
 * Notebooks at a time: one more than the cores ($DV_NOTEBOOK_CONCURRENCY
 * overrides). A kernel's start has idle stretches (Python and Node start-up,
 * the kernel handshake) that a further notebook fills: on the 2-core build
 * machine `npm run reproduce` took 64.5-65.0 s with 3 at a time against
 * 68.1-69.7 s with 2 and 65.6-70.7 s with 4 (alternating runs).
 */
export function defaultConcurrency(): number {
  const env = Number(process.env.DV_NOTEBOOK_CONCURRENCY);
  if (Number.isInteger(env) && env > 0) return env;
  return os.cpus().length + 1;
}

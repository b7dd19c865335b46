/**
 * The yardstick for the notebook runner: how long Jupyter takes to execute
 * the same number of EMPTY tslab notebooks (kernel start, nbconvert, nothing
 * else), through the same runner and with the same number at a time as
 * `npm run reproduce`. `npm run bench` measures reproduce against it (goal:
 * the whole run within twice that time).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jupyterDirs, PROJECT_ROOT, requireJupyter } from './jupyter';
import { defaultConcurrency, notebookText, runNotebooks, type NotebookJson } from './runner';

export interface EmptyNotebookBench {
  count: number;
  /** Notebooks executed at the same time (as reproduce). */
  concurrency: number;
  /** Wall time of each empty notebook (kernel start to end), in notebook order. */
  ms: number[];
  /** Wall time of the whole batch. */
  totalMs: number;
}

/** An empty notebook with the project's kernel (one empty code cell, as a new notebook has). */
export function emptyNotebook(): NotebookJson {
  return {
    cells: [{ cell_type: 'code', id: 'empty', metadata: {}, source: '', outputs: [], execution_count: null }],
    metadata: { kernelspec: { display_name: 'TypeScript (Delicate verbanden)', language: 'typescript', name: 'tslab' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * Executes `count` empty tslab notebooks (written to .jupyter-env/bench/)
 * through `runNotebooks`, `concurrency` at a time (default: what reproduce
 * uses, `defaultConcurrency()`).
 */
export async function benchEmptyNotebooks(count: number, options: { concurrency?: number; root?: string } = {}): Promise<EmptyNotebookBench> {
  const root = options.root ?? PROJECT_ROOT;
  const concurrency = options.concurrency ?? defaultConcurrency();
  const jupyter = requireJupyter();
  const dir = path.join(jupyterDirs(root).base, 'bench');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const text = notebookText(emptyNotebook());
  const files = Array.from({ length: count }, (_, k) => {
    const file = path.join(dir, `${String(k + 1).padStart(2, '0')}-empty.ipynb`);
    fs.writeFileSync(file, text);
    return file;
  });
  const started = Date.now();
  const results = await runNotebooks({ notebooks: files, outDir: null, jupyter, root, concurrency });
  const totalMs = Date.now() - started;
  const failed = results.find((r) => !r.ok);
  if (failed) throw new Error(`empty notebook failed: ${failed.failure?.message}`);
  return { count, concurrency, ms: results.map((r) => r.ms), totalMs };
}

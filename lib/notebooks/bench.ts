/**
 * The yardstick for the notebook runner: how long Jupyter takes to execute
 * the same number of EMPTY tslab notebooks (kernel start, nbconvert, nothing
 * else), through the same runner. `npm run reproduce`'s notebook step is
 * measured against it (goal: within twice that time).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jupyterDirs, PROJECT_ROOT, registerKernel, requireJupyter } from './jupyter';
import { executeNotebook, notebookText, type NotebookJson } from './runner';

export interface EmptyNotebookBench {
  count: number;
  /** Wall time per empty notebook, in run order. */
  ms: number[];
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

/** Executes `count` empty tslab notebooks one after the other (in .jupyter-env/bench/). */
export async function benchEmptyNotebooks(count: number, root = PROJECT_ROOT): Promise<EmptyNotebookBench> {
  const jupyter = requireJupyter();
  registerKernel(root);
  const dir = path.join(jupyterDirs(root).base, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'empty.ipynb');
  fs.writeFileSync(file, notebookText(emptyNotebook()));
  const ms: number[] = [];
  const started = Date.now();
  for (let k = 0; k < count; k++) {
    const r = await executeNotebook(file, { outFile: null, jupyter, root });
    if (!r.ok) throw new Error(`empty notebook failed: ${r.failure?.message}`);
    ms.push(r.ms);
  }
  return { count, ms, totalMs: Date.now() - started };
}

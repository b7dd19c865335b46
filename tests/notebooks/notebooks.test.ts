/**
 * Executes every notebook of notebooks/ headless (Jupyter + the project's
 * tslab kernel, on the shipped data) and fails on any cell error, naming the
 * notebook, the cell and the error. Skipped, loudly, only when Jupyter is not
 * installed (.ci/run installs it).
 */
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { findJupyter, JUPYTER_INSTALL_HINT, PROJECT_ROOT } from '../../scripts/jupyter/jupyter';
import { formatFailure, listNotebooks, runNotebooks, type NotebookResult } from '../../scripts/jupyter/runner';

const jupyter = findJupyter();
const notebooks = listNotebooks();

if (!jupyter) {
  const line = '!'.repeat(78);
  console.warn(`\n${line}\nSKIPPING the notebook tests: Jupyter is not installed.\n${JUPYTER_INSTALL_HINT}\n${line}\n`);
}

describe.skipIf(!jupyter)('every notebook runs without a cell error', () => {
  const results = new Map<string, NotebookResult>();

  beforeAll(async () => {
    // the notebooks import dist/: build it from the current lib/
    const tsc = require.resolve('typescript/bin/tsc');
    const built = spawnSync(process.execPath, [tsc, '-p', path.join(PROJECT_ROOT, 'tsconfig.json')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
    const run = await runNotebooks({ notebooks, outDir: null, keepGoing: true, jupyter: jupyter! });
    for (const r of run) results.set(r.notebook, r);
  }, 30 * 60_000);

  it('finds the numbered notebooks', () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(9);
    expect(notebooks.map((f) => path.basename(f).slice(0, 2))).toEqual(notebooks.map((_, k) => String(k + 1).padStart(2, '0')));
  });

  for (const nb of notebooks) {
    it(path.basename(nb), () => {
      const r = results.get(nb);
      expect(r, `${path.basename(nb)} was not run`).toBeDefined();
      if (!r!.ok) expect.fail(formatFailure(r!.failure!));
      expect(r!.cells.length).toBeGreaterThan(0);
    });
  }
});

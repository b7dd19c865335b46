/**
 * Executes every notebook of notebooks/ headless (Jupyter + the project's
 * tslab kernel, on the shipped data) and fails on any cell error, naming the
 * notebook, the cell and the error. Then notebooks 03-09 on a study that is
 * not the report's (tests/notebooks/otherStudy.ts: 40 groups, survey.csv
 * only, other construct ids, a study.json of its own). Skipped, loudly, only
 * when Jupyter is not installed (.ci/run installs it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { findJupyter, JUPYTER_INSTALL_HINT, PROJECT_ROOT } from '../../scripts/jupyter/jupyter';
import { formatFailure, listNotebooks, runNotebooks, type NotebookJson, type NotebookResult } from '../../scripts/jupyter/runner';
import { tempDir } from '../tempDirs';
import { writeOtherStudy } from './otherStudy';

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

/** What the cells printed and displayed (figures by their alt text, tables as text), in one string. */
function outputText(nb: NotebookJson): string {
  const text = (x: unknown) => (Array.isArray(x) ? x.join('') : typeof x === 'string' ? x : '');
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => {
      const html = text(o.data?.['text/html']);
      // a figure's HTML holds its spec and plotly.js: keep its title only; the explorer's: its text and its data (the JSON), not plotly.js, its page script or its style
      const visible = (h: string) => h.replace(/<script type="text\/(javascript|plain)"[^>]*>[^]*?<\/script>|<style>[^]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
      const shown = html.includes('dv-figure') ? (/alt="([^"]*)"|<p[^>]*>([^<]*)\(interactive/.exec(html)?.slice(1).find(Boolean) ?? '') : visible(html);
      return [text(o.text), text(o.data?.['text/plain']), shown, o.evalue ?? ''].join('\n');
    })
    .join('\n');
}

// After the run on the shipped data (describe blocks run in order; the first builds dist/).
describe.skipIf(!jupyter)("notebooks 03-09 on a study that is not the report's (40 groups, survey.csv only, other construct ids)", () => {
  const which = notebooks.filter((f) => /^0[3-9]-/.test(path.basename(f)));
  const results = new Map<string, NotebookResult>();
  const texts = new Map<string, string>();

  beforeAll(async () => {
    const dataDir = writeOtherStudy(tempDir('dv-nb-other-'));
    const outDir = tempDir('dv-nb-other-out-');
    const run = await runNotebooks({ notebooks: which, dataDir, lang: 'en', outDir, keepGoing: true, jupyter: jupyter! });
    for (const r of run) {
      results.set(r.notebook, r);
      if (r.output) texts.set(r.notebook, outputText(JSON.parse(fs.readFileSync(r.output, 'utf8')) as NotebookJson));
    }
  }, 15 * 60_000);

  for (const nb of which) {
    it(path.basename(nb), () => {
      const r = results.get(nb);
      expect(r, `${path.basename(nb)} was not run`).toBeDefined();
      if (!r!.ok) expect.fail(formatFailure(r!.failure!));
      const text = texts.get(nb) ?? '';
      expect(text).toContain('study: other-study');
      // the study's own groups and construct ids, never the report's
      expect(text).not.toMatch(/\b(Aparctias|Apeliotes|Meses|Notos|Erus|Zephyrus)\b/);
      expect(text).not.toMatch(/\b(shared_vision|topic_overlap|network_overlap|bnd_natural|decision_making|effect_education)\b/);
      expect(text).not.toMatch(/undefined|\[object Object\]|\bNaN\b/);
    });
  }

  it('says in one line what the study lacks, and numbers the figures as npm run figures does', () => {
    const all = [...texts.values()].join('\n');
    expect(all).toContain('Skipped the years figure: no networks.csv in the data folder, which gives the years.');
    expect(all).toContain('Skipped the overlap figure: the study defines no overlap figure (study.json "overlap").');
    expect(all).toContain('Skipped the pattern figure "decisions": the study defines 2 pattern figures and none with id "decisions" (study.json "patterns").');
    // 40 portraits, motivation 41, boundaries 42, years 43, overlap 44, the patterns 45 and 46
    expect(all).toContain('Figure 40: Characteristics of the network Group 40');
    expect(all).toContain('Figure 41: Motivation for taking part');
    expect(all).toContain('Figure 45: Borders');
    expect(all).toContain('Figure 46: Effect');
    expect(all).toMatch(/vision_effect\s+\+\s+40 /);
  });
});

/**
 * The notebook runner: its error message on deliberately failing notebooks
 * (needs Jupyter; skipped loudly without), and the pure parts (error text,
 * normalisation, kernel registration, static figure outputs) always.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findJupyter, jupyterDirs, jupyterEnv, kernelSpec, KERNEL_NAME, PROJECT_ROOT, registerKernel, requireJupyter } from '../../scripts/jupyter/jupyter';
import { cellErrorText, executeNotebook, formatFailure, listNotebooks, normaliseNotebook, notebookRequires, notebookText, runNotebooks, type NotebookCell, type NotebookJson } from '../../scripts/jupyter/runner';
import { findFigureOutputs } from '../../scripts/jupyter/staticFigures';
import { staticFiguresEnabled, STATIC_FIGURES_OFF } from '../../lib/render/sharedRenderer';
import { figureHtml } from '../../lib/render/show';
import { UserInputError } from '../../lib/util/errors';
import { tempDir } from '../tempDirs';

const FIXTURES = path.join(__dirname, 'fixtures');
const jupyter = findJupyter();
if (!jupyter) console.warn('\nSKIPPING the runner tests that execute notebooks: Jupyter is not installed (see tests/notebooks/notebooks.test.ts).\n');

describe.skipIf(!jupyter)('a failing notebook stops with notebook, cell number and error text', () => {
  // A fresh clone has no project kernel yet: register it here rather than
  // relying on another test file having run first.
  beforeAll(() => {
    registerKernel();
  });

  it('a thrown error: cell 3 of 4, the message, no stack trace, the cells after it not run', async () => {
    const file = path.join(FIXTURES, 'failing-throw.ipynb');
    const out = path.join(tempDir('dv-runner-'), 'out.ipynb');
    const r = await executeNotebook(file, { outFile: out, jupyter: jupyter! });
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ notebook: file, cell: 3, of: 4, kind: 'error', code: '// the third cell throws' });
    expect(r.failure!.message).toBe('Error: deliberate failure in the fixture');
    const text = formatFailure(r.failure!);
    expect(text).toBe(
      'tests/jupyter/fixtures/failing-throw.ipynb: cell 3 of 4 failed\n  code: // the third cell throws\n  Error: deliberate failure in the fixture',
    );
    expect(text).not.toMatch(/\n\s+at /);
    // the executed notebook is written up to the error: cell 2's output is there, cell 4 has none
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as NotebookJson;
    expect(written.cells[1].outputs?.[0]?.text).toEqual(['2\n']);
    expect(written.cells[3].outputs).toEqual([]);
  }, 120_000);

  it('a type error: the compiler message with line and column', async () => {
    const r = await executeNotebook(path.join(FIXTURES, 'failing-type.ipynb'), { outFile: null, jupyter: jupyter! });
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ cell: 2, of: 2, kind: 'error' });
    expect(r.failure!.message).toBe("1:7 - Type 'string' is not assignable to type 'number'.");
  }, 120_000);
});

describe('notebooks that need a data file the folder lacks', () => {
  it('are skipped, not run, and say which file they need', async () => {
    const file = path.join(FIXTURES, 'requires-missing-file.ipynb');
    expect(notebookRequires(file)).toEqual(['no-such-file.csv']);
    const lines: string[] = [];
    // no kernel is started for a skipped notebook, so a stand-in Jupyter will do
    const results = await runNotebooks({
      notebooks: [file],
      outDir: null,
      jupyter: { jupyter: ['jupyter'], python: 'python3', nbconvert: 'none', apps: { notebook: false, lab: false } },
      onStart: (nb) => lines.push(`start ${path.basename(nb)}`),
      onDone: (r) => lines.push(`done ${r.skipped}`),
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, skipped: 'needs no-such-file.csv in the data folder', failure: null });
    expect(lines).toEqual(['start requires-missing-file.ipynb', 'done needs no-such-file.csv in the data folder']);
  });
});

describe('cellErrorText', () => {
  const cell = (outputs: NotebookCell['outputs']): NotebookCell => ({ cell_type: 'code', metadata: {}, source: '', outputs });

  it("keeps tslab's message and drops its source echo, caret and stack frames", () => {
    const stderr = [
      'evalmachine.<anonymous>:4\n',
      "  throw new UserInputError('bad');\n",
      '  ^\n',
      '\n',
      'UserInputError: row 3, column "trust_1": found "7"\n',
      '    at evalmachine.<anonymous>:4:9\n',
      '    at Script.runInThisContext (node:vm:135:14)\n',
    ];
    expect(cellErrorText(cell([{ output_type: 'stream', name: 'stdout', text: 'printed before\n' }, { output_type: 'stream', name: 'stderr', text: stderr }]))).toBe('UserInputError: row 3, column "trust_1": found "7"');
  });

  it('uses ename and evalue of an error output (other kernels) and strips colours', () => {
    expect(cellErrorText(cell([{ output_type: 'error', ename: 'TypeError', evalue: 'x is not a function', traceback: ['\u001b[31mTypeError\u001b[0m ...'] }]))).toBe('TypeError: x is not a function');
  });

  it('says so when the kernel gave no text', () => {
    expect(cellErrorText(cell([]))).toBe('the cell failed without an error message');
  });
});

describe('normaliseNotebook and notebookText', () => {
  const html = (id: string) => `<div class="dv-figure" id="${id}" style="max-width:100%"></div>`;
  const executed: NotebookJson = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab' }, widgets: { x: 1 } },
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# t' },
      { cell_type: 'code', metadata: { execution: { 'iopub.status.busy': '2026-01-01T10:00:00Z' } }, source: 'a', execution_count: 7, outputs: [{ output_type: 'display_data', data: { 'text/html': html('dv-figure-m3x1abc-1') }, metadata: {} }] },
      { cell_type: 'code', metadata: { execution: { 'shell.execute_reply': '2026-01-01T10:00:01Z' } }, source: 'b', execution_count: 9, outputs: [{ output_type: 'execute_result', execution_count: 9, data: { 'text/plain': '2' }, metadata: {} }] },
      { cell_type: 'code', metadata: {}, source: 'c', execution_count: null, outputs: [] },
    ],
  };

  it('drops execution times, renumbers code cells, and gives figures stable ids', () => {
    const n = normaliseNotebook(executed, '04');
    expect(n.cells[1].metadata).toEqual({});
    expect(n.cells.map((c) => c.execution_count)).toEqual([undefined, 1, 2, null]);
    expect(n.cells[2].outputs![0].execution_count).toBe(2);
    expect(n.cells[1].outputs![0].data!['text/html']).toBe(html('dv-figure-04-1'));
    expect(n.metadata.widgets).toBeUndefined();
    expect(executed.cells[1].metadata.execution).toBeDefined(); // the input is not changed
  });

  it('two runs that differ only in times and session ids give the same text', () => {
    const other = JSON.parse(JSON.stringify(executed)) as NotebookJson;
    other.cells[1].metadata.execution = { 'iopub.status.busy': '2027-05-05T11:11:11Z' };
    other.cells[1].outputs![0].data!['text/html'] = html('dv-figure-zz9-1');
    other.cells[1].execution_count = 1;
    expect(notebookText(normaliseNotebook(other, '04'))).toBe(notebookText(normaliseNotebook(executed, '04')));
    expect(notebookText(normaliseNotebook(executed, '04')).endsWith('}\n')).toBe(true);
  });
});

describe('static figure outputs', () => {
  it('finds the spec of a figure written by figureHtml, with or without the plotly bundle', () => {
    const spec = { data: [{ type: 'bar', x: ['a'], y: [1] }], layout: { title: { text: 'T <b>x</b>' }, width: 400, height: 300 } };
    const nb: NotebookJson = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        { cell_type: 'code', metadata: {}, source: '', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': figureHtml(spec, { id: 'dv-figure-01-1', bundle: { kind: 'cartesian', text: 'var Plotly = {};' } }) } }] },
        { cell_type: 'code', metadata: {}, source: '', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': figureHtml(spec, { id: 'dv-figure-01-2', fallback: { format: 'svg', svg: '<svg/>' } }) } }] },
      ],
    };
    const found = findFigureOutputs(nb);
    expect(found.map((f) => [f.id, f.bundle, f.hasStatic])).toEqual([
      ['dv-figure-01-1', 'cartesian', false],
      ['dv-figure-01-2', null, true],
    ]);
    expect(found[0].spec).toEqual(spec);
  });

  it('the kernel gets DV_STATIC_FIGURES=0, so show() starts no browser (the images are added after the run)', () => {
    expect(staticFiguresEnabled({ ...process.env, ...STATIC_FIGURES_OFF })).toBe(false);
    expect(staticFiguresEnabled({})).toBe(true);
  });
});

describe('the project kernel', () => {
  it('is registered inside the project, with the project Node and tslab', () => {
    const dir = registerKernel();
    expect(dir).toBe(path.join(PROJECT_ROOT, '.jupyter-env', 'share', 'jupyter', 'kernels', KERNEL_NAME));
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'kernel.json'), 'utf8'));
    expect(spec).toEqual(kernelSpec());
    expect(spec.argv).toEqual([process.execPath, path.join(PROJECT_ROOT, 'node_modules', 'tslab', 'bin', 'tslab'), 'kernel', '--config-path', '{connection_file}']);
    expect(spec.language).toBe('typescript');
  });

  it('Jupyter reads and writes only project folders', () => {
    const env = jupyterEnv(PROJECT_ROOT, { DV_LANG: 'en' });
    const d = jupyterDirs(PROJECT_ROOT);
    expect([env.JUPYTER_PATH, env.JUPYTER_CONFIG_DIR, env.JUPYTER_DATA_DIR, env.JUPYTER_RUNTIME_DIR]).toEqual([d.path, d.config, d.data, d.runtime]);
    for (const p of [d.path, d.config, d.data, d.runtime]) expect(p.startsWith(path.join(PROJECT_ROOT, '.jupyter-env'))).toBe(true);
    expect(env.DV_LANG).toBe('en');
  });

  it('without Jupyter, says exactly what to install', () => {
    expect(findJupyter({ pythons: ['/nonexistent/python3'] })).toBeNull();
    expect(() => requireJupyter({ pythons: ['/nonexistent/python3'] })).toThrow(UserInputError);
    expect(() => requireJupyter({ pythons: ['/nonexistent/python3'] })).toThrow('sudo apt-get update && sudo apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel');
  });

  it('says how to install tslab when node_modules lacks it', () => {
    const root = tempDir('dv-no-tslab-');
    expect(() => kernelSpec(root)).toThrow(UserInputError);
    expect(() => kernelSpec(root)).toThrow(/tslab .* is not installed.*Run npm install/s);
  });
});

describe('the notebooks themselves', () => {
  const notebooks = listNotebooks();
  it.each(notebooks.map((f) => [path.basename(f), f]))('%s: tslab kernel, an opening question, exercises at the end, imports from ../dist, arquero and node only', (_name, file) => {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as NotebookJson;
    expect(nb.metadata.kernelspec).toMatchObject({ name: 'tslab', language: 'typescript' });
    expect(nb.cells[0].cell_type).toBe('markdown');
    const text = (c: NotebookCell) => (Array.isArray(c.source) ? c.source.join('') : c.source);
    // The notebook ends with its exercises: a markdown heading followed only by
    // the exercise cells of lib/teaching (exercise / answer / check).
    const heading = nb.cells.map((c) => c.cell_type === 'markdown' && /Exercises/.test(text(c))).lastIndexOf(true);
    expect(heading, 'an "Exercises" section').toBeGreaterThan(0);
    for (const c of nb.cells.slice(heading + 1)) expect(c.cell_type).toBe('code');
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of nb.cells.filter((x) => x.cell_type === 'code')) {
      expect(c.outputs ?? [], 'notebooks are committed without outputs').toEqual([]);
      for (const m of text(c).matchAll(/from '([^']+)'/g)) expect(m[1], `${path.basename(file)} imports ${m[1]}`).toMatch(/^(\.\.\/dist(\/.*)?|node:.*|arquero)$/);
    }
  });
});

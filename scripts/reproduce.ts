/**
 * `npm run reproduce`: the main job, on the shipped default data (or your
 * own, with --data DIR):
 *
 *  1. builds dist/ (what the notebooks import);
 *  2. checks the data: the shipped files equal the generator's output, every
 *     file loads through the validating loaders, every calibration target of
 *     the report holds (data/PROVENANCE.md), and prints a summary per network;
 *  3. registers the tslab kernel for this project (.jupyter-env/) and runs
 *     every notebook headless through Jupyter, writing the executed notebooks
 *     with their outputs to out/notebooks/ (figures get their static images
 *     afterwards, from one Chromium started while the last notebooks run);
 *  4. exports every figure of the report to out/figures/ (SVG and PNG), in
 *     that same Chromium;
 *  5. writes the self-contained report out/report.html (npm run report),
 *     with the interview strand when the data folder has
 *     interviews/interviews.qdpx (the shipped data do), with the explorer
 *     as one of its sections;
 *  6. writes the explorer as a page of its own, out/explorer.html
 *     (npm run explorer).
 *
 *   npm run reproduce -- [--data DIR] [--lang nl|en] [--out DIR]
 *
 * A failing check, a cell error or a missing Jupyter stops with a message
 * (for a cell: notebook, cell number, error text) and exit code 1, without a
 * stack trace. Two runs on the same data give identical files except the
 * report's colophon time.
 *
 * The output (default out/) is built in a fresh folder beside it,
 * `<out>.partial-<pid>`, that replaces it only when the run completed
 * (lib/util/outputFolder.ts): a failed run removes its partial folder and
 * leaves the previous output as it was; nothing of an earlier run survives.
 * A failed notebook, executed up to its error, is kept in `<out>.failed/`
 * (removed by the next run). The output folder must be new, empty, or made by
 * reproduce (it holds .delicate-verbanden-output), and may not be, hold or
 * lie inside the data folder or the notebooks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDefaultData } from '../lib/data/generateDefaultData';
import { DEFAULT_DATA_DIR, loadStudyData } from '../lib/io/loadStudyData';
import { checkCalibration } from '../lib/analysis/checkCalibration';
import { networkSummary, formatNetworkSummary } from '../lib/analysis/networkSummary';
import { reportFigures } from '../lib/figures/reportFigures';
import { skippedLine } from '../lib/figures/skipReasons';
import { exportFigures } from '../lib/render/exportFigures';
import { findChromium } from '../lib/render/browser';
import { FigureRenderer } from '../lib/render/renderer';
import { findJupyter, JUPYTER_INSTALL_HINT, jupyterDirs } from './jupyter/jupyter';
import { defaultConcurrency, formatFailure, listNotebooks, runNotebooks } from './jupyter/runner';
import { addStaticFiguresToFiles } from './jupyter/staticFigures';
import { buildDist } from './jupyter/buildDist';
import { writeReport } from '../lib/report/writeReport';
import { writeExplorer } from '../lib/explorer/writeExplorer';
import { runCli, UserInputError } from '../lib/util/errors';
import { formatDecimal } from '../lib/util/formatNumber';
import { parseLang, parseOptions } from '../lib/util/cliOptions';
import { checkDataFolder, checkOutputFolder, freshMarkedFolder, removeMarkedFolder, replaceOutputFolder } from '../lib/util/outputFolder';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_OUT = path.join(ROOT, 'out');
const USAGE = 'usage: npm run reproduce -- [--data DIR] [--lang nl|en] [--out DIR]';
/** What a failed run keeps: the failing executed notebook, in `<out>.failed/`. */
const FAILED = 'reproduce (failed run)';

interface Args {
  dataDir: string;
  lang: 'nl' | 'en';
  /** The output folder (default out/). */
  out: string;
}

function parseArgs(argv: string[]): Args {
  const o = parseOptions(argv, { '--data': 'value', '--lang': 'value', '--out': 'value' }, USAGE);
  const dataDir = checkDataFolder(o.has('--data') ? (o.get('--data') as string) : DEFAULT_DATA_DIR);
  const lang = o.has('--lang') ? parseLang(o.get('--lang') as string) : 'nl';
  const ownInstrument = path.join(dataDir, 'instrument.json');
  const out = checkOutputFolder(o.has('--out') ? (o.get('--out') as string) : DEFAULT_OUT, 'reproduce', {
    reads: [
      { path: dataDir, what: 'the data folder' },
      { path: fs.existsSync(ownInstrument) ? ownInstrument : path.join(DEFAULT_DATA_DIR, 'instrument.json'), what: 'the codebook' },
      { path: path.join(ROOT, 'notebooks'), what: 'the notebooks folder' },
      { path: path.join(ROOT, 'dist'), what: 'the compiled library dist/' },
      { path: path.join(ROOT, '.jupyter-env'), what: "the project's Jupyter set-up .jupyter-env/" },
    ],
  });
  return { dataDir, lang, out };
}

/** Where a run writes (`dir`, the fresh folder) and where that folder ends up (`out`). */
interface Target {
  dir: string;
  out: string;
}

const rel = (p: string) => path.relative(process.cwd(), p) || '.';
/** "2.5 s", in Dutch "2,5 s" (lib/util/formatNumber). */
const seconds = (ms: number, lang: 'nl' | 'en') => `${formatDecimal(ms / 1000, 1, lang)} s`;

/** npm run build: tsc to dist/, which the notebooks import (skipped when dist/ is up to date). */
function build(lang: 'nl' | 'en'): void {
  const { skipped, ms } = buildDist(ROOT);
  console.log(skipped ? `dist/ is up to date (no file of lib/ changed since the last build; checked in ${seconds(ms, lang)}).` : `Built dist/ (npm run build) in ${seconds(ms, lang)}.`);
}

/** The data checks and the summary per network; returns the number of failed checks. */
function checkData(dataDir: string, lang: 'nl' | 'en'): { failures: number; synthetic: boolean } {
  const isDefault = path.resolve(dataDir) === path.resolve(DEFAULT_DATA_DIR);
  const study = loadStudyData(dataDir);
  const { instrument } = study;
  let failures = 0;
  console.log(`\nData: ${rel(dataDir)}`);
  if (isDefault) {
    const expected = generateDefaultData(instrument);
    for (const [name, text] of Object.entries(expected)) {
      const same = fs.readFileSync(path.join(dataDir, name), 'utf8') === text;
      if (!same) failures++;
      console.log(`  ${same ? 'ok  ' : 'FAIL'} data/${name} ${same ? 'equals the generator output' : 'differs from the generator output: run npm run data'}`);
    }
  }
  for (const w of study.warnings) console.log(`  warning: ${w}`);
  const { survey, networks, pilot, synthetic } = study;
  console.log(`  loaded ${survey.rows} survey rows${networks ? `, ${networks.rows} networks` : ''}${pilot ? `, ${pilot.rows} pilot rows` : ''}${synthetic ? ' (SYNTHETIC DATA)' : ''}`);
  console.log(`  ${study.study.line}`);
  console.log('');

  const rows = survey.table.objects() as Record<string, unknown>[];
  const networkRows = networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined;
  const portrait = study.study.definition.portrait.filter((c) => instrument.constructs.some((k) => k.id === c));
  console.log(formatNetworkSummary(networkSummary(rows, instrument, { networks: networkRows, constructs: portrait }), instrument, lang));

  if (isDefault && networkRows) {
    const checks = checkCalibration({ instrument, survey: rows, networks: networkRows, pilot: pilot ? (pilot.table.objects() as Record<string, unknown>[]) : undefined });
    const failed = checks.filter((c) => !c.pass);
    failures += failed.length;
    console.log(`Calibration against the report: ${checks.length - failed.length} of ${checks.length} checks pass (data/PROVENANCE.md)`);
    for (const c of failed) console.log(`  FAIL ${c.id} (${c.section}): ${c.claim}; expected ${c.expected}, found ${c.observed}`);
  }
  return { failures, synthetic };
}

/**
 * One headless Chromium for the notebooks' static images and the report's
 * figures (starting one and loading plotly.js into its pages takes seconds).
 * It is started while the last notebooks run, when no new kernel will start
 * and a core comes free; null when there is no Chromium (then the static
 * images are skipped with a message, and the figure export says how to
 * install it).
 */
class SharedBrowser {
  private starting: Promise<{ renderer: FigureRenderer | null; error: unknown }> | null = null;

  start(): void {
    this.starting ??= (async () => {
      try {
        findChromium();
      } catch {
        return { renderer: null, error: null };
      }
      try {
        const renderer = await FigureRenderer.launch();
        await renderer.prepare();
        return { renderer, error: null };
      } catch (error) {
        return { renderer: null, error };
      }
    })();
  }

  async get(): Promise<FigureRenderer | null> {
    this.start();
    const { renderer, error } = await this.starting!;
    if (error) throw error;
    return renderer;
  }

  async close(): Promise<void> {
    const r = this.starting ? (await this.starting).renderer : null;
    await r?.close();
  }
}

/**
 * Runs every notebook into `<dir>/notebooks`; throws (a UserInputError, no
 * stack trace) at the first cell error, after copying the failing executed
 * notebook to `<out>.failed/`.
 */
async function notebooks(dataDir: string, lang: 'nl' | 'en', browser: SharedBrowser, { dir, out }: Target): Promise<void> {
  const jupyter = findJupyter();
  if (!jupyter) throw new UserInputError(`${JUPYTER_INSTALL_HINT}\n\n(npm run figures and npm run report work without Jupyter.)`);
  const files = listNotebooks(path.join(ROOT, 'notebooks'));
  const outDir = path.join(dir, 'notebooks');
  console.log(`\nNotebooks: ${files.length}, kernel tslab registered for this project in ${rel(jupyterDirs(ROOT).base)}/ (nbconvert ${jupyter.nbconvert}), DV_DATA_DIR=${rel(dataDir)}, DV_LANG=${lang}`);
  const width = Math.max(...files.map((f) => path.basename(f, '.ipynb').length));
  const started = Date.now();
  const concurrency = defaultConcurrency();
  const results = await runNotebooks({
    notebooks: files,
    outDir,
    dataDir,
    lang,
    jupyter,
    root: ROOT,
    concurrency,
    onStart: (nb, k, total) => process.stdout.write(`  [${String(k + 1).padStart(2)}/${total}] ${path.basename(nb, '.ipynb').padEnd(width)} `),
    onDone: (r, k, total) => {
      process.stdout.write(r.skipped ? `skipped: ${r.skipped}\n` : r.ok ? `${seconds(r.ms, lang).padStart(7)}  ${r.cells.length} code cells\n` : `FAILED after ${seconds(r.ms, lang)}\n`);
      // No kernel starts after this one: a core is free for the browser.
      if (r.ok && k >= total - concurrency) browser.start();
    },
  });
  const failed = results.find((r) => !r.ok);
  if (failed?.failure) {
    let where = '';
    if (failed.output) {
      // the partial folder goes; keep the failing notebook where it can be opened
      const failedDir = `${out}.failed`;
      if (freshMarkedFolder(failedDir, FAILED)) {
        const kept = path.join(failedDir, path.basename(failed.output));
        fs.copyFileSync(failed.output, kept);
        where = `\n(the executed notebook, up to the error: ${rel(kept)})`;
      } else {
        where = `\n(the executed notebook is not kept: ${rel(failedDir)} exists and was not made by this tool)`;
      }
    }
    throw new UserInputError(`a notebook failed; the run stops here.\n${formatFailure(failed.failure, ROOT)}${where}`);
  }
  const written = results.map((r) => r.output).filter((f): f is string => f !== null);
  const images = await addStaticFiguresToFiles(written, { renderer: (await browser.get()) ?? undefined });
  if (images.skipped) console.log(`  static images of the figures skipped: ${images.skipped}`);
  else console.log(`  static images for ${images.figures} figures in ${seconds(images.ms, lang)} (one Chromium session)`);
  console.log(`  wrote ${written.length} executed notebooks to ${rel(path.join(out, 'notebooks'))}/ in ${seconds(Date.now() - started, lang)}`);
}

/** Every figure of the report as SVG and PNG in `<dir>/figures/`; returns the lines to print. */
async function figures(dataDir: string, lang: 'nl' | 'en', browser: SharedBrowser, { dir, out }: Target): Promise<string[]> {
  const study = loadStudyData(dataDir);
  const outDir = path.join(dir, 'figures');
  const { figures: specs, skipped } = reportFigures(
    { instrument: study.instrument, survey: study.survey.table.objects() as Record<string, unknown>[], networks: study.networks ? (study.networks.table.objects() as Record<string, unknown>[]) : undefined, study: study.study.definition },
    { lang, synthetic: study.synthetic },
  );
  const lines = [`Figures: ${specs.length} figures of the report to ${rel(path.join(out, 'figures'))}/`, ...skipped.map((s) => `  ${skippedLine(lang, s, specs.some((f) => f.name === s.name))}`)];
  const result = await exportFigures(specs, { outDir, renderer: (await browser.get()) ?? undefined });
  lines.push(`  wrote ${result.files.length} files (SVG and PNG) in ${seconds(result.totalMs, lang)}`);
  return lines;
}

/**
 * The self-contained report `<dir>/report.html`, as `npm run report` writes it
 * (lib/report/writeReport), from the same data folder and language: the
 * interviews come from DIR/interviews/interviews.qdpx when it is there (a
 * folder without interviews gets a report whose interview section says so).
 */
function report(dataDir: string, lang: 'nl' | 'en', { dir, out }: Target): void {
  console.log('\nReport:');
  const { lines } = writeReport({ dataDir, lang, out: path.join(dir, 'report.html'), root: ROOT });
  // say where the page ends up, not the folder it is built in
  for (const l of lines) console.log(`  ${l.split(rel(dir)).join(rel(out))}`);
}

/** The explorer `<dir>/explorer.html`, as `npm run explorer` writes it (lib/explorer/writeExplorer). */
function explorer(dataDir: string, lang: 'nl' | 'en', { dir, out }: Target): void {
  console.log('\nExplorer:');
  const { lines } = writeExplorer({ dataDir, lang, out: path.join(dir, 'explorer.html') });
  for (const l of lines) console.log(`  ${l.split(rel(dir)).join(rel(out))}`);
}

runCli(async () => {
  const started = Date.now();
  const { dataDir, lang, out } = parseArgs(process.argv.slice(2));
  // Fail early, before minutes of work, when the notebooks cannot run.
  if (!findJupyter()) throw new UserInputError(`${JUPYTER_INSTALL_HINT}\n\n(npm run figures and npm run report work without Jupyter.)`);
  console.log(`Delicate verbanden: reproduce on ${rel(dataDir)}, labels ${lang === 'nl' ? 'Dutch' : 'English'}, into ${rel(out)}/`);
  build(lang);
  const { failures } = checkData(dataDir, lang);
  if (failures > 0) {
    process.exitCode = 1;
    console.log(`\n${failures} check${failures === 1 ? '' : 's'} failed; the notebooks, figures and report are not made${fs.existsSync(out) ? ` (${rel(out)}/ is unchanged)` : ''}.`);
    return;
  }
  console.log('All data checks pass.');
  // the failing notebook of an earlier run would mislead next to this run's output
  removeMarkedFolder(`${out}.failed`, FAILED);
  await replaceOutputFolder(
    out,
    'reproduce',
    async (dir) => {
      const target = { dir, out };
      const browser = new SharedBrowser();
      try {
        await notebooks(dataDir, lang, browser, target);
        // (Run beside the notebooks, the export's Chromium slowed them more than it saved on two cores.)
        console.log(`\n${(await figures(dataDir, lang, browser, target)).join('\n')}`);
      } finally {
        await browser.close();
      }
      report(dataDir, lang, target);
      explorer(dataDir, lang, target);
    },
    { log: (line) => console.log(line) },
  );
  const o = rel(out);
  console.log(`\nDone in ${seconds(Date.now() - started, lang)}: ${o}/notebooks/, ${o}/figures/, ${o}/report.html, ${o}/explorer.html.`);
});

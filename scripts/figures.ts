/**
 * `npm run figures`: every figure of the report (Figures 1-18) as SVG and PNG,
 * from the shipped default data (or your own with --data DIR), rendered in one
 * headless Chromium session. Synthetic data are marked on every figure.
 *
 *   npm run figures -- [--data DIR] [--lang nl|en] [--out DIR]
 *
 * The figures are written into a fresh folder beside DIR that replaces DIR
 * only when every figure was written (lib/util/outputFolder.ts): a failed run
 * leaves the previous figures as they were, and no figure of an earlier run
 * survives (networks no longer in the data). DIR must be new, empty, or made
 * by this command (it holds .delicate-verbanden-output), and may not be, hold
 * or lie inside the data folder.
 *
 * Exit code 1 with a message (no stack trace) on a user error: a bad option,
 * a data problem, Chromium missing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_DATA_DIR, loadStudyData } from '../lib/io/loadStudyData';
import { reportFigures } from '../lib/figures/reportFigures';
import { skippedLine } from '../lib/figures/skipReasons';
import { exportFigures } from '../lib/render/exportFigures';
import { runCli } from '../lib/util/errors';
import { formatDecimal } from '../lib/util/formatNumber';
import { parseLang, parseOptions } from '../lib/util/cliOptions';
import { checkDataFolder, checkOutputFolder, replaceOutputFolder } from '../lib/util/outputFolder';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_OUT = path.join(ROOT, 'out', 'figures');
const USAGE = 'usage: npm run figures -- [--data DIR] [--lang nl|en] [--out DIR]';

function parseArgs(argv: string[]): { dataDir: string; lang: 'nl' | 'en'; outDir: string } {
  const o = parseOptions(argv, { '--data': 'value', '--out': 'value', '--lang': 'value' }, USAGE);
  const dataDir = checkDataFolder(o.has('--data') ? (o.get('--data') as string) : DEFAULT_DATA_DIR);
  const lang = o.has('--lang') ? parseLang(o.get('--lang') as string) : 'nl';
  const ownInstrument = path.join(dataDir, 'instrument.json');
  const outDir = checkOutputFolder(o.has('--out') ? (o.get('--out') as string) : DEFAULT_OUT, 'figures', {
    reads: [
      { path: dataDir, what: 'the data folder' },
      { path: fs.existsSync(ownInstrument) ? ownInstrument : path.join(DEFAULT_DATA_DIR, 'instrument.json'), what: 'the codebook' },
    ],
  });
  return { dataDir, lang, outDir };
}

runCli(async () => {
  const { dataDir, lang, outDir } = parseArgs(process.argv.slice(2));
  const study = loadStudyData(dataDir);
  const { instrument, survey, networks, synthetic } = study;
  for (const w of study.warnings) console.log(`warning: ${w}`);

  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  console.log(`Delicate verbanden: figures from ${rel(dataDir)}${synthetic ? ' (SYNTHETIC DATA, marked on every figure)' : ''}, labels ${lang === 'nl' ? 'Dutch' : 'English'}, into ${rel(outDir)}`);
  console.log(`  ${study.study.line}`);
  const { figures, skipped } = reportFigures(
    {
      instrument,
      survey: survey.table.objects() as Record<string, unknown>[],
      networks: networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined,
      study: study.study.definition,
    },
    { lang, synthetic },
  );
  // what a figure lacks is said as the report says it, in the run's language; the tool's own lines stay English
  for (const s of skipped) console.log(`  ${skippedLine(lang, s, figures.some((f) => f.name === s.name))}`);
  console.log(`  starting Chromium for ${figures.length} figures ...`);
  const result = await replaceOutputFolder(
    outDir,
    'figures',
    (dir) =>
      exportFigures(figures, {
        outDir: dir,
        onProgress: (p) => console.log(`  [${String(p.index).padStart(2)}/${p.total}] ${p.name.padEnd(28)} ${p.files.map((f) => path.extname(f).slice(1)).join(' + ')}  ${p.ms.toFixed(0)} ms`),
      }),
    { log: (line) => console.log(`  ${line}`) },
  );
  console.log(`Wrote ${result.files.length} files to ${rel(outDir)} in ${formatDecimal(result.totalMs / 1000, 1, lang)} s (Chromium ${result.browserVersion}, plotly.js ${result.plotlyVersion}; start-up ${result.startupMs.toFixed(0)} ms).`);
});

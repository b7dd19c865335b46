/**
 * `npm run figures`: every figure of the report (Figures 1-18) as SVG and PNG,
 * from the shipped default data (or your own with --data DIR), rendered in one
 * headless Chromium session. Synthetic data are marked on every figure.
 *
 *   npm run figures -- [--data DIR] [--lang nl|en] [--out DIR]
 *
 * Exit code 1 with a message (no stack trace) on a user error: a bad option,
 * a data problem, Chromium missing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadStudyData } from '../lib/io/loadStudyData';
import { reportFigures } from '../lib/figures/reportFigures';
import { exportFigures } from '../lib/render/exportFigures';
import { runCli, UserInputError } from '../lib/util/errors';
import { parseLang, parseOptions } from '../lib/util/cliOptions';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_DATA = path.join(ROOT, 'data');
const DEFAULT_OUT = path.join(ROOT, 'out', 'figures');
const USAGE = 'usage: npm run figures -- [--data DIR] [--lang nl|en] [--out DIR]';

function parseArgs(argv: string[]): { dataDir: string; lang: 'nl' | 'en'; outDir: string } {
  const o = parseOptions(argv, { '--data': 'value', '--out': 'value', '--lang': 'value' }, USAGE);
  const dataDir = o.has('--data') ? path.resolve(o.get('--data') as string) : DEFAULT_DATA;
  const outDir = o.has('--out') ? path.resolve(o.get('--out') as string) : DEFAULT_OUT;
  const lang = o.has('--lang') ? parseLang(o.get('--lang') as string) : 'nl';
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new UserInputError(`--data: ${dataDir} is not a folder. Give a folder holding survey.csv (and optionally networks.csv, instrument.json).`);
  }
  if (!fs.existsSync(path.join(dataDir, 'survey.csv'))) throw new UserInputError(`--data: ${dataDir} has no survey.csv.`);
  return { dataDir, lang, outDir };
}

runCli(async () => {
  const { dataDir, lang, outDir } = parseArgs(process.argv.slice(2));
  const study = loadStudyData(dataDir);
  const { instrument, survey, networks, synthetic } = study;
  for (const w of study.warnings) console.log(`warning: ${w}`);

  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  console.log(`Delicate verbanden: figures from ${rel(dataDir)}${synthetic ? ' (SYNTHETIC DATA, marked on every figure)' : ''}, labels ${lang === 'nl' ? 'Dutch' : 'English'}, into ${rel(outDir)}`);
  const { figures, skipped } = reportFigures(
    {
      instrument,
      survey: survey.table.objects() as Record<string, unknown>[],
      networks: networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined,
    },
    { lang, synthetic },
  );
  for (const s of skipped) console.log(`  skipped ${s.name}: ${s.reason}`);
  console.log(`  starting Chromium for ${figures.length} figures ...`);
  const result = await exportFigures(figures, {
    outDir,
    onProgress: (p) => console.log(`  [${String(p.index).padStart(2)}/${p.total}] ${p.name.padEnd(28)} ${p.files.map((f) => path.extname(f).slice(1)).join(' + ')}  ${p.ms.toFixed(0)} ms`),
  });
  console.log(`Wrote ${result.files.length} files to ${rel(outDir)} in ${(result.totalMs / 1000).toFixed(1)} s (Chromium ${result.browserVersion}, plotly.js ${result.plotlyVersion}; start-up ${result.startupMs.toFixed(0)} ms).`);
});

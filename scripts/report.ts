/**
 * `npm run report`: the self-contained report, ONE HTML page that works
 * offline (plotly.js inlined, no CDN): every figure of the report interactive,
 * the network table with bands, the report's patterns checked on the data,
 * the privacy rule for small networks, the interview strand when the data
 * folder has interviews/interviews.qdpx (intercoder agreement, themes per
 * network, joint display with the survey, quotes), and a colophon (git
 * commit, versions, sha256 of the data files, time). Synthetic data get a
 * banner.
 *
 *   npm run report -- [--data DIR] [--lang nl|en] [--out FILE]
 *                     [--min-complete N] [--privacy warn|suppress]
 *
 * Exit code 1 with a message (no stack trace) on a user error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInstrument } from '../lib/data/instrument';
import { readSurveyCsv } from '../lib/data/readSurveyCsv';
import { readNetworksCsv } from '../lib/data/readNetworksCsv';
import { isSyntheticOrigin } from '../lib/data/synthetic';
import { DEFAULT_MIN_COMPLETE } from '../lib/analysis/privacy';
import { buildReport } from '../lib/report/buildReport';
import { collectColophon } from '../lib/report/colophon';
import { loadInterviews } from '../lib/qual/load';
import { runCli, UserInputError } from '../lib/util/errors';
import { parseLang, parseOptions } from '../lib/util/cliOptions';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_DATA = path.join(ROOT, 'data');
const DEFAULT_OUT = path.join(ROOT, 'out', 'report.html');
const USAGE = 'usage: npm run report -- [--data DIR] [--lang nl|en] [--out FILE] [--min-complete N] [--privacy warn|suppress]';

interface Args {
  dataDir: string;
  lang: 'nl' | 'en';
  out: string;
  minComplete: number;
  action: 'warn' | 'suppress';
}

function parseArgs(argv: string[]): Args {
  const o = parseOptions(argv, { '--data': 'value', '--out': 'value', '--lang': 'value', '--min-complete': 'value', '--privacy': 'value' }, USAGE);
  const a: Args = { dataDir: DEFAULT_DATA, lang: 'nl', out: DEFAULT_OUT, minComplete: DEFAULT_MIN_COMPLETE, action: 'warn' };
  if (o.has('--data')) a.dataDir = path.resolve(o.get('--data') as string);
  if (o.has('--out')) a.out = path.resolve(o.get('--out') as string);
  if (o.has('--lang')) a.lang = parseLang(o.get('--lang') as string);
  if (o.has('--min-complete')) {
    const v = o.get('--min-complete') as string;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserInputError(`--min-complete: expected a whole number of at least 1, found ${JSON.stringify(v)}`);
    a.minComplete = Number(v);
  }
  if (o.has('--privacy')) {
    const v = o.get('--privacy') as string;
    if (v !== 'warn' && v !== 'suppress') throw new UserInputError(`--privacy: expected "warn" or "suppress", found ${JSON.stringify(v)}`);
    a.action = v;
  }
  if (!fs.existsSync(a.dataDir) || !fs.statSync(a.dataDir).isDirectory()) {
    throw new UserInputError(`--data: ${a.dataDir} is not a folder. Give a folder holding survey.csv (and optionally networks.csv, instrument.json, interviews/interviews.qdpx).`);
  }
  if (!fs.existsSync(path.join(a.dataDir, 'survey.csv'))) throw new UserInputError(`--data: ${a.dataDir} has no survey.csv.`);
  return a;
}

runCli(() => {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const { dataDir } = args;
  const instrumentFile = fs.existsSync(path.join(dataDir, 'instrument.json')) ? path.join(dataDir, 'instrument.json') : path.join(DEFAULT_DATA, 'instrument.json');
  const instrument = readInstrument(instrumentFile);
  const networksFile = path.join(dataDir, 'networks.csv');
  const networks = fs.existsSync(networksFile) ? readNetworksCsv(networksFile) : null;
  const surveyFile = path.join(dataDir, 'survey.csv');
  const survey = readSurveyCsv(surveyFile, { instrument, networks: networks ? (networks.table.array('network') as string[]) : undefined });
  for (const w of [...(networks?.warnings ?? []), ...survey.warnings]) console.log(`warning: ${w}`);
  const synthetic = survey.table.columnNames().includes('data_origin') && isSyntheticOrigin(survey.table.array('data_origin') as unknown[]);
  // the interviews of this data folder (never the shipped ones for someone else's survey); a broken file is an error
  const interviewsFile = path.join(dataDir, 'interviews', 'interviews.qdpx');
  const interviews = fs.existsSync(interviewsFile) ? loadInterviews(path.dirname(interviewsFile)) : null;

  // hash exactly the files the report was made from
  const files = [instrumentFile, ...(networks ? [networksFile] : []), surveyFile, ...(interviews ? [interviewsFile] : [])];
  const colophon = collectColophon(dataDir, { files });
  // show the data folder relative to the project (no home-directory paths in a page that gets shared)
  const inside = path.relative(ROOT, dataDir);
  colophon.dataDir = inside === '' ? '.' : !inside.startsWith('..') && !path.isAbsolute(inside) ? inside : path.basename(dataDir);
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  console.log(`Delicate verbanden: report from ${rel(dataDir)}${synthetic ? ' (SYNTHETIC DATA)' : ''}, ${args.lang === 'nl' ? 'Dutch' : 'English'}, privacy: at least ${args.minComplete} complete, ${args.action}`);
  const html = buildReport(
    {
      instrument,
      survey: survey.table.objects() as Record<string, unknown>[],
      networks: networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined,
      colophon,
      synthetic,
      interviews,
    },
    { lang: args.lang, privacy: { minComplete: args.minComplete, action: args.action } },
  );
  try {
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, html);
  } catch (e) {
    throw new UserInputError(`--out: cannot write ${args.out} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  const figures = (html.match(/class="dv-report-figure"/g) ?? []).length;
  const interviewFigures = (html.match(/class="dv-report-figure" data-figure="interviews-/g) ?? []).length;
  const verdicts = [...html.matchAll(/data-verdict="([^"]+)"/g)].map((m) => m[1]);
  const counts = [...new Set(verdicts)].map((v) => `${verdicts.filter((x) => x === v).length} ${v}`).join(', ');
  console.log(`  ${figures - interviewFigures} figures, ${verdicts.length} findings (${counts}); commit ${colophon.gitCommit.slice(0, 12)}`);
  console.log(
    interviews
      ? `  interviews: ${rel(interviewsFile)}, ${interviews.documents.length} documents, ${interviews.segments.length} coded segments, coders ${interviews.coders.join(', ')}${interviews.dataOrigin?.startsWith('synthetic') ? ' (SYNTHETIC)' : ''}; ${interviewFigures} figures`
      : `  interviews: none (no ${rel(interviewsFile)}); the report says so`,
  );
  console.log(`Wrote ${rel(args.out)} (${(html.length / 1e6).toFixed(1)} MB, works offline) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
});

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
 * The page is written whole or not at all (a temporary file beside it, then
 * renamed), never to a file the report reads or into the data folder, and an
 * existing file is replaced only when it is a report of this tool
 * (lib/util/outputFolder.ts). Exit code 1 with a message (no stack trace) on
 * a user error.
 */
import * as path from 'node:path';
import { DEFAULT_MIN_COMPLETE } from '../lib/analysis/privacy';
import { writeReport } from '../lib/report/writeReport';
import { runCli, UserInputError } from '../lib/util/errors';
import { parseLang, parseOptions } from '../lib/util/cliOptions';
import { checkDataFolder } from '../lib/util/outputFolder';

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
  checkDataFolder(a.dataDir);
  return a;
}

runCli(() => {
  const args = parseArgs(process.argv.slice(2));
  const { lines } = writeReport({ dataDir: args.dataDir, out: args.out, lang: args.lang, minComplete: args.minComplete, action: args.action, root: ROOT });
  for (const line of lines) console.log(line);
});

/**
 * `npm run explorer`: the explorer of group-level data as one page of its
 * own that works offline (plotly.js inlined, no CDN): order the groups by one
 * variable, set others beside it with r, rho and the permutation p, click a
 * group to highlight it, drop groups, portraits and comparisons, in Dutch or
 * English (docs/explorer.md).
 *
 *   npm run explorer -- [--data DIR] [--out FILE] [--lang nl|en] [--view FRAGMENT]
 *                       [--min-complete N]
 *
 * FILE defaults to out/explorer.html; it is written whole or not at all and
 * replaces only an explorer page of this tool. --view takes a view as a URL
 * fragment ("#view=patterns&order=impact&panels=trust"). Exit code 1 with a
 * message (no stack trace) on a user error.
 */
import * as path from 'node:path';
import { DEFAULT_MIN_COMPLETE } from '../lib/analysis/privacy';
import { writeExplorer } from '../lib/explorer/writeExplorer';
import { viewFromFragment } from '../lib/explorer/view';
import { runCli, UserInputError } from '../lib/util/errors';
import { parseLang, parseOptions } from '../lib/util/cliOptions';

const ROOT = path.resolve(__dirname, '..');
const USAGE = 'usage: npm run explorer -- [--data DIR] [--out FILE] [--lang nl|en] [--view FRAGMENT] [--min-complete N]';

runCli(() => {
  const o = parseOptions(process.argv.slice(2), { '--data': 'value', '--out': 'value', '--lang': 'value', '--view': 'value', '--min-complete': 'value' }, USAGE);
  let minComplete = DEFAULT_MIN_COMPLETE;
  if (o.has('--min-complete')) {
    const v = o.get('--min-complete') as string;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserInputError(`--min-complete: expected a whole number of at least 1, found ${JSON.stringify(v)}`);
    minComplete = Number(v);
  }
  const result = writeExplorer({
    dataDir: path.resolve((o.get('--data') as string | undefined) ?? path.join(ROOT, 'data')),
    out: path.resolve((o.get('--out') as string | undefined) ?? path.join(ROOT, 'out', 'explorer.html')),
    lang: o.has('--lang') ? parseLang(o.get('--lang') as string) : 'nl',
    view: o.has('--view') ? viewFromFragment(o.get('--view') as string) : undefined,
    privacy: { minComplete },
  });
  for (const line of result.lines) console.log(line);
});

/**
 * `npm run explorer`: the explorer of a data folder as a page of its own
 * (default out/explorer.html), written whole or not at all, never over a
 * file the command reads or into the data folder, and over an existing file
 * only when it is an explorer page of this tool (lib/util/outputFolder.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PrivacyOptions } from '../analysis/privacy';
import type { Language } from '../io/instrument';
import { loadStudyData } from '../io/loadStudyData';
import { DEFAULT_INSTRUMENT_PATH } from '../io/instrument';
import { checkDataFolder, checkOutputFile, writeFileReplacing } from '../util/outputFolder';
import { explorerDataOf } from './explorerData';
import { EXPLORER_GENERATOR, explorerHtml } from './explorerHtml';
import type { View } from './types';
import { formatDecimal } from '../util/formatNumber';

export interface WriteExplorerOptions {
  dataDir: string;
  out: string;
  lang?: Language;
  view?: View;
  privacy?: PrivacyOptions;
}

/** Whether `file` is an explorer page this tool wrote (its generator meta tag). */
export function isExplorerFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(2048);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).toString('utf8').includes(`<meta name="generator" content="${EXPLORER_GENERATOR}">`);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * @example
 *   writeExplorer({ dataDir: 'my-study', out: 'out/explorer.html', lang: 'en' }).lines;
 */
export function writeExplorer(options: WriteExplorerOptions): { out: string; size: number; groups: number; variables: number; lines: string[] } {
  const dataDir = checkDataFolder(options.dataDir);
  const own = path.join(dataDir, 'instrument.json');
  const out = checkOutputFile(options.out, {
    reads: [
      { path: fs.existsSync(own) ? own : DEFAULT_INSTRUMENT_PATH, what: 'the codebook' },
      ...['survey.csv', 'survey.sav', 'networks.csv', 'study.json'].map((f) => ({ path: path.join(dataDir, f), what: `the data folder's ${f}` })),
      { path: dataDir, what: 'the data folder' },
    ],
    isOurs: isExplorerFile,
    what: 'an explorer page',
  });
  const study = loadStudyData(dataDir);
  const data = explorerDataOf(study, { privacy: options.privacy });
  const lang = options.lang ?? 'nl';
  const html = explorerHtml(data, { lang, view: options.view });
  writeFileReplacing(out, html);
  const size = Buffer.byteLength(html);
  return {
    out,
    size,
    groups: data.groups.length,
    variables: data.variables.length,
    lines: [
      study.study.line,
      ...study.warnings,
      `explorer: ${data.groups.length} groups, ${data.variables.length} group-level variables, ${data.savedViews.length} saved view${data.savedViews.length === 1 ? '' : 's'}`,
      `wrote ${path.relative(process.cwd(), out) || out} (${formatDecimal(size / 1e6, 1, lang)} MB, works offline)`,
    ],
  };
}

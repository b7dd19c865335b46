/**
 * What `npm run report` does, as a function (`npm run reproduce` calls it in
 * its own process): read a data folder through the validating loaders (and
 * its interviews/interviews.qdpx when there is one; never the shipped
 * interviews for someone else's survey), collect the colophon (hashes of
 * exactly the files read), build the page and write it. Returns the lines to
 * print; throws a UserInputError for bad data or an unwritable file.
 *
 * @example
 *   const { lines } = writeReport({ dataDir: 'data', out: 'out/report.html' });
 *   console.log(lines.join('\n'));
 */
import { resolveStudyDefinition } from '../io/studyDefinition';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MIN_COMPLETE } from '../analysis/privacy';
import type { Language } from '../io/instrument';
import { readInstrument } from '../io/instrument';
import { DEFAULT_DATA_DIR } from '../io/loadStudyData';
import { readNetworksCsv } from '../io/readNetworksCsv';
import { readSurveyCsv } from '../io/readSurveyCsv';
import { readSurveySav } from '../io/readSurveySav';
import { isSyntheticOrigin } from '../io/synthetic';
import { loadInterviews } from '../qual/load';
import { UserInputError } from '../util/errors';
import { formatDecimal } from '../util/formatNumber';
import { checkOutputFile, noSurveyMessage, writeFileReplacing } from '../util/outputFolder';
import { buildReport } from './buildReport';
import { collectColophon } from './colophon';

export interface WriteReportOptions {
  /** The data folder: survey.csv (or survey.sav with an optional mapping.json), optionally networks.csv, instrument.json, interviews/interviews.qdpx. */
  dataDir: string;
  /**
   * The HTML file to write: written whole or not at all (a temporary file
   * beside it, then renamed). Never a file the report reads or a place inside
   * the data folder, and an existing file only when it is a report of this
   * tool (UserInputError before any work otherwise).
   */
  out: string;
  lang?: Language;
  /** Privacy: networks with fewer complete questionnaires are warned about or suppressed (default 5, warn). */
  minComplete?: number;
  action?: 'warn' | 'suppress';
  /** The project folder, to show the data folder relative to it in the colophon (default: this project). */
  root?: string;
}

export interface WriteReportResult {
  out: string;
  /** Size of the page in bytes (characters). */
  size: number;
  /** What `npm run report` prints. */
  lines: string[];
}

/** Whether `file` is a report this tool wrote (its generator meta tag), so that it may be replaced. */
export function isReportFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).toString('utf8').includes('<meta name="generator" content="delicate-verbanden');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function writeReport(options: WriteReportOptions): WriteReportResult {
  const started = performance.now();
  const { dataDir } = options;
  const lang = options.lang ?? 'nl';
  const minComplete = options.minComplete ?? DEFAULT_MIN_COMPLETE;
  const action = options.action ?? 'warn';
  const root = options.root ?? path.resolve(DEFAULT_DATA_DIR, '..');
  const lines: string[] = [];
  const instrumentFile = fs.existsSync(path.join(dataDir, 'instrument.json')) ? path.join(dataDir, 'instrument.json') : path.join(DEFAULT_DATA_DIR, 'instrument.json');
  const out = checkOutputFile(options.out, {
    reads: [
      { path: instrumentFile, what: 'the codebook' },
      ...['survey.csv', 'survey.sav', 'networks.csv'].map((f) => ({ path: path.join(dataDir, f), what: `the data folder's ${f}` })),
      { path: dataDir, what: 'the data folder' },
    ],
    isOurs: isReportFile,
    what: 'a report',
  });
  const instrument = readInstrument(instrumentFile);
  const study = resolveStudyDefinition(dataDir, instrument);
  const networksFile = path.join(dataDir, 'networks.csv');
  const networks = fs.existsSync(networksFile) ? readNetworksCsv(networksFile) : null;
  // survey.csv, or else survey.sav with an optional mapping.json, as loadStudyData reads them
  const csvFile = path.join(dataDir, 'survey.csv');
  const savFile = path.join(dataDir, 'survey.sav');
  const mappingFile = path.join(dataDir, 'mapping.json');
  const knownNetworks = networks ? (networks.table.array('network') as string[]) : undefined;
  if (!fs.existsSync(csvFile) && !fs.existsSync(savFile)) throw new UserInputError(noSurveyMessage(dataDir));
  const sav = !fs.existsSync(csvFile);
  const mapping = sav && fs.existsSync(mappingFile) ? mappingFile : undefined;
  const surveyFile = sav ? savFile : csvFile;
  const survey = sav ? readSurveySav(savFile, { instrument, networks: knownNetworks, mapping }) : readSurveyCsv(csvFile, { instrument, networks: knownNetworks });
  for (const w of [...(networks?.warnings ?? []), ...survey.warnings]) lines.push(`warning: ${w}`);
  const synthetic = survey.table.columnNames().includes('data_origin') && isSyntheticOrigin(survey.table.array('data_origin') as unknown[]);
  // the interviews of this data folder (never the shipped ones for someone else's survey); a broken file is an error
  const interviewsFile = path.join(dataDir, 'interviews', 'interviews.qdpx');
  const interviews = fs.existsSync(interviewsFile) ? loadInterviews(path.dirname(interviewsFile)) : null;
  // hash exactly the files the report was made from
  const files = [instrumentFile, ...(study.file ? [study.file] : []), ...(networks ? [networksFile] : []), surveyFile, ...(mapping ? [mapping] : []), ...(interviews ? [interviewsFile] : [])];
  const colophon = collectColophon(dataDir, { files });
  // show the data folder relative to the project (no home-directory paths in a page that gets shared)
  const inside = path.relative(root, dataDir);
  colophon.dataDir = inside === '' ? '.' : !inside.startsWith('..') && !path.isAbsolute(inside) ? inside : path.basename(dataDir);
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  lines.push(study.line);
  lines.push(`Delicate verbanden: report from ${rel(dataDir)}${synthetic ? ' (SYNTHETIC DATA)' : ''}, ${lang === 'nl' ? 'Dutch' : 'English'}, privacy: at least ${minComplete} complete, ${action}`);
  const html = buildReport(
    {
      instrument,
      survey: survey.table.objects() as Record<string, unknown>[],
      networks: networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined,
      colophon,
      synthetic,
      interviews,
      study: study.definition,
      studyLine: study.text[lang],
    },
    { lang, privacy: { minComplete, action } },
  );
  writeFileReplacing(out, html);
  const figures = (html.match(/class="dv-report-figure"/g) ?? []).length;
  const interviewFigures = (html.match(/class="dv-report-figure" data-figure="interviews-/g) ?? []).length;
  const verdicts = [...html.matchAll(/data-verdict="([^"]+)"/g)].map((m) => m[1]);
  const counts = [...new Set(verdicts)].map((v) => `${verdicts.filter((x) => x === v).length} ${v}`).join(', ');
  lines.push(`  ${figures - interviewFigures} figures, ${verdicts.length} findings (${counts}); commit ${colophon.gitCommit.slice(0, 12)}`);
  lines.push(
    interviews
      ? `  interviews: ${rel(interviewsFile)}, ${interviews.documents.length} documents, ${interviews.segments.length} coded segments, coders ${interviews.coders.join(', ')}${interviews.dataOrigin?.startsWith('synthetic') ? ' (SYNTHETIC)' : ''}; ${interviewFigures} figures`
      : `  interviews: none (no ${rel(interviewsFile)}); the report says so`,
  );
  lines.push(`Wrote ${rel(out)} (${formatDecimal(html.length / 1e6, 1, lang)} MB, works offline) in ${formatDecimal((performance.now() - started) / 1000, 1, lang)} s.`);
  return { out, size: html.length, lines };
}

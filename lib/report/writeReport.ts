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
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MIN_COMPLETE } from '../analysis/privacy';
import type { Language } from '../io/instrument';
import { readInstrument } from '../io/instrument';
import { DEFAULT_DATA_DIR } from '../io/loadStudyData';
import { readNetworksCsv } from '../io/readNetworksCsv';
import { readSurveyCsv } from '../io/readSurveyCsv';
import { isSyntheticOrigin } from '../io/synthetic';
import { loadInterviews } from '../qual/load';
import { UserInputError } from '../util/errors';
import { buildReport } from './buildReport';
import { collectColophon } from './colophon';

export interface WriteReportOptions {
  /** The data folder: survey.csv, optionally networks.csv, instrument.json, interviews/interviews.qdpx. */
  dataDir: string;
  /** The HTML file to write. */
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

export function writeReport(options: WriteReportOptions): WriteReportResult {
  const started = performance.now();
  const { dataDir, out } = options;
  const lang = options.lang ?? 'nl';
  const minComplete = options.minComplete ?? DEFAULT_MIN_COMPLETE;
  const action = options.action ?? 'warn';
  const root = options.root ?? path.resolve(DEFAULT_DATA_DIR, '..');
  const lines: string[] = [];
  const instrumentFile = fs.existsSync(path.join(dataDir, 'instrument.json')) ? path.join(dataDir, 'instrument.json') : path.join(DEFAULT_DATA_DIR, 'instrument.json');
  const instrument = readInstrument(instrumentFile);
  const networksFile = path.join(dataDir, 'networks.csv');
  const networks = fs.existsSync(networksFile) ? readNetworksCsv(networksFile) : null;
  const surveyFile = path.join(dataDir, 'survey.csv');
  const survey = readSurveyCsv(surveyFile, { instrument, networks: networks ? (networks.table.array('network') as string[]) : undefined });
  for (const w of [...(networks?.warnings ?? []), ...survey.warnings]) lines.push(`warning: ${w}`);
  const synthetic = survey.table.columnNames().includes('data_origin') && isSyntheticOrigin(survey.table.array('data_origin') as unknown[]);
  // the interviews of this data folder (never the shipped ones for someone else's survey); a broken file is an error
  const interviewsFile = path.join(dataDir, 'interviews', 'interviews.qdpx');
  const interviews = fs.existsSync(interviewsFile) ? loadInterviews(path.dirname(interviewsFile)) : null;
  // hash exactly the files the report was made from
  const files = [instrumentFile, ...(networks ? [networksFile] : []), surveyFile, ...(interviews ? [interviewsFile] : [])];
  const colophon = collectColophon(dataDir, { files });
  // show the data folder relative to the project (no home-directory paths in a page that gets shared)
  const inside = path.relative(root, dataDir);
  colophon.dataDir = inside === '' ? '.' : !inside.startsWith('..') && !path.isAbsolute(inside) ? inside : path.basename(dataDir);
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  lines.push(`Delicate verbanden: report from ${rel(dataDir)}${synthetic ? ' (SYNTHETIC DATA)' : ''}, ${lang === 'nl' ? 'Dutch' : 'English'}, privacy: at least ${minComplete} complete, ${action}`);
  const html = buildReport(
    {
      instrument,
      survey: survey.table.objects() as Record<string, unknown>[],
      networks: networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined,
      colophon,
      synthetic,
      interviews,
    },
    { lang, privacy: { minComplete, action } },
  );
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, html);
  } catch (e) {
    throw new UserInputError(`--out: cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
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
  lines.push(`Wrote ${rel(out)} (${(html.length / 1e6).toFixed(1)} MB, works offline) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { out, size: html.length, lines };
}

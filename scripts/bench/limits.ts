/**
 * The limits benchmark of `npm run bench -- --only limits` (issue 16): the
 * largest file of each kind this bench makes, read by its reader in a fresh
 * process, with the time of the read and the process's peak memory (RSS).
 *
 *   survey.csv    a generated study (`generateStudy`), read by readSurveyCsv
 *   survey.sav    the same respondents, written by writeSav, read by readSurveySav
 *   survey.xlsx   the first rows of that study that keep the sheet under the
 *                 sheet limit of the zip reader (128 MB), read by readSurveyXlsx
 *   networks.csv  10,000 groups (the most the figures and report are made for), readNetworksCsv
 *   .qdpx         the default interview project copied many times (new ids), readQdpx
 *
 * The files are made in one child process, each read in another (heap limit
 * 16 GB, so the memory is measured, not capped).
 *
 *   tsx scripts/bench/limits.ts make DIR quick|full   (prints one JSON line: the files and their sizes)
 *   tsx scripts/bench/limits.ts read KIND FILE         (prints one JSON line: ms, peak RSS, rows)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument } from '../../lib/io/instrument';
import { readNetworksCsv } from '../../lib/io/readNetworksCsv';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readSurveySav } from '../../lib/io/readSurveySav';
import { readSurveyXlsx } from '../../lib/io/readSurveyXlsx';
import { savBytes } from '../../lib/io/writeSav';
import { xlsxBytes } from '../../lib/io/writeXlsx';
import { stableGuid } from '../../lib/qual/guid';
import { readQdpx, writeQdpx } from '../../lib/qual/io/refiQda';
import type { QualProject } from '../../lib/qual/model';
import { generateInterviewProject } from '../../lib/qual/defaultData/generate';

export type LimitKind = 'survey.csv' | 'survey.sav' | 'survey.xlsx' | 'networks.csv' | 'qdpx';

export interface LimitBench {
  kind: LimitKind;
  file: string;
  /** Bytes on disk. */
  bytes: number;
  /** What the file holds: respondents, groups, or documents and coded segments. */
  holds: string;
  /** The read, in its own process (module loading not counted). */
  readMs: number | null;
  /** Peak RSS of that process. */
  peakRssMB: number | null;
  error?: string;
}

/** Sizes of the files: full near the limits, quick for a check that the bench runs. */
const SIZES = {
  full: { groups: 5000, respondents: [80, 120] as [number, number], xlsxSheetMB: 120, networkGroups: 10_000, qdpxCopies: 1000 },
  quick: { groups: 200, respondents: [40, 60] as [number, number], xlsxSheetMB: 8, networkGroups: 2000, qdpxCopies: 20 },
};

/** The default interview project `copies` times, every document, segment and id made anew. */
function copiedProject(copies: number): QualProject {
  const base = generateInterviewProject();
  const documents: QualProject['documents'] = [];
  const segments: QualProject['segments'] = [];
  for (let c = 0; c < copies; c++) {
    const ids = new Map(base.documents.map((d) => [d.id, stableGuid(`bench-limits/${c}/${d.id}`)]));
    for (const d of base.documents) documents.push({ ...d, id: ids.get(d.id)!, name: `${d.name} (${c + 1})` });
    for (const s of base.segments) segments.push({ ...s, id: stableGuid(`bench-limits/${c}/${s.id}`), documentId: ids.get(s.documentId)! });
  }
  return { ...base, documents, segments };
}

/** The uncompressed size of the first worksheet of an .xlsx. */
function sheetBytes(xlsx: Uint8Array): number {
  const files = unzipSync(xlsx, { filter: (f) => /^xl\/worksheets\/sheet1\.xml$/.test(f.name) });
  return Object.values(files)[0]?.length ?? 0;
}

async function make(dir: string, size: keyof typeof SIZES): Promise<void> {
  const s = SIZES[size];
  fs.mkdirSync(dir, { recursive: true });
  const instrument = readInstrument();
  const out: Record<string, { bytes: number; holds: string }> = {};
  const write = (name: string, bytes: Uint8Array | string, holds: string) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    out[name] = { bytes: fs.statSync(path.join(dir, name)).size, holds };
  };

  const study = generateStudy(instrument, { groups: s.groups, respondents: s.respondents, seed: 'bench-limits' });
  const respondents = study['survey.csv'].split('\n').length - 2;
  write('survey.csv', study['survey.csv'], `${respondents.toLocaleString('en')} respondents in ${s.groups.toLocaleString('en')} groups`);
  const table = readSurveyCsv(path.join(dir, 'survey.csv'), { instrument }).table;
  write('survey.sav', savBytes(table).bytes, `${respondents.toLocaleString('en')} respondents`);

  // As many rows as keep the sheet under the target: measured on a tenth, then scaled.
  const objects = table.objects() as Record<string, unknown>[];
  const probe = Math.min(objects.length, 5000);
  const perRow = sheetBytes(await xlsxBytes(objects.slice(0, probe))) / probe;
  const rows = Math.min(objects.length, Math.floor((s.xlsxSheetMB * 1e6) / perRow));
  const xlsx = await xlsxBytes(objects.slice(0, rows));
  write('survey.xlsx', xlsx, `${rows.toLocaleString('en')} respondents, sheet ${(sheetBytes(xlsx) / 1e6).toFixed(0)} MB unpacked`);

  const networks = generateStudy(instrument, { groups: s.networkGroups, respondents: 1, seed: 'bench-limits-networks' })['networks.csv'];
  write('networks.csv', networks, `${s.networkGroups.toLocaleString('en')} groups`);

  const project = copiedProject(s.qdpxCopies);
  const qdpx = writeQdpx(project);
  const unpacked = Object.values(unzipSync(qdpx)).reduce((a, f) => a + f.length, 0);
  write('project.qdpx', qdpx, `${project.documents.length.toLocaleString('en')} documents, ${project.segments.length.toLocaleString('en')} coded segments, ${(unpacked / 1e6).toFixed(0)} MB unpacked`);
  console.log(JSON.stringify(out));
}

async function read(kind: LimitKind, file: string): Promise<void> {
  const instrument = readInstrument();
  const t0 = performance.now();
  let rows = 0;
  if (kind === 'survey.csv') rows = readSurveyCsv(file, { instrument }).table.numRows();
  else if (kind === 'survey.sav') rows = readSurveySav(file, { instrument }).table.numRows();
  else if (kind === 'survey.xlsx') rows = (await readSurveyXlsx(file, { instrument })).table.numRows();
  else if (kind === 'networks.csv') rows = readNetworksCsv(file).table.numRows();
  else rows = readQdpx(file).project.segments.length;
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function tsx(args: string[], root: string, timeoutMs: number): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const res = spawnSync(process.execPath, ['--max-old-space-size=16384', path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/limits.ts', ...args], { cwd: root, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20 });
  if (res.error) return { ok: false, error: (res.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `did not finish within ${timeoutMs / 1000} s` : res.error.message };
  if (res.status !== 0) return { ok: false, error: (res.stderr || res.stdout || `exit ${res.status}`).trim().split('\n').slice(-3).join(' ').slice(0, 300) };
  return { ok: true, value: JSON.parse(res.stdout.trim().split('\n').at(-1)!) };
}

const FILES: Array<[LimitKind, string]> = [
  ['survey.csv', 'survey.csv'],
  ['survey.sav', 'survey.sav'],
  ['survey.xlsx', 'survey.xlsx'],
  ['networks.csv', 'networks.csv'],
  ['qdpx', 'project.qdpx'],
];

/** Makes the files, reads each in a fresh process, prints a line each; the files are removed afterwards. */
export function benchLimits(root: string, quick: boolean): LimitBench[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delicate-bench-limits-'));
  try {
    const made = tsx(['make', dir, quick ? 'quick' : 'full'], root, 60 * 60 * 1000);
    if (!made.ok) {
      console.log(`limits: making the files failed (${made.error})`);
      return [];
    }
    const sizes = made.value as Record<string, { bytes: number; holds: string }>;
    const out: LimitBench[] = [];
    for (const [kind, name] of FILES) {
      const file = path.join(dir, name);
      const r = tsx(['read', kind, file], root, 30 * 60 * 1000);
      const b: LimitBench = { kind, file: name, bytes: sizes[name].bytes, holds: sizes[name].holds, readMs: r.ok ? (r.value.ms as number) : null, peakRssMB: r.ok ? (r.value.maxRssMB as number) : null, ...(r.ok ? {} : { error: r.error }) };
      out.push(b);
      console.log(`limits: ${name.padEnd(13)} ${(b.bytes / 1e6).toFixed(1).padStart(7)} MB (${b.holds}): ` + (r.ok ? `read in ${(b.readMs! / 1000).toFixed(2)} s, peak RSS ${b.peakRssMB!.toFixed(0)} MB` : `failed (${b.error})`));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [what, a, b] = process.argv.slice(2);
  const run = what === 'make' ? make(a, b === 'quick' ? 'quick' : 'full') : what === 'read' ? read(a as LimitKind, b) : Promise.reject(new Error(`limits.ts: unknown part ${what}`));
  run.catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}

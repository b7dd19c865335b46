/**
 * Output you can trust: what the commands write (`npm run reproduce`,
 * `npm run figures`, `npm run report`) replaces the previous output only when
 * the run completed, never writes into what the run reads, and never replaces
 * a folder or file this tool did not make.
 *
 * - A folder (reproduce's `out/`, figures' `out/figures/`) is built in a fresh
 *   sibling `<out>.partial-<pid>` (same file system, so the swap is a rename)
 *   and swapped in at the end: `<out>` is renamed to `<out>.old-<pid>`, the
 *   new folder to `<out>`, and the old one removed. A failed run removes its
 *   partial folder; the previous output stays as it was. Nothing of an earlier
 *   run survives in the new folder (it starts empty).
 * - Each folder made this way holds a marker file, OUTPUT_MARKER, naming the
 *   command that made it. Only an empty folder, a folder with that command's
 *   marker, or a folder that holds nothing but what that command writes (an
 *   output of the versions before the marker) is replaced; anything else is
 *   refused, so `--out ~` or a typo never removes someone's files.
 * - The marker is written last, when the folder is complete: a partial
 *   folder with a marker was complete when its run stopped.
 * - A run that died between the renames (killed, power cut) leaves
 *   `<out>.old-<pid>` or `<out>.partial-<pid>` of a process that is gone; the
 *   next run on the same `<out>` cleans up: it puts a complete folder back in
 *   place when `<out>` is missing (the new one when it was complete, else the
 *   old one) and removes the rest.
 * - A file (the report) is written to `.<name>.partial-<pid>` in the same
 *   folder and renamed over `<out>` (atomic on POSIX file systems).
 *
 * @example
 *   const out = checkOutputFolder('out', 'reproduce', { reads: [{ path: 'data', what: 'the data folder' }] });
 *   await replaceOutputFolder(out, 'reproduce', async (dir) => { ...write into dir... });
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from './errors';
import { processAlive } from './processAlive';

/**
 * The message for a data folder without a survey, worded as loadStudyData
 * words it (survey.csv, or survey.sav from SPSS).
 */
export function noSurveyMessage(dataDir: string): string {
  return `${path.resolve(dataDir)} has no survey.csv or survey.sav. A study folder holds survey.csv (or survey.sav with an optional mapping.json) and optionally networks.csv, pilot.csv and instrument.json.`;
}

/**
 * The commands' check of `--data`, before any work: a folder holding
 * survey.csv or survey.sav. Returns the absolute path.
 */
export function checkDataFolder(dataDir: string, option = '--data'): string {
  const abs = path.resolve(dataDir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new UserInputError(`${option}: ${abs} is not a folder. Give a folder holding survey.csv or survey.sav (and optionally networks.csv, pilot.csv, instrument.json).`);
  }
  if (!fs.existsSync(path.join(abs, 'survey.csv')) && !fs.existsSync(path.join(abs, 'survey.sav'))) throw new UserInputError(`${option}: ${noSurveyMessage(abs)}`);
  return abs;
}

/** The file that marks a folder as made by this tool. */
export const OUTPUT_MARKER = '.delicate-verbanden-output';

/** The commands that write an output folder, and what such a folder holds (besides the marker). */
export const OUTPUT_KINDS = {
  reproduce: (name: string) => ['notebooks', 'figures', 'report.html', 'explorer.html'].includes(name),
  figures: (name: string) => /\.(svg|png)$/i.test(name),
  /** `<out>.failed/`: the executed notebook of a failed reproduce run. */
  'reproduce (failed run)': (name: string) => /\.ipynb$/i.test(name),
} as const;

export type OutputKind = keyof typeof OUTPUT_KINDS;

/** Something a command reads: a folder or a file, and how to name it in a message. */
export interface ReadPath {
  path: string;
  /** e.g. "the data folder", "the codebook". */
  what: string;
}

export interface OutputCheckOptions {
  /** What the command reads: the output may not be, contain or lie inside any of them. */
  reads?: readonly ReadPath[];
  /** The option the path came from, for messages (default "--out"). */
  option?: string;
}

/** The path with every symbolic link in its existing part resolved (the rest appended as given). */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let head = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(head), ...rest);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.unshift(path.basename(head));
      head = parent;
    }
  }
}

/** Whether `p` is `folder` or lies inside it (plain paths; resolve them first). */
export function isWithin(p: string, folder: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A path as messages show it: relative to the working folder when inside it. */
const shown = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
};

const exists = (p: string) => {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** The command whose marker the folder holds, '' for a marker without one, null without a marker. */
function markerKind(dir: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, OUTPUT_MARKER), 'utf8');
  } catch {
    return null;
  }
  return /"npm run ([^"]+)"/.exec(text)?.[1] ?? '';
}

function markerText(kind: OutputKind): string {
  return (
    `This folder is the output of "npm run ${kind}" (Delicate verbanden).\n` +
    'The next run replaces it as a whole: keep no files of your own here.\n' +
    'A run replaces a folder only when it is empty or holds this file.\n'
  );
}

/**
 * Throws a UserInputError when `out` may not be replaced by the output of
 * `kind`: a file or symbolic link, a non-empty folder without the marker
 * that holds something else than this command writes, or another command's
 * output. A path that does not exist is fine.
 */
export function assertReplaceable(out: string, kind: OutputKind, option = '--out'): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(out);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) throw new UserInputError(`${option}: ${out} is a symbolic link; give the folder itself (the run replaces the folder as a whole).`);
  if (!st.isDirectory()) throw new UserInputError(`${option}: ${out} is a file, not a folder; give a folder to write into (a new one, or one this command made before).`);
  const marked = markerKind(out);
  if (marked !== null) {
    if (marked === kind) return;
    throw new UserInputError(`${option}: ${out} holds the output of ${marked ? `"npm run ${marked}"` : 'another command'}, not of "npm run ${kind}"; give another folder (the run replaces the folder as a whole).`);
  }
  const names = fs.readdirSync(out);
  const foreign = names.filter((n) => !OUTPUT_KINDS[kind](n));
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, ... (${foreign.length} in all)` : '');
  throw new UserInputError(
    `${option}: ${out} is a folder that this tool did not make (no ${OUTPUT_MARKER} in it), and it holds other files: ${shown}. ` +
      `"npm run ${kind}" replaces its output folder as a whole, so it only replaces an empty folder or one it made. Give a new or empty folder.`,
  );
}

/** The message when an output path meets something the command reads, or null. */
function readConflict(out: string, reads: readonly ReadPath[], option: string, shown: string): string | null {
  for (const r of reads) {
    const read = realPath(r.path);
    if (out === read) return `${option}: ${shown} is ${r.what}; a command never writes to what it reads. Give another place.`;
    if (isWithin(out, read)) return `${option}: ${shown} lies inside ${r.what} (${r.path}); a command never writes into what it reads. Give a place outside it.`;
    if (isWithin(read, out)) return `${option}: ${shown} contains ${r.what} (${r.path}); the run replaces its output folder as a whole. Give a place outside it.`;
  }
  return null;
}

/**
 * Checks an output folder before any work: it may not be, contain or lie
 * inside anything the command reads, and it must be replaceable
 * (assertReplaceable). Returns the absolute path.
 */
export function checkOutputFolder(out: string, kind: OutputKind, options: OutputCheckOptions = {}): string {
  const option = options.option ?? '--out';
  const abs = path.resolve(out);
  const conflict = readConflict(realPath(abs), options.reads ?? [], option, abs);
  if (conflict) throw new UserInputError(conflict);
  if (path.dirname(abs) === abs) throw new UserInputError(`${option}: ${abs} is the root of the file system; give a folder for the output.`);
  assertReplaceable(abs, kind, option);
  return abs;
}

export interface FileCheckOptions extends OutputCheckOptions {
  /** Whether an existing file at the path is one this tool wrote (then it may be replaced). */
  isOurs?: (file: string) => boolean;
  /** What the file is, for messages (default "the output"). */
  what?: string;
}

/**
 * Checks an output file before any work: not a file the command reads, not
 * inside a folder it reads, not a folder, and, when it exists, a file this
 * tool wrote (`isOurs`). Returns the absolute path.
 */
export function checkOutputFile(out: string, options: FileCheckOptions = {}): string {
  const option = options.option ?? '--out';
  const abs = path.resolve(out);
  const real = realPath(abs);
  const reads = options.reads ?? [];
  for (const r of reads) {
    if (real === realPath(r.path)) throw new UserInputError(`${option}: ${abs} is ${r.what}, which this command reads; a command never writes to a file it reads. Give another file.`);
  }
  for (const r of reads) {
    const read = realPath(r.path);
    if (isWithin(real, read)) throw new UserInputError(`${option}: ${abs} lies inside ${r.what} (${r.path}); a command never writes into what it reads. Give a file outside it.`);
  }
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(abs);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) throw new UserInputError(`${option}: ${abs} is a folder; give the file to write (e.g. ${path.join(abs, 'report.html')}).`);
  if (st && options.isOurs && !options.isOurs(abs)) {
    throw new UserInputError(`${option}: ${abs} exists and is not ${options.what ?? 'an output'} of this tool; it is never overwritten. Give a new file name (or remove the file yourself).`);
  }
  return abs;
}

interface Leftover {
  file: string;
  pid: number;
  state: 'partial' | 'old';
}

/** `<out>.partial-<pid>` and `<out>.old-<pid>` beside `out` whose process is gone. */
function leftovers(out: string): Leftover[] {
  const dir = path.dirname(out);
  const base = path.basename(out);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: Leftover[] = [];
  for (const name of names) {
    if (!name.startsWith(`${base}.`)) continue;
    const m = /^\.(partial|old)-(\d+)$/.exec(name.slice(base.length));
    if (!m) continue;
    const pid = Number(m[2]);
    // our own pid: a leftover of an earlier process that had the same id
    if (pid !== process.pid && processAlive(pid)) continue;
    found.push({ file: path.join(dir, name), pid, state: m[1] as Leftover['state'] });
  }
  return found;
}

/**
 * Cleans up after runs on `out` that died (their process is gone): when
 * `out` is missing, a complete folder (a partial one with its marker, else
 * the previous output) is put back in its place; every other leftover is
 * removed. Returns what it did, one line each (nothing when there was
 * nothing to do).
 */
export function recoverOutputFolder(out: string): string[] {
  const lines: string[] = [];
  const found = leftovers(out);
  if (found.length === 0) return lines;
  if (!exists(out)) {
    const complete = found.find((f) => f.state === 'partial' && markerKind(f.file) !== null) ?? found.find((f) => f.state === 'old');
    if (complete) {
      fs.renameSync(complete.file, out);
      lines.push(`recovered ${out} from ${path.basename(complete.file)}, left by a run that stopped while replacing it`);
      found.splice(found.indexOf(complete), 1);
    }
  }
  for (const f of found) {
    fs.rmSync(f.file, { recursive: true, force: true, maxRetries: 3 });
    lines.push(`removed ${path.basename(f.file)}, left by a run that stopped (process ${f.pid})`);
  }
  return lines;
}

export interface ReplaceOptions {
  option?: string;
  /** Called with each line of recoverOutputFolder (default: nothing). */
  log?: (line: string) => void;
}

/**
 * Builds a fresh output folder and swaps it in for `out` when `build`
 * completed: `build(dir)` writes into `<out>.partial-<pid>`; on success the
 * marker is written and the folder replaces `out` (rename old away, rename
 * new in, remove old); when `build` throws, the partial folder is removed and
 * the error passed on, with `out` untouched. Returns what `build` returned.
 */
export async function replaceOutputFolder<T>(out: string, kind: OutputKind, build: (dir: string) => Promise<T> | T, options: ReplaceOptions = {}): Promise<T> {
  const option = options.option ?? '--out';
  out = path.resolve(out);
  for (const line of recoverOutputFolder(out)) options.log?.(line);
  assertReplaceable(out, kind, option);
  const partial = `${out}.partial-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.mkdirSync(partial);
  } catch (e) {
    throw new UserInputError(`${option}: cannot create ${partial} (${(e as NodeJS.ErrnoException).code ?? String(e)}); the output is built there first.`);
  }
  let result: T;
  try {
    result = await build(partial);
    fs.writeFileSync(path.join(partial, OUTPUT_MARKER), markerText(kind));
    // the folder may have changed during the run: check again right before replacing it
    assertReplaceable(out, kind, option);
  } catch (e) {
    fs.rmSync(partial, { recursive: true, force: true, maxRetries: 3 });
    if (e instanceof UserInputError) e.message += exists(out) ? `\n(${shown(out)} is unchanged: the previous output stays until a run completes.)` : `\n(nothing was written to ${shown(out)}.)`;
    throw e;
  }
  swapIn(partial, out, option);
  return result;
}

/** Renames the complete folder `partial` to `out`, moving an existing `out` away first. */
function swapIn(partial: string, out: string, option: string): void {
  const old = `${out}.old-${process.pid}`;
  let moved = false;
  try {
    if (exists(out)) {
      fs.renameSync(out, old);
      moved = true;
    }
    fs.renameSync(partial, out);
  } catch (e) {
    if (moved && !exists(out)) fs.renameSync(old, out);
    fs.rmSync(partial, { recursive: true, force: true, maxRetries: 3 });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserInputError(`${option}: cannot replace ${out} (${code})${code === 'EBUSY' || code === 'EXDEV' ? '; is it a mount point? Give a folder inside it' : ''}. The previous output is unchanged.`);
  }
  if (moved) fs.rmSync(old, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Makes `dir` an empty folder of kind `kind` (with its marker), replacing an
 * earlier one of the same kind; used for `<out>.failed/`. Returns false, and
 * leaves it alone, when `dir` exists and is not such a folder.
 */
export function freshMarkedFolder(dir: string, kind: OutputKind): boolean {
  if (exists(dir)) {
    try {
      assertReplaceable(dir, kind);
    } catch {
      return false;
    }
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, OUTPUT_MARKER), markerText(kind));
  return true;
}

/** Removes `dir` when it is a folder of kind `kind` this tool made (its marker); anything else is left alone. */
export function removeMarkedFolder(dir: string, kind: OutputKind): void {
  if (exists(dir) && fs.lstatSync(dir).isDirectory() && markerKind(dir) === kind) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Writes a file whole or not at all: into `.<name>.partial-<pid>` beside it,
 * then renamed over `file`. Leftovers of writers that are gone are removed
 * first. Throws a UserInputError when the folder is not writable.
 */
export function writeFileReplacing(file: string, data: string | Uint8Array, option = '--out'): void {
  file = path.resolve(file);
  const dir = path.dirname(file);
  const base = path.basename(file);
  const tmp = path.join(dir, `.${base}.partial-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const name of fs.readdirSync(dir)) {
      const m = name.startsWith(`.${base}.partial-`) ? /^(\d+)$/.exec(name.slice(base.length + 10)) : null;
      if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) fs.rmSync(path.join(dir, name), { force: true });
    }
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // there was none
    }
    throw new UserInputError(`${option}: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
}

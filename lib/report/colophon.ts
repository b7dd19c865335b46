/**
 * The colophon of the self-contained report: which code (git commit), which
 * software (versions of node, arquero, plotly.js and this package), which data
 * (sha256 of every data file) and when. `collectColophon` is the only part of
 * lib/report that does I/O; `buildReport` takes its result as plain data.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import { PLOTLY_PACKAGES } from '../render/plotlyBundle';

export interface ColophonFile {
  /** File name as shown (relative to the data folder, or the path given). */
  file: string;
  bytes: number;
  sha256: string;
}

export interface Colophon {
  /** ISO 8601 time the report was generated. */
  generatedAt: string;
  /** `git rev-parse HEAD` of the code, or 'unknown' outside a git checkout. */
  gitCommit: string;
  versions: { node: string; arquero: string; plotly: string; package: string };
  /** The data folder as given. */
  dataDir: string;
  dataFiles: ColophonFile[];
}

export interface CollectColophonOptions {
  /**
   * Data files to hash (paths absolute or relative to dataDir); default every
   * .csv and .json file in dataDir and the interview data in its `interviews`
   * folder (.qdpx, .qdc, .csv, .xlsx).
   */
  files?: readonly string[];
  /** The generation time (default now). */
  now?: Date;
  /** Folder to ask git for the commit (default this package's root). */
  repo?: string;
}

/** This package's root: the nearest folder above this file holding package.json. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let k = 0; k < 6; k++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..');
}

/** The installed version of a dependency (its package.json, found from its entry point), or 'unknown'. */
export function packageVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name));
    for (let k = 0; k < 6; k++) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && typeof pkg.version === 'string') return pkg.version;
      }
      dir = path.dirname(dir);
    }
  } catch {
    // not installed
  }
  return 'unknown';
}

/** `git rev-parse HEAD` in `repo` (read-only), or 'unknown'. */
export function gitCommit(repo: string): string {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).toString().trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** sha256 of a file's bytes, hex. */
export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * @example
 *   const colophon = collectColophon('data');
 *   // { generatedAt: '2024-04-01T10:00:00.000Z', gitCommit: '2238260...', versions: { node: '20.20.0', ... },
 *   //   dataFiles: [{ file: 'instrument.json', bytes: 48213, sha256: '...' }, ..., { file: 'interviews/interviews.qdpx', ... }] }
 */
export function collectColophon(dataDir: string, options: CollectColophonOptions = {}): Colophon {
  if (typeof dataDir !== 'string' || !fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new UserInputError(`collectColophon: ${JSON.stringify(dataDir)} is not a folder; give the data folder the report was made from.`);
  }
  const interviewDir = path.join(dataDir, 'interviews');
  const files = options.files
    ? options.files.map((f) => path.resolve(dataDir, f))
    : [
        ...fs
          .readdirSync(dataDir)
          .filter((f) => /\.(csv|json)$/i.test(f) && fs.statSync(path.join(dataDir, f)).isFile())
          .sort()
          .map((f) => path.join(dataDir, f)),
        ...(fs.existsSync(interviewDir) && fs.statSync(interviewDir).isDirectory()
          ? fs
              .readdirSync(interviewDir)
              .filter((f) => /\.(qdpx|qdc|csv|xlsx)$/i.test(f) && fs.statSync(path.join(interviewDir, f)).isFile())
              .sort()
              .map((f) => path.join(interviewDir, f))
          : []),
      ];
  const dataFiles = files.map((file) => {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UserInputError(`collectColophon: data file ${file} does not exist.`);
    const rel = path.relative(dataDir, file);
    return { file: rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/'), bytes: fs.statSync(file).size, sha256: sha256File(file) };
  });
  const root = packageRoot();
  let own = 'unknown';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
    own = `${pkg.name ?? 'delicate-verbanden'} ${pkg.version ?? ''}`.trim();
  } catch {
    // keep 'unknown'
  }
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    gitCommit: gitCommit(options.repo ?? root),
    versions: { node: process.versions.node, arquero: packageVersion('arquero'), plotly: packageVersion(PLOTLY_PACKAGES.cartesian), package: own },
    dataDir,
    dataFiles,
  };
}

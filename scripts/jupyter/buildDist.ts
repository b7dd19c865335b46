/**
 * `npm run build` for the scripts that need dist/ (the notebooks import it):
 * `npm run reproduce` and `npm start`. Skipped when dist/ was built after
 * every change to lib/ and the tsconfig: tsc's own incremental check of an
 * unchanged project still takes seconds (it parses every file), this takes
 * milliseconds. Throws a UserInputError with tsc's messages when the build fails.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../../lib/util/errors';
import { PROJECT_ROOT } from './jupyter';

/** Newest modification time (ms) of the files below dir whose name matches re. */
function newestMtime(dir: string, re: RegExp): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, re));
    else if (re.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/ (with tsc's build info) is newer than every file of lib/ and the tsconfig. */
export function distUpToDate(root = PROJECT_ROOT): boolean {
  const info = path.join(root, 'dist', '.tsbuildinfo');
  if (!fs.existsSync(info) || !fs.existsSync(path.join(root, 'dist', 'index.js'))) return false;
  const built = fs.statSync(info).mtimeMs;
  return newestMtime(path.join(root, 'lib'), /\.(ts|json|py)$/) < built && fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs < built;
}

/** Builds dist/ unless it is up to date; says which and how long it took. */
export function buildDist(root = PROJECT_ROOT): { skipped: boolean; ms: number } {
  const started = Date.now();
  if (distUpToDate(root)) return { skipped: true, ms: Date.now() - started };
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new UserInputError(`building dist/ failed (npm run build):\n${(r.stdout + r.stderr).trim()}`);
  return { skipped: false, ms: Date.now() - started };
}

/**
 * `npm run student-edition -- --out DIR [--teacher]`: the notebooks for a
 * class, as a folder that runs without the rest of the repository
 * (npm install && npm start in it). Builds dist/ first. The student edition
 * has no outputs, no solutions and no "Reading it" answers; --teacher writes
 * the teacher edition with everything. scripts/teaching/edition.ts.
 */
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseOptions } from '../lib/util/cliOptions';
import { runCli, UserInputError } from '../lib/util/errors';
import { PROJECT_ROOT } from './jupyter/jupyter';
import { writeEdition } from './teaching/edition';

const USAGE = 'usage: npm run student-edition -- --out DIR [--teacher]';

runCli(() => {
  const o = parseOptions(process.argv.slice(2), { '--out': 'value', '--teacher': 'flag' }, USAGE);
  const out = o.get('--out');
  if (typeof out !== 'string') throw new UserInputError(`--out is required; ${USAGE}`);
  const built = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(PROJECT_ROOT, 'tsconfig.json')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
  const edition = o.get('--teacher') ? 'teacher' : 'student';
  const files = writeEdition(out, edition);
  console.log(`${path.resolve(out)}: ${edition} edition, ${files.length} notebooks, dist/, data/, package.json, README.md.`);
  console.log(`A class runs it with: cd ${out} && npm install && npm start`);
});

/**
 * Inserts (or refreshes) the exercise cells of lib/teaching in notebooks:
 *
 *   npx tsx scripts/teaching/insertExercises.ts notebooks/03-agreement-and-aggregation.ipynb ...
 *   npx tsx scripts/teaching/insertExercises.ts --all
 *
 * Idempotent: a second run changes nothing; after the exercise data change
 * it replaces the cells it made (metadata.dv.teaching) and nothing else. The
 * first run replaces the notebook's "## Exercises" section of prose.
 */
import * as path from 'node:path';
import { runCli, UserInputError } from '../../lib/util/errors';
import { parseOptions } from '../../lib/util/cliOptions';
import { listNotebooks } from '../jupyter/runner';
import { insertExercisesInFile } from './exerciseCells';

const USAGE = 'usage: npx tsx scripts/teaching/insertExercises.ts (--all | NOTEBOOK.ipynb ...)';

runCli(() => {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  const options = parseOptions(args.filter((a) => a.startsWith('--')), { '--all': 'flag' }, USAGE);
  const targets = options.get('--all') ? listNotebooks() : files;
  if (targets.length === 0) throw new UserInputError(USAGE);
  for (const file of targets) console.log(`${insertExercisesInFile(file) ? 'updated  ' : 'unchanged'} ${path.relative(process.cwd(), file)}`);
});

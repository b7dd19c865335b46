/**
 * The commands of the teaching module, compiled into dist/ so that an
 * edition folder runs them without the repository's scripts:
 *
 *   npm run progress -- [--in notebooks] [--out progress.md|progress.html] [--student NAME] [--lang nl|en]
 *   npm run student-data -- --student 1234567 [--out my-study]     (in an edition)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLang, parseOptions } from '../util/cliOptions';
import { runCli, UserInputError } from '../util/errors';
import { notebookFiles, progressHtml, progressMarkdown, readProgress } from './progress';
import { writeStudentStudy } from './studentData';
import { OWN_DATA_DIR } from './exercises/common';

export const PROGRESS_USAGE = 'usage: npm run progress -- [--in FOLDER|NOTEBOOK] [--out progress.md|progress.html] [--student NAME] [--lang nl|en]';

/** Writes the progress summary; returns the file written. */
export function writeProgress(argv: readonly string[], cwd = process.cwd()): string {
  const o = parseOptions(argv, { '--in': 'value', '--out': 'value', '--student': 'value', '--lang': 'value' }, PROGRESS_USAGE);
  const where = path.resolve(cwd, (o.get('--in') as string | undefined) ?? (fs.existsSync(path.join(cwd, 'notebooks')) ? 'notebooks' : '.'));
  const out = path.resolve(cwd, (o.get('--out') as string | undefined) ?? 'progress.md');
  const lang = o.has('--lang') ? parseLang(o.get('--lang') as string) : 'en';
  const rows = readProgress(notebookFiles(where), lang);
  const student = o.get('--student') as string | undefined;
  const generated = `From the notebooks in ${path.relative(cwd, where) || '.'}.`;
  fs.writeFileSync(out, out.endsWith('.html') ? progressHtml(rows, { student, generated }) : progressMarkdown(rows, { student, generated }));
  const right = rows.filter((r) => r.result === 'right').length;
  console.log(`${path.relative(cwd, out)}: ${right} of ${rows.length} exercises right, ${rows.filter((r) => r.result !== 'not checked' && r.result !== 'open').length} checked.`);
  return out;
}

export function progressMain(argv: readonly string[]): void {
  runCli(() => {
    writeProgress(argv);
  });
}

export const STUDENT_DATA_USAGE = `usage: npm run student-data -- --student NUMBER [--out ${OWN_DATA_DIR}]`;

export function studentDataMain(argv: readonly string[]): void {
  runCli(() => {
    const o = parseOptions(argv, { '--student': 'value', '--out': 'value' }, STUDENT_DATA_USAGE);
    const student = o.get('--student');
    if (typeof student !== 'string') throw new UserInputError(STUDENT_DATA_USAGE);
    const dir = writeStudentStudy(student, (o.get('--out') as string | undefined) ?? path.join('notebooks', OWN_DATA_DIR));
    console.log(`${dir}: your study (seed ${student}); open it with openStudy({ dataDir: '${OWN_DATA_DIR}' }) in a notebook.`);
  });
}

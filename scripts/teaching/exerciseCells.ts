/**
 * The exercise cells of a notebook, made from the exercise data
 * (lib/teaching/exercises): per exercise a prompt cell `exercise('NN-k')`,
 * an answer cell with the placeholder `const answer_NN_k = null;` and a
 * check cell. Every cell carries `metadata.dv.teaching` (its role) so that
 * inserting again replaces them (idempotent), and the editions find them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notebookExercises } from '../../lib/teaching/catalog';
import { OWN_DATA_DIR } from '../../lib/teaching/exercises/common';
import type { ExerciseDefinition } from '../../lib/teaching/types';
import { notebookText, type NotebookCell, type NotebookJson } from '../jupyter/runner';
import { UserInputError } from '../../lib/util/errors';

export type TeachingRole = 'intro' | 'import' | 'prompt' | 'answer' | 'check';

/** The role of a teaching cell, or null for the notebook's own cells. */
export function teachingRole(cell: NotebookCell): { role: TeachingRole; exercise: string | null } | null {
  const dv = cell.metadata?.dv as { teaching?: TeachingRole; exercise?: string } | undefined;
  return dv?.teaching ? { role: dv.teaching, exercise: dv.exercise ?? null } : null;
}

/** Text as nbformat stores it: lines that keep their newline. */
export function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, k) => (k < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

export const sourceText = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join('') : s ?? '');

/** The variable an exercise's answer goes in: answer_02_3. */
export const answerName = (id: string): string => `answer_${id.replace('-', '_')}`;

/** The placeholder answer cell of an exercise. */
export function answerPlaceholder(e: ExerciseDefinition): string {
  return [`// your answer to ${e.id}: ${e.answerForm.en.replace(/`/g, '')}`, ...(e.starter ? [e.starter] : []), `const ${answerName(e.id)} = null;`].join('\n');
}

/** The check call of an exercise (own-data exercises check against the student's folder). */
export function checkCall(e: ExerciseDefinition): string {
  return e.ownData ? `check('${e.id}', ${answerName(e.id)}, { dataDir: '${OWN_DATA_DIR}' });` : `check('${e.id}', ${answerName(e.id)});`;
}

const INTRO = `## Exercises

Each exercise shows its prompt; put your answer in the cell below it (replace \`null\`) and run the check: it says what is right and what is not, recomputed from the data this notebook opened (your own data, where the exercise says so). \`hint('NN-k')\` gives a hint; \`solution('NN-k')\` works in the teacher edition. \`npm run progress\` lists the exercises you checked.`;

function cell(kind: 'code' | 'markdown', id: string, text: string, role: TeachingRole, exercise: string | null): NotebookCell {
  const c: NotebookCell = { cell_type: kind, id, metadata: { dv: exercise ? { exercise, teaching: role } : { teaching: role } }, source: sourceLines(text) };
  if (kind === 'code') {
    c.execution_count = null;
    c.outputs = [];
  }
  return c;
}

/** The teaching cells of a notebook ('01' .. '10'). */
export function exerciseCells(notebook: string): NotebookCell[] {
  const exercises = notebookExercises(notebook);
  if (exercises.length === 0) throw new UserInputError(`No exercises for notebook ${notebook} in lib/teaching/exercises.`);
  const out: NotebookCell[] = [
    cell('markdown', `nb${notebook}-ex-intro`, INTRO, 'intro', null),
    cell('code', `nb${notebook}-ex-import`, `import { exercise, check, hint, solution } from '../dist/teaching';`, 'import', null),
  ];
  for (const e of exercises) {
    const k = e.id.slice(3);
    out.push(cell('code', `nb${notebook}-ex${k}-prompt`, `exercise('${e.id}');`, 'prompt', e.id));
    out.push(cell('code', `nb${notebook}-ex${k}-answer`, answerPlaceholder(e), 'answer', e.id));
    out.push(cell('code', `nb${notebook}-ex${k}-check`, checkCall(e), 'check', e.id));
  }
  return out;
}

/**
 * The notebook with its exercise cells: replaces the teaching cells it has,
 * or else the "## Exercises" section of prose (the rest of that markdown cell
 * stays), or else appends them. Pure; returns a copy.
 */
export function withExercises(nb: NotebookJson, notebook: string): NotebookJson {
  const copy = JSON.parse(JSON.stringify(nb)) as NotebookJson;
  const cells = exerciseCells(notebook);
  const first = copy.cells.findIndex((c) => teachingRole(c) !== null);
  if (first >= 0) {
    const kept = copy.cells.filter((c) => teachingRole(c) === null);
    const before = copy.cells.slice(0, first).filter((c) => teachingRole(c) === null).length;
    copy.cells = [...kept.slice(0, before), ...cells, ...kept.slice(before)];
    return copy;
  }
  const at = copy.cells.findIndex((c) => c.cell_type === 'markdown' && /^## Exercises\s*$/m.test(sourceText(c.source)));
  if (at < 0) {
    copy.cells.push(...cells);
    return copy;
  }
  const text = sourceText(copy.cells[at].source);
  const start = text.search(/^## Exercises\s*$/m);
  const rest = text.slice(start).replace(/^## Exercises\s*\n/, '');
  const next = rest.search(/^#{1,2} /m); // a later section in the same cell stays
  const head = text.slice(0, start).replace(/\s+$/, '');
  const tail = next >= 0 ? rest.slice(next) : '';
  const replaced: NotebookCell[] = [];
  if (head !== '') replaced.push({ ...copy.cells[at], source: sourceLines(head) });
  replaced.push(...cells);
  if (tail.trim() !== '') replaced.push({ cell_type: 'markdown', id: `nb${notebook}-ex-after`, metadata: {}, source: sourceLines(tail) });
  copy.cells.splice(at, 1, ...replaced);
  return copy;
}

/** Reads, inserts, writes; returns whether the file changed. */
export function insertExercisesInFile(file: string): boolean {
  const notebook = path.basename(file).slice(0, 2);
  if (!/^\d{2}$/.test(notebook)) throw new UserInputError(`${file}: a notebook's name starts with its number (01-..., 02-...).`);
  const before = fs.readFileSync(file, 'utf8');
  const after = notebookText(withExercises(JSON.parse(before) as NotebookJson, notebook));
  if (after === before) return false;
  fs.writeFileSync(file, after);
  return true;
}

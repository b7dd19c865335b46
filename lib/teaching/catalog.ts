/**
 * All exercises of the course path, in notebook order, and their solutions.
 * Solutions live in ./solutions, which a student edition leaves out of its
 * dist/: there `solutionOf` returns null and `solution(id)` says so.
 */
import { UserInputError } from '../util/errors';
import type { ExerciseDefinition, Solution } from './types';
import { EXERCISES_01 } from './exercises/01';
import { EXERCISES_02 } from './exercises/02';
import { EXERCISES_03 } from './exercises/03';
import { EXERCISES_04 } from './exercises/04';
import { EXERCISES_05 } from './exercises/05';
import { EXERCISES_06 } from './exercises/06';
import { EXERCISES_07 } from './exercises/07';
import { EXERCISES_08 } from './exercises/08';
import { EXERCISES_09 } from './exercises/09';
import { EXERCISES_10 } from './exercises/10';

export const EXERCISES: readonly ExerciseDefinition[] = [
  ...EXERCISES_01,
  ...EXERCISES_02,
  ...EXERCISES_03,
  ...EXERCISES_04,
  ...EXERCISES_05,
  ...EXERCISES_06,
  ...EXERCISES_07,
  ...EXERCISES_08,
  ...EXERCISES_09,
  ...EXERCISES_10,
];

/** The exercise with this id, or an error that lists the notebook's ids. */
export function findExercise(id: string): ExerciseDefinition {
  const e = EXERCISES.find((x) => x.id === id);
  if (e) return e;
  const nb = String(id).slice(0, 2);
  const same = EXERCISES.filter((x) => x.id.startsWith(`${nb}-`)).map((x) => x.id);
  throw new UserInputError(`No exercise "${id}". ${same.length > 0 ? `Notebook ${nb} has ${same.join(', ')}.` : `Exercise ids look like '02-3' (notebook 02, exercise 3).`}`);
}

/** The exercises of one notebook ('01' .. '10'). */
export function notebookExercises(notebook: string): ExerciseDefinition[] {
  return EXERCISES.filter((x) => x.id.startsWith(`${notebook}-`));
}

let solutions: Record<string, Solution> | null | undefined;

/** All solutions, or null in a student edition (its dist/ has no teaching/solutions). */
export function allSolutions(): Record<string, Solution> | null {
  if (solutions === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      solutions = (require('./solutions') as { SOLUTIONS: Record<string, Solution> }).SOLUTIONS;
    } catch {
      solutions = null;
    }
  }
  return solutions;
}

/**
 * Sets the solutions explicitly (tests that run the TypeScript sources
 * without Node's require of ./solutions; null plays the student edition).
 */
export function setSolutions(value: Record<string, Solution> | null): void {
  solutions = value;
}

/** The solution of one exercise; null in a student edition. */
export function solutionOf(id: string): Solution | null {
  findExercise(id);
  const all = allSolutions();
  return all ? all[id] ?? null : null;
}

/** True when this installation has no solutions (a student edition). */
export function isStudentEdition(): boolean {
  return allSolutions() === null;
}

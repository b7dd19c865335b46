/**
 * One answer to one exercise, judged: the exercise's check on the context,
 * with the placeholder (null) as "open" and an answer of the wrong form as
 * "invalid" (a message that says what form was expected), never an error.
 */
import { findExercise } from './catalog';
import { valuesOf } from './exercises/common';
import { AnswerFormError, type Bilingual, type CheckResult, type ExerciseDefinition, type Feedback, type TeachingContext } from './types';

/**
 * The variables the exercise is written about that the context's study lacks
 * (fewer than three groups with a value). Exercises on the student's own
 * generated data (ownData) never lack them.
 */
export function missingVariables(exercise: ExerciseDefinition, context: TeachingContext): string[] {
  if (exercise.ownData || !exercise.requires) return [];
  const rows = context.study.networkRows;
  const known = (v: string) => v === 'members' || v === 'years' || rows.some((r) => v in r.means);
  return exercise.requires.filter((v) => !known(v) || valuesOf(rows, v).length < 3);
}

/** The one line that replaces an exercise written for variables this study does not have. */
export function notForThisStudy(exercise: ExerciseDefinition, missing: readonly string[]): Bilingual {
  const k = missing.length;
  return {
    nl: `Oefening ${exercise.id} is geschreven voor de meegeleverde studie: deze studie mist ${k === 1 ? 'een variabele' : `${k} variabelen`} die ze gebruikt. Sla haar over, of maak haar op de meegeleverde data (zonder DV_DATA_DIR).`,
    en: `Exercise ${exercise.id} is written for the shipped study: this study lacks ${k === 1 ? 'a variable' : `${k} variables`} it uses. Skip it, or do it on the shipped data (without DV_DATA_DIR).`,
  };
}

/** right: every part right; wrong: none; partly: some. */
export function resultOf(parts: ReadonlyArray<{ ok: boolean }>): CheckResult {
  const ok = parts.filter((p) => p.ok).length;
  return ok === parts.length ? 'right' : ok === 0 ? 'wrong' : 'partly';
}

/**
 * @example
 *   evaluateAnswer('02-1', 'trust_6', teachingContext()).result // 'right' on the default data
 */
export function evaluateAnswer(id: string, answer: unknown, context: TeachingContext): Feedback {
  const exercise = findExercise(id);
  const missing = missingVariables(exercise, context);
  if (missing.length > 0) return { id, result: 'open', parts: [{ ok: false, text: notForThisStudy(exercise, missing) }] };
  if (answer === null || answer === undefined) {
    return { id, result: 'open', parts: [{ ok: false, text: { nl: `Nog geen antwoord: vervang \`null\` in de antwoordcel door ${exercise.answerForm.nl} en voer beide cellen opnieuw uit.`, en: `No answer yet: replace \`null\` in the answer cell by ${exercise.answerForm.en} and run both cells again.` } }] };
  }
  try {
    const parts = exercise.check(answer, context);
    if (parts.length === 0) throw new Error(`exercise ${id}: its check returned no feedback`);
    return { id, result: resultOf(parts), parts };
  } catch (e) {
    if (e instanceof AnswerFormError) return { id, result: 'invalid', parts: [{ ok: false, text: e.text }] };
    throw e;
  }
}

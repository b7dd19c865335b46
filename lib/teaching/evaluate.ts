/**
 * One answer to one exercise, judged: the exercise's check on the context,
 * with the placeholder (null) as "open" and an answer of the wrong form as
 * "invalid" (a message that says what form was expected), never an error.
 */
import { findExercise } from './catalog';
import { AnswerFormError, type CheckResult, type Feedback, type TeachingContext } from './types';

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

/**
 * Exercises that check themselves (`import { exercise, check, hint, solution } from '../dist/teaching'`):
 *
 *   exercise('02-3');             // the prompt
 *   const answer_02_3 = 'trust_6';  // your answer
 *   check('02-3', answer_02_3);   // feedback, recomputed from your own data, recorded for `npm run progress`
 *   hint('02-3');
 *   solution('02-3');             // teacher edition only
 *
 * The exercises are data (lib/teaching/exercises, one file per notebook);
 * their solutions are kept apart (lib/teaching/solutions) so that a student
 * edition (`npm run student-edition`) can leave them out. docs/teaching.md.
 */
import type { Language } from '../io/instrument';
import type { Study } from '../notebooks/context';
import { studyLanguage } from '../notebooks/context';
import type { HtmlDisplay } from '../render/show';
import { findExercise, solutionOf } from './catalog';
import { teachingContext } from './context';
import { evaluateAnswer } from './evaluate';
import { exerciseHtml, feedbackHtml, feedbackText, hintHtml, noSolutionText, solutionHtml } from './render';
import { showHtml } from './show';
import type { Feedback } from './types';

export interface TeachingOptions {
  /** Language of the texts (default: the study's, else DV_LANG, else nl). */
  lang?: Language;
  /** The study to check against (default: the one DV_DATA_DIR names); pass your own, e.g. openStudy({ dataDir: 'my-study' }). */
  study?: Study;
  /** Where the HTML goes (default tslab's display); for tests. */
  display?: HtmlDisplay;
}

const languageOf = (options: TeachingOptions): Language => options.lang ?? options.study?.lang ?? studyLanguage();

/** Shows the exercise's prompt. */
export function exercise(id: string, options: TeachingOptions = {}): void {
  const e = findExercise(id);
  const lang = languageOf(options);
  showHtml(exerciseHtml(e, lang), `${e.id} · ${e.title[lang]}\n${e.prompt[lang]}\n(${e.answerForm[lang]})`, options.display ?? undefined);
}

/**
 * Checks an answer against the study's own data and shows what is right and
 * what is wrong. The feedback carries a marker that `npm run progress` reads.
 */
export function check(id: string, answer: unknown, options: TeachingOptions = {}): void {
  const context = teachingContext(options.study);
  const lang = options.lang ?? context.study.lang;
  const feedback: Feedback = evaluateAnswer(id, answer, context);
  showHtml(feedbackHtml(feedback, lang), feedbackText(feedback, lang), options.display ?? undefined);
}

export function hint(id: string, options: TeachingOptions = {}): void {
  const e = findExercise(id);
  const lang = languageOf(options);
  showHtml(hintHtml(e, lang), `${e.id}: ${e.hint[lang]}`, options.display ?? undefined);
}

/** The worked solution (teacher edition); the student edition says it has none. */
export function solution(id: string, options: TeachingOptions = {}): void {
  const e = findExercise(id);
  const lang = languageOf(options);
  const s = solutionOf(id);
  showHtml(solutionHtml(e, s, lang), s ? `${s.code}\n\n${s.reading[lang]}` : noSolutionText(lang), options.display ?? undefined);
}

export { EXERCISES, findExercise, notebookExercises, solutionOf, isStudentEdition } from './catalog';
export { evaluateAnswer, resultOf } from './evaluate';
export { teachingContext } from './context';
export { exerciseHtml, feedbackHtml, hintHtml, solutionHtml, checkMarker, CHECK_MARKER } from './render';
export type { CheckMarker } from './render';
export { studentSeed, studentStudyFiles, writeStudentStudy } from './studentData';
export { readProgress, progressMarkdown, progressHtml } from './progress';
export type { ProgressRow } from './progress';
export type { ExerciseDefinition, Solution, Feedback, FeedbackPart, CheckResult, TeachingContext, Bilingual } from './types';

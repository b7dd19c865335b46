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
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../io/instrument';
import type { Study } from '../notebooks/context';
import { openStudy, studyLanguage } from '../notebooks/context';
import type { HtmlDisplay } from '../render/show';
import { findExercise, solutionOf } from './catalog';
import { teachingContext } from './context';
import { evaluateAnswer, missingVariables, notForThisStudy } from './evaluate';
import { exerciseHtml, feedbackHtml, feedbackText, hintHtml, noSolutionText, solutionHtml } from './render';
import { showHtml } from './show';
import { escapeHtml } from '../util/html';
import type { Feedback } from './types';

export interface TeachingOptions {
  /** Language of the texts (default: the study's, else DV_LANG, else nl). */
  lang?: Language;
  /** The study to check against (default: the one DV_DATA_DIR names); pass your own, e.g. openStudy({ dataDir: 'my-study' }). */
  study?: Study;
  /** Or the folder of the student's own study (the own-data exercises: 'my-study'); opened only when there is an answer. */
  dataDir?: string;
  /** Where the HTML goes (default tslab's display); for tests. */
  display?: HtmlDisplay;
}

const languageOf = (options: TeachingOptions): Language => options.lang ?? options.study?.lang ?? studyLanguage();

/** Shows the exercise's prompt. */
export function exercise(id: string, options: TeachingOptions = {}): void {
  const e = findExercise(id);
  const lang = languageOf(options);
  const missing = missingVariables(e, teachingContext(options.study));
  if (missing.length > 0) {
    const line = notForThisStudy(e, missing)[lang];
    showHtml(`<p class="dv-exercise-skip"><em>${escapeHtml(line)}</em></p>`, line, options.display ?? undefined);
    return;
  }
  showHtml(exerciseHtml(e, lang), `${e.id} · ${e.title[lang]}\n${e.prompt[lang]}\n(${e.answerForm[lang]})`, options.display ?? undefined);
}

/**
 * Checks an answer against the study's own data and shows what is right and
 * what is wrong. The feedback carries a marker that `npm run progress` reads.
 */
export function check(id: string, answer: unknown, options: TeachingOptions = {}): void {
  let study = options.study;
  if (!study && options.dataDir !== undefined && answer !== null && answer !== undefined) {
    const dir = path.resolve(options.dataDir);
    if (!fs.existsSync(path.join(dir, 'survey.csv'))) {
      const lang = languageOf(options);
      const missing: Feedback = { id, result: 'invalid', parts: [{ ok: false, text: { nl: `${dir} heeft nog geen survey.csv: maak eerst je data met \`writeStudentStudy('je-studentnummer', '${options.dataDir}')\`.`, en: `${dir} has no survey.csv yet: first make your data with \`writeStudentStudy('your-student-number', '${options.dataDir}')\`.` } }] };
      showHtml(feedbackHtml(missing, lang), feedbackText(missing, lang), options.display ?? undefined);
      return;
    }
    study = openStudy({ dataDir: dir, lang: options.lang ?? studyLanguage() });
  }
  const context = teachingContext(study);
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
export { evaluateAnswer, missingVariables, resultOf } from './evaluate';
export { teachingContext } from './context';
export { exerciseHtml, feedbackHtml, hintHtml, solutionHtml, checkMarker, CHECK_MARKER } from './render';
export type { CheckMarker } from './render';
export { studentSeed, studentStudyFiles, writeStudentStudy } from './studentData';
export { readProgress, progressMarkdown, progressHtml } from './progress';
export type { ProgressRow } from './progress';
export type { ExerciseDefinition, Solution, Feedback, FeedbackPart, CheckResult, TeachingContext, Bilingual } from './types';

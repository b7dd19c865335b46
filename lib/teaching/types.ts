/**
 * Exercises as data: what a notebook shows (prompt, hint), what it checks
 * (a function of the student's answer and the student's own study), and,
 * kept apart in solutions/ so that a student edition can leave them out,
 * the worked solution (code, the expected reading, and the reference answer).
 */
import type { Study } from '../notebooks/context';
import type { QualProject } from '../qual/model';

export interface Bilingual {
  nl: string;
  en: string;
}

/** One statement of the feedback: right (ok) or wrong, in words a student learns from. */
export interface FeedbackPart {
  ok: boolean;
  text: Bilingual;
}

/**
 * The verdict on one answer. 'open': no answer given yet (the placeholder
 * `null`); 'invalid': the answer has the wrong form (a string where a number
 * was asked): nothing is recorded as wrong for those.
 */
export type CheckResult = 'right' | 'partly' | 'wrong' | 'open' | 'invalid';

export interface Feedback {
  id: string;
  result: CheckResult;
  parts: FeedbackPart[];
}

/**
 * What a check looks at: the study the student opened (their own data where
 * the exercise allows it) and, for notebook 10, the coded interviews.
 */
export interface TeachingContext {
  study: Study;
  /** The coded interviews (loaded on first use). */
  interviews(): QualProject;
}

export interface ExerciseDefinition {
  /** 'NN-k': notebook NN, k-th exercise. */
  id: string;
  title: Bilingual;
  prompt: Bilingual;
  /** What the answer looks like: "a number", "an item id", "{ rule, reason }". */
  answerForm: Bilingual;
  hint: Bilingual;
  /**
   * The exercise is about data the student makes with a seeded generator call
   * (shown in the prompt): the check cell opens that folder (OWN_DATA_DIR).
   */
  ownData?: boolean;
  /**
   * Group-level variables (construct ids or networks.csv columns) the exercise
   * is written about. A study that lacks one gets the exercise skipped with one
   * line instead of a prompt about variables it does not have.
   */
  requires?: readonly string[];
  /** Comment lines for the answer cell above the placeholder (e.g. the generator call). */
  starter?: string;
  /**
   * Looks at the student's answer and recomputes what it should be from the
   * context (never a stored number). Returns the parts of the feedback; the
   * result (right / partly / wrong) follows from them. Throws AnswerFormError
   * for an answer of the wrong form.
   */
  check(answer: unknown, context: TeachingContext): FeedbackPart[];
}

export interface Solution {
  /** The code that answers it, as it goes in the notebook's answer cell (defines `answer_NN_k`). */
  code: string;
  /** The expected reading of the result. */
  reading: Bilingual;
  /** The reference answer on the context's data (what `code` computes); the tests check it against `check`. */
  solve(context: TeachingContext): unknown;
}

/** The answer has the wrong form (e.g. text where a number was asked). */
export class AnswerFormError extends Error {
  constructor(public readonly text: Bilingual) {
    super(text.en);
    this.name = 'AnswerFormError';
  }
}

/**
 * The HTML an exercise cell shows (pure functions, so tests can read them):
 * prompt, feedback, hint and solution boxes with inline styles and explicit
 * colours, readable in Jupyter and in VS Code (light and dark themes). The
 * feedback box carries the result as a machine-readable marker
 * (`data-dv-check`, JSON) that `npm run progress` reads from the executed
 * notebook.
 */
import { escapeHtml } from '../util/html';
import type { Language } from '../io/instrument';
import type { ExerciseDefinition, Feedback, Solution } from './types';

export const CHECK_MARKER = 'data-dv-check';
export const MARKER_VERSION = 1;

/** What the marker holds. */
export interface CheckMarker {
  v: number;
  id: string;
  result: Feedback['result'];
  /** Parts right / all parts. */
  right: number;
  of: number;
  /** The feedback in the notebook's language (for the progress summary). */
  parts: Array<{ ok: boolean; text: string }>;
}

const BOX = 'border-radius:6px;padding:0.6em 0.9em;margin:0.3em 0;color:#1d232d;font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:14px;line-height:1.45';

/** `code` in text as <code>, *emphasis* (outside code) as <em>. */
function inline(text: string): string {
  return escapeHtml(text)
    .split(/(`[^`]+`)/)
    .map((piece) => (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1 ? `<code style="background:#eef1f5;padding:0 0.25em;border-radius:3px">${piece.slice(1, -1)}</code>` : piece.replace(/\*([^*\s][^*]*?)\*/g, '<em>$1</em>')))
    .join('');
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p style="margin:0.35em 0">${inline(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

const pre = (code: string) => `<pre style="background:#f3f5f8;color:#1d232d;padding:0.5em;border-radius:4px;overflow-x:auto;margin:0.35em 0"><code>${escapeHtml(code)}</code></pre>`;

const WORDS = {
  exercise: { nl: 'Opdracht', en: 'Exercise' },
  answer: { nl: 'Je antwoord', en: 'Your answer' },
  ownData: { nl: 'Met je eigen, per student gegenereerde data.', en: 'On your own data, generated per student.' },
  then: { nl: 'Zet je antwoord in de cel hieronder en voer `check` uit.', en: 'Put your answer in the cell below and run `check`.' },
  hint: { nl: 'Hint', en: 'Hint' },
  solution: { nl: 'Uitwerking', en: 'Solution' },
  reading: { nl: 'De verwachte lezing', en: 'The expected reading' },
  noSolution: {
    nl: 'Deze uitgave is de studentenuitgave: uitwerkingen staan er niet in. Vraag je docent, of gebruik `hint(id)` en de feedback van `check(id, antwoord)`.',
    en: 'This is the student edition: it holds no solutions. Ask your teacher, or use `hint(id)` and the feedback of `check(id, answer)`.',
  },
  result: {
    right: { nl: 'Goed', en: 'Right' },
    partly: { nl: 'Deels goed', en: 'Partly right' },
    wrong: { nl: 'Nog niet goed', en: 'Not right yet' },
    open: { nl: 'Nog niet beantwoord', en: 'Not answered yet' },
    invalid: { nl: 'Antwoord in de verkeerde vorm', en: 'Answer in the wrong form' },
  },
} as const;

const COLOURS: Record<Feedback['result'], { border: string; background: string; mark: string }> = {
  right: { border: '#2f7d4a', background: '#eaf6ee', mark: '✔' },
  partly: { border: '#b7791f', background: '#fdf5e6', mark: '◐' },
  wrong: { border: '#b83232', background: '#fbecec', mark: '✘' },
  open: { border: '#6b7280', background: '#f3f4f6', mark: '…' },
  invalid: { border: '#6b7280', background: '#f3f4f6', mark: '?' },
};

/** The prompt of an exercise. */
export function exerciseHtml(e: ExerciseDefinition, lang: Language): string {
  return (
    `<div style="${BOX};border:1px solid #3b5b92;border-left:5px solid #3b5b92;background:#eef3fb">` +
    `<p style="margin:0 0 0.3em;font-weight:bold">${WORDS.exercise[lang]} ${escapeHtml(e.id)} · ${escapeHtml(e.title[lang])}</p>` +
    paragraphs(e.prompt[lang]) +
    (e.ownData ? `<p style="margin:0.35em 0;font-style:italic">${WORDS.ownData[lang]}</p>` : '') +
    `<p style="margin:0.35em 0"><b>${WORDS.answer[lang]}:</b> ${inline(e.answerForm[lang])}. ${inline(WORDS.then[lang])}</p>` +
    `</div>`
  );
}

/** The marker of a feedback, as JSON. */
export function checkMarker(feedback: Feedback, lang: Language): CheckMarker {
  return {
    v: MARKER_VERSION,
    id: feedback.id,
    result: feedback.result,
    right: feedback.parts.filter((p) => p.ok).length,
    of: feedback.parts.length,
    parts: feedback.parts.map((p) => ({ ok: p.ok, text: p.text[lang] })),
  };
}

/** The feedback box, with the marker. */
export function feedbackHtml(feedback: Feedback, lang: Language): string {
  const c = COLOURS[feedback.result];
  const marker = escapeHtml(JSON.stringify(checkMarker(feedback, lang)));
  const items = feedback.parts
    .map((p) => `<li style="margin:0.2em 0;list-style:none"><span style="color:${p.ok ? '#2f7d4a' : '#b83232'};font-weight:bold">${p.ok ? '✔' : '✘'}</span> ${inline(p.text[lang])}</li>`)
    .join('');
  return (
    `<div ${CHECK_MARKER}="${marker}" style="${BOX};border:1px solid ${c.border};border-left:5px solid ${c.border};background:${c.background}">` +
    `<p style="margin:0 0 0.2em;font-weight:bold">${c.mark} ${escapeHtml(feedback.id)}: ${WORDS.result[feedback.result][lang]}</p>` +
    `<ul style="margin:0.2em 0;padding-left:0.2em">${items}</ul></div>`
  );
}

export function hintHtml(e: ExerciseDefinition, lang: Language): string {
  return `<div style="${BOX};border:1px dashed #7a6a2f;background:#fbf8ea"><b>${WORDS.hint[lang]} ${escapeHtml(e.id)}.</b> ${paragraphs(e.hint[lang])}</div>`;
}

/** The solution box; without a solution (student edition) the box says so. */
export function solutionHtml(e: ExerciseDefinition, solution: Solution | null, lang: Language): string {
  if (!solution) return `<div style="${BOX};border:1px solid #6b7280;background:#f3f4f6"><b>${WORDS.solution[lang]} ${escapeHtml(e.id)}.</b> ${inline(WORDS.noSolution[lang])}</div>`;
  return (
    `<div style="${BOX};border:1px solid #2f7d4a;background:#f2f8f4"><p style="margin:0;font-weight:bold">${WORDS.solution[lang]} ${escapeHtml(e.id)}</p>` +
    pre(solution.code) +
    `<p style="margin:0.35em 0 0;font-weight:bold">${WORDS.reading[lang]}</p>${paragraphs(solution.reading[lang])}</div>`
  );
}

/** The same as plain text (outside a notebook kernel). */
export function feedbackText(feedback: Feedback, lang: Language): string {
  return [`${COLOURS[feedback.result].mark} ${feedback.id}: ${WORDS.result[feedback.result][lang]}`, ...feedback.parts.map((p) => `  ${p.ok ? '✔' : '✘'} ${p.text[lang]}`)].join('\n');
}

export function noSolutionText(lang: Language): string {
  return WORDS.noSolution[lang];
}

/**
 * What a student hands in: the exercises checked in executed notebooks and
 * their last result, read from the feedback markers (`data-dv-check`) that
 * `check` leaves in the cell outputs. Exercises of those notebooks that were
 * never checked are listed as such.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import { escapeHtml } from '../util/html';
import { EXERCISES } from './catalog';
import { CHECK_MARKER, MARKER_VERSION, type CheckMarker } from './render';
import type { Language } from '../io/instrument';

export interface ProgressRow {
  notebook: string;
  id: string;
  title: string;
  /** The last check's result, or 'not checked'. */
  result: CheckMarker['result'] | 'not checked';
  right: number;
  of: number;
  parts: CheckMarker['parts'];
}

const MARKER = new RegExp(`${CHECK_MARKER}="([^"]*)"`, 'g');
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The markers in one executed notebook, in cell order. */
export function notebookMarkers(file: string): CheckMarker[] {
  let nb: { cells?: Array<{ outputs?: Array<{ data?: Record<string, unknown> }> }> };
  try {
    nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserInputError(`${file}: not a notebook (${(e as Error).message}); give executed .ipynb files or a folder holding them.`);
  }
  const out: CheckMarker[] = [];
  for (const cell of nb.cells ?? []) {
    for (const o of cell.outputs ?? []) {
      const html = o.data?.['text/html'];
      const text = Array.isArray(html) ? html.join('') : typeof html === 'string' ? html : '';
      for (const m of text.matchAll(MARKER)) {
        try {
          const marker = JSON.parse(unescape(m[1])) as CheckMarker;
          if (marker.v === MARKER_VERSION && typeof marker.id === 'string') out.push(marker);
        } catch {
          // a damaged marker counts as no check
        }
      }
    }
  }
  return out;
}

/** The .ipynb files of a folder (or the file itself), sorted. */
export function notebookFiles(where: string): string[] {
  if (!fs.existsSync(where)) throw new UserInputError(`${where}: no such file or folder; give the folder with your executed notebooks (e.g. notebooks/).`);
  if (fs.statSync(where).isFile()) return [where];
  return fs
    .readdirSync(where)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => path.join(where, f));
}

/**
 * One row per exercise of the notebooks given (by their number prefix), with
 * the last check found in that notebook.
 */
export function readProgress(files: readonly string[], lang: Language = 'nl'): ProgressRow[] {
  const rows: ProgressRow[] = [];
  for (const file of files) {
    const nb = path.basename(file).slice(0, 2);
    const last = new Map<string, CheckMarker>();
    for (const m of notebookMarkers(file)) last.set(m.id, m);
    const exercises = EXERCISES.filter((e) => e.id.startsWith(`${nb}-`));
    for (const e of exercises) {
      const m = last.get(e.id);
      rows.push({ notebook: path.basename(file), id: e.id, title: e.title[lang], result: m ? m.result : 'not checked', right: m?.right ?? 0, of: m?.of ?? 0, parts: m?.parts ?? [] });
    }
    // checks of exercises that belong to another notebook (a student copied a cell)
    for (const [id, m] of last) if (!exercises.some((e) => e.id === id)) rows.push({ notebook: path.basename(file), id, title: EXERCISES.find((e) => e.id === id)?.title[lang] ?? id, result: m.result, right: m.right, of: m.of, parts: m.parts });
  }
  return rows;
}

const LABEL: Record<ProgressRow['result'], string> = { right: 'right', partly: 'partly right', wrong: 'not right yet', open: 'not answered', invalid: 'wrong form', 'not checked': 'not checked' };

function counts(rows: readonly ProgressRow[]) {
  return { right: rows.filter((r) => r.result === 'right').length, checked: rows.filter((r) => r.result !== 'not checked' && r.result !== 'open').length, all: rows.length };
}

/** The summary as Markdown. */
export function progressMarkdown(rows: readonly ProgressRow[], options: { student?: string; generated?: string } = {}): string {
  const c = counts(rows);
  const lines = [
    `# Progress${options.student ? `: ${options.student}` : ''}`,
    '',
    `${c.right} of ${c.all} exercises right; ${c.checked} checked.${options.generated ? ` ${options.generated}` : ''}`,
    '',
    '| notebook | exercise | title | result | parts right | feedback on what is not right |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const missing = r.parts.filter((p) => !p.ok).map((p) => p.text.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' ');
      return `| ${r.notebook} | ${r.id} | ${r.title.replace(/\|/g, '\\|')} | ${LABEL[r.result]} | ${r.of > 0 ? `${r.right}/${r.of}` : '–'} | ${missing || '–'} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

/** The summary as one small self-contained HTML page. */
export function progressHtml(rows: readonly ProgressRow[], options: { student?: string; generated?: string } = {}): string {
  const c = counts(rows);
  const colour: Record<ProgressRow['result'], string> = { right: '#2f7d4a', partly: '#b7791f', wrong: '#b83232', open: '#6b7280', invalid: '#6b7280', 'not checked': '#6b7280' };
  const body = rows
    .map((r) => {
      const missing = r.parts.filter((p) => !p.ok).map((p) => escapeHtml(p.text)).join('<br>');
      return `<tr><td>${escapeHtml(r.notebook)}</td><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.title)}</td><td style="color:${colour[r.result]};font-weight:bold">${LABEL[r.result]}</td><td>${r.of > 0 ? `${r.right}/${r.of}` : '–'}</td><td>${missing || '–'}</td></tr>`;
    })
    .join('\n');
  const title = `Progress${options.student ? `: ${escapeHtml(options.student)}` : ''}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#1d232d}table{border-collapse:collapse}td,th{border:1px solid #c9ced6;padding:0.3em 0.6em;text-align:left;vertical-align:top}th{background:#eef1f5}</style></head>
<body><h1>${title}</h1><p>${c.right} of ${c.all} exercises right; ${c.checked} checked.${options.generated ? ` ${escapeHtml(options.generated)}` : ''}</p>
<table><thead><tr><th>notebook</th><th>exercise</th><th>title</th><th>result</th><th>parts right</th><th>feedback on what is not right</th></tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}

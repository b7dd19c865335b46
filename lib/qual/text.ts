/**
 * Character positions in interview texts. Positions count Unicode code points
 * (characters as a reader counts them), as the REFI-QDA standard does, not the
 * UTF-16 units of a JavaScript string: "é" is one character either way, but an
 * emoji is one code point and two UTF-16 units. For text without characters
 * outside the Basic Multilingual Plane (all Dutch text) both counts agree and
 * the conversions below are the identity.
 */

/** Converts between code-point positions and UTF-16 indices of one text. */
export interface TextIndex {
  /** Length in code points. */
  length: number;
  /** UTF-16 index of a code-point position (0..length). */
  toUnit(codePoint: number): number;
  /** Code-point position of a UTF-16 index (0..text.length). */
  toCodePoint(unit: number): number;
}

/** Builds the index of a text (identity when the text has no surrogate pairs). */
export function textIndex(text: string): TextIndex {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return { length: text.length, toUnit: (c) => c, toCodePoint: (u) => u };
  }
  const units: number[] = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return {
    length: units.length - 1,
    toUnit: (c) => units[c],
    toCodePoint: (unit) => {
      let lo = 0;
      let hi = units.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (units[mid] < unit) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Length of a text in code points. */
export function codePointLength(text: string): number {
  return textIndex(text).length;
}

/** The text between two code-point positions (end exclusive). */
export function sliceCodePoints(text: string, start: number, end: number, index: TextIndex = textIndex(text)): string {
  return text.slice(index.toUnit(start), index.toUnit(end));
}

/** A paragraph of a text: one line, with its 1-based number and code-point span (line break excluded). */
export interface Paragraph {
  number: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Splits a text into paragraphs the way MAXQDA numbers them: every line is a
 * paragraph (\n, \r\n or \r ends it), numbered from 1; empty lines count too.
 */
export function paragraphs(text: string): Paragraph[] {
  const index = textIndex(text);
  const out: Paragraph[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  let m: RegExpExecArray | null;
  let number = 1;
  while ((m = re.exec(text)) !== null) {
    out.push({ number: number++, start: index.toCodePoint(from), end: index.toCodePoint(m.index), text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  if (from < text.length || out.length === 0) out.push({ number, start: index.toCodePoint(from), end: index.toCodePoint(text.length), text: text.slice(from) });
  return out;
}

/** Whitespace runs as one space, trimmed: for comparing texts that a spreadsheet may have re-wrapped. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Numbers as the reader's language writes them, for everything a person
 * reads (figures, the report's tables and text, the findings, the console):
 * Dutch with a decimal comma and a point between thousands (4,59; ,87;
 * 10.000), English with a decimal point and a comma between thousands (4.59;
 * .87; 10,000). Without the runtime's locale data (Intl), so the output is
 * the same on every machine. Machine-readable exports (CSV, JSON, .sav) never
 * go through here: they keep JavaScript's own decimal point.
 */

/** The languages of the output ('nl' or 'en', as lib/io/instrument's Language). */
export type NumberLanguage = 'nl' | 'en';

export interface FormatDecimalOptions {
  /**
   * Write the zero before the separator of a number below 1 (default true).
   * false gives the APA style for values that cannot exceed 1 (r, p): .87, ,87.
   */
  leadingZero?: boolean;
}

/**
 * `x.toFixed(digits)` with the language's decimal separator.
 *
 * @example
 *   formatDecimal(4.5871, 2, 'nl');                        // "4,59"
 *   formatDecimal(4.5871, 2, 'en');                        // "4.59"
 *   formatDecimal(0.8712, 2, 'nl', { leadingZero: false }); // ",87"
 *   formatDecimal(-0.2071, 2, 'en', { leadingZero: false }); // "-.21"
 */
export function formatDecimal(x: number, digits: number, lang: NumberLanguage, options: FormatDecimalOptions = {}): string {
  let s = x.toFixed(digits);
  if (options.leadingZero === false) s = s.replace(/^(-?)0(?=\.)/, '$1');
  return lang === 'nl' ? s.replace('.', ',') : s;
}

/**
 * A whole number with the language's thousands separator: 10.000 in Dutch,
 * 10,000 in English (numbers below 10,000 too: 2.000, 2,000).
 */
export function formatWhole(n: number, lang: NumberLanguage): string {
  return groupThousands(n, lang === 'nl' ? '.' : ',');
}

/** The digits of a whole number in groups of three, joined by `sep` (2.000, 2,000). */
export function groupThousands(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

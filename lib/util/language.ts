/**
 * The project's two languages (Dutch, the default as in the report, and
 * English) and the one check of a language option. In util so that both the
 * readers (lib/io) and the command-line options (lib/util/cliOptions) use it
 * without an import back up the floors; lib/io/instrument re-exports it.
 */
import { UserInputError } from './errors';

/** A text in both languages of the project. */
export interface Bilingual {
  nl: string;
  en: string;
}

export type Language = keyof Bilingual;

/** The languages of every label: Dutch (the default, as in the report) and English. */
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Is `value` one of the LANGUAGES? (The one check; each caller says what was expected where.) */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * `value` as a Language, or a UserInputError that names the option (or
 * variable) and the value found: `--lang: expected "nl" or "en", found "de"`.
 *
 * @example
 *   checkLanguage(options.lang ?? 'nl', 'evaluateFindings: option lang');
 */
export function checkLanguage(value: unknown, option: string): Language {
  if (isLanguage(value)) return value;
  throw new UserInputError(`${option}: expected ${LANGUAGES.map((l) => `"${l}"`).join(' or ')}, found ${JSON.stringify(value)}`);
}

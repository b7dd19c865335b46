/**
 * Why a figure of the report cannot be drawn (or is drawn without some of
 * what the study asks for), in Dutch and English: the `reason` of
 * reportFigures' `skipped` list, which the report (`fig13-years ontbreekt:
 * ...`), `npm run figures` and `npm run reproduce` print in the run's
 * language. Variable and file names (`years`, `networks.csv`, construct ids)
 * stay as they are written in the data, so that a reader can find them.
 *
 * @example
 *   skipReasons('nl').noNetworksCsv; // 'de datamap heeft geen networks.csv, waarin de jaren staan'
 *   skipReasons('en').codebookLacks(['trust']); // 'the codebook has no "trust"'
 */
import type { Language } from '../io/instrument';

export interface SkipReasons {
  /** A construct (or several) the study names is not in the codebook. */
  codebookLacks: (ids: readonly string[]) => string;
  /** networks.csv is there but gives no years. */
  noYearsColumn: string;
  /** No networks.csv at all, so no years. */
  noNetworksCsv: string;
  /** A group-level variable (members, years) that the data do not give. */
  notInData: (variable: string) => string;
  /** None of the study's portrait characteristics is in the codebook. */
  noPortrait: (why: string) => string;
  /** Drawn, but without these variables (`list` already joined), because `why`. */
  drawnWithout: (list: string, why: string) => string;
  /** Drawn without these variables, each with its own reason (`variable (why)`). */
  drawnWithoutEach: (gone: ReadonlyArray<{ v: string; why: string }>) => string;
  noMotivation: string;
  noBoundaries: string;
  noOverlap: string;
  /** A pattern figure whose ordering variable is absent. */
  orderedBy: (variable: string, why: string) => string;
  /** A pattern figure with fewer than two of its variables (each with its reason). */
  fewerThanTwo: (gone: ReadonlyArray<{ v: string; why: string }>) => string;
}

const quoted = (ids: readonly string[]) => ids.map((i) => `"${i}"`).join(', ');

const REASONS: Record<Language, SkipReasons> = {
  nl: {
    codebookLacks: (ids) => `het codeboek heeft geen ${quoted(ids)}`,
    noYearsColumn: 'networks.csv heeft geen kolom "years"',
    noNetworksCsv: 'de datamap heeft geen networks.csv, waarin de jaren staan',
    notInData: (v) => `de data hebben geen "${v}"`,
    noPortrait: (why) => `geen van de portretkenmerken van het onderzoek staat in het codeboek (${why})`,
    drawnWithout: (list, why) => `getekend zonder ${list} (${why})`,
    drawnWithoutEach: (gone) => `getekend zonder ${gone.map((g) => `${g.v} (${g.why})`).join(', ')}`,
    noMotivation: 'het onderzoek noemt geen set motivatie-items',
    noBoundaries: 'het onderzoek noemt geen dimensies van begrenzing',
    noOverlap: 'het onderzoek noemt geen figuur over overlap',
    orderedBy: (v, why) => `de figuur is geordend op "${v}": ${why}`,
    fewerThanTwo: (gone) => `minder dan twee van de variabelen van de figuur staan in de data (${gone.map((g) => `${g.v}: ${g.why}`).join('; ')})`,
  },
  en: {
    codebookLacks: (ids) => `the codebook has no ${quoted(ids)}`,
    noYearsColumn: 'no "years" column in networks.csv',
    noNetworksCsv: 'no networks.csv in the data folder, which gives the years',
    notInData: (v) => `no "${v}" in the data`,
    noPortrait: (why) => `no portrait characteristic of the study is in the codebook (${why})`,
    drawnWithout: (list, why) => `drawn without ${list} (${why})`,
    drawnWithoutEach: (gone) => `drawn without ${gone.map((g) => `${g.v} (${g.why})`).join(', ')}`,
    noMotivation: 'the study defines no motivation item set',
    noBoundaries: 'the study defines no boundary dimensions',
    noOverlap: 'the study defines no overlap figure',
    orderedBy: (v, why) => `the figure is ordered by "${v}": ${why}`,
    fewerThanTwo: (gone) => `fewer than two of its variables are in the data (${gone.map((g) => `${g.v}: ${g.why}`).join('; ')})`,
  },
};

/** The skip reasons in this language ('nl' or 'en'; checked by the caller, e.g. checkLang). */
export function skipReasons(lang: Language): SkipReasons {
  return REASONS[lang];
}

/**
 * One line for a skipped figure, as the report says it: missing when it was
 * not drawn, incomplete when it was drawn without something (`drawn`).
 *
 * @example
 *   skippedLine('nl', { name: 'fig13-years', reason: skipReasons('nl').noNetworksCsv }, false);
 *   // 'fig13-years ontbreekt: de datamap heeft geen networks.csv, waarin de jaren staan.'
 */
export function skippedLine(lang: Language, skipped: { name: string; reason: string }, drawn: boolean): string {
  const { name, reason } = skipped;
  if (lang === 'nl') return drawn ? `${name} is onvolledig: ${reason}.` : `${name} ontbreekt: ${reason}.`;
  return drawn ? `${name} is incomplete: ${reason}.` : `${name} is missing: ${reason}.`;
}

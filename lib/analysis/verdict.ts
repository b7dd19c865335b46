/**
 * The verdict on one pattern claim, by the fixed rules of evaluateFindings
 * (said in words by VERDICT_WORDS below, which FINDING_RULES and findingRules
 * print; tests/analysis/verdict.test.ts checks each row of VERDICT_WORDS
 * against verdict()). Pure: the statistics in, the verdict and the rule that
 * gave it out.
 *
 * A claim with a direction (+1 or -1):
 * - 'zero'         does not hold: the coefficient is 0;
 * - 'opposite'     does not hold: it has the opposite sign;
 * - 'holds'        holds: expected sign, one-sided p < .05 and stable in at
 *                  least N - 1 of the N leave-one-out subsets;
 * - 'weakP'        weak: expected sign, one-sided p >= .05;
 * - 'weakStable'   weak: expected sign and p < .05, stable in fewer subsets.
 * A claim of no relation (0):
 * - 'relation'     does not hold: two-sided p < .05 or the CI excludes 0;
 * - 'none'         holds: |r| < .30 and |r| < .30 in at least N - 1 subsets;
 * - 'noneLarge'    weak: no significant relation, but |r| >= .30;
 * - 'noneUnstable' weak: |r| < .30, but not in N - 1 subsets.
 *
 * @example
 *   verdict({ direction: 1, stat: 0.7, pOneSided: 0.01, pTwoSided: 0.02, ci: null, stable: 10, n: 10 });
 *   // => { verdict: 'holds', rule: 'holds' }
 */
import type { Language } from '../io/instrument';
import { formatDecimal } from '../util/formatNumber';
import type { FindingDirection } from './findings';

export type FindingVerdict = 'holds' | 'weak' | 'does not hold' | 'not evaluated';
export type VerdictRule = 'zero' | 'opposite' | 'holds' | 'weakP' | 'weakStable' | 'relation' | 'none' | 'noneLarge' | 'noneUnstable';

/** A "no relation" claim needs |r| below this (and the stability count uses it). */
export const NO_RELATION_BELOW = 0.3;
/** Significance level of the verdict rules. */
export const FINDING_ALPHA = 0.05;

export interface VerdictInput {
  direction: FindingDirection;
  /** The coefficient (Pearson r or Spearman rho) on the N network means. */
  stat: number;
  /** One-sided p in the expected direction (claims with a direction). */
  pOneSided: number | null;
  pTwoSided: number;
  /** Bootstrap interval of the coefficient, or null when there is none. */
  ci: { lower: number; upper: number } | null;
  /** Leave-one-out subsets that keep the claim, out of n. */
  stable: number;
  n: number;
}

export function verdict(x: VerdictInput): { verdict: FindingVerdict; rule: VerdictRule } {
  const minStable = x.n - 1;
  if (x.direction !== 0) {
    const pOne = x.pOneSided as number;
    if (x.stat === 0) return { verdict: 'does not hold', rule: 'zero' };
    if (Math.sign(x.stat) !== x.direction) return { verdict: 'does not hold', rule: 'opposite' };
    if (pOne < FINDING_ALPHA && x.stable >= minStable) return { verdict: 'holds', rule: 'holds' };
    return { verdict: 'weak', rule: pOne >= FINDING_ALPHA ? 'weakP' : 'weakStable' };
  }
  const ciExcludes0 = x.ci !== null && (x.ci.lower > 0 || x.ci.upper < 0);
  if (x.pTwoSided < FINDING_ALPHA || ciExcludes0) return { verdict: 'does not hold', rule: 'relation' };
  if (Math.abs(x.stat) < NO_RELATION_BELOW && x.stable >= minStable) return { verdict: 'holds', rule: 'none' };
  return { verdict: 'weak', rule: Math.abs(x.stat) >= NO_RELATION_BELOW ? 'noneLarge' : 'noneUnstable' };
}

/** The two thresholds as the language writes them: ".05" and ".30" (Dutch ",05", ",30"). */
const alphaIn = (lang: Language) => formatDecimal(FINDING_ALPHA, 2, lang, { leadingZero: false });
const belowIn = (lang: Language) => formatDecimal(NO_RELATION_BELOW, 2, lang, { leadingZero: false });

export interface VerdictWords {
  /** The kind of claim: with a direction (+1 or -1) or of no relation (0). */
  claim: 'direction' | 'none';
  verdict: Exclude<FindingVerdict, 'not evaluated'>;
  /** The rules of verdict() that give this verdict to this kind of claim. */
  rules: readonly VerdictRule[];
  /** The condition in words. */
  words: Record<Language, string>;
}

/**
 * The rules of verdict() in words, one row per verdict of a kind of claim, in
 * the order FINDING_RULES prints them. The thresholds come from FINDING_ALPHA
 * and NO_RELATION_BELOW; "N - 1 of N" is verdict()'s `n - 1`.
 */
export const VERDICT_WORDS: readonly VerdictWords[] = [
  {
    claim: 'direction',
    verdict: 'holds',
    rules: ['holds'],
    words: {
      en: `expected sign, one-sided p < ${alphaIn('en')} and stable in at least N - 1 of N subsets`,
      nl: `verwacht teken, eenzijdige p < ${alphaIn('nl')} en stabiel in minstens N - 1 van N deelverzamelingen`,
    },
  },
  { claim: 'direction', verdict: 'weak', rules: ['weakP', 'weakStable'], words: { en: 'expected sign, but not all of that', nl: 'verwacht teken, maar niet aan alles voldaan' } },
  { claim: 'direction', verdict: 'does not hold', rules: ['zero', 'opposite'], words: { en: 'r is 0 or has the opposite sign', nl: 'r is 0 of heeft het omgekeerde teken' } },
  {
    claim: 'none',
    verdict: 'does not hold',
    rules: ['relation'],
    words: { en: `two-sided p < ${alphaIn('en')} or the CI excludes 0`, nl: `tweezijdige p < ${alphaIn('nl')} of het BI bevat 0 niet` },
  },
  {
    claim: 'none',
    verdict: 'holds',
    rules: ['none'],
    words: {
      en: `|r| < ${belowIn('en')}, the CI includes 0 and |r| < ${belowIn('en')} in at least N - 1 of N subsets`,
      nl: `|r| < ${belowIn('nl')}, het BI bevat 0 en |r| < ${belowIn('nl')} in minstens N - 1 van N deelverzamelingen`,
    },
  },
  { claim: 'none', verdict: 'weak', rules: ['noneLarge', 'noneUnstable'], words: { en: 'otherwise', nl: 'anders' } },
];

/** The two kinds of claim in words, as the rule sentences start. */
export const CLAIM_KIND_WORDS: Record<VerdictWords['claim'], Record<Language, string>> = {
  direction: { en: 'Claim with a direction (+ or -)', nl: 'Bewering met een richting (+ of -)' },
  none: { en: 'Claim of no relation (0)', nl: 'Bewering van geen samenhang (0)' },
};

/** The verdicts in words. */
export const VERDICT_LABELS: Record<Language, Record<FindingVerdict, string>> = {
  nl: { holds: 'houdt stand', weak: 'zwak', 'does not hold': 'houdt geen stand', 'not evaluated': 'niet getoetst' },
  en: { holds: 'holds', weak: 'weak', 'does not hold': 'does not hold', 'not evaluated': 'not evaluated' },
};

/**
 * The verdict rule of one kind of claim as a sentence: "Claim with a direction
 * (+ or -): holds = ...; weak = ...; does not hold = ...".
 */
export function verdictSentence(claim: VerdictWords['claim'], lang: Language): string {
  const rows = VERDICT_WORDS.filter((w) => w.claim === claim);
  return `${CLAIM_KIND_WORDS[claim][lang]}: ${rows.map((w) => `${VERDICT_LABELS[lang][w.verdict]} = ${w.words[lang]}`).join('; ')}.`;
}

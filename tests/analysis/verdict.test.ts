import { describe, expect, it } from 'vitest';
import { FINDING_ALPHA, NO_RELATION_BELOW, verdict, VERDICT_WORDS, verdictSentence, type VerdictInput, type VerdictRule } from '../../lib/analysis/verdict';
import { FINDING_RULES, findingRules } from '../../lib/analysis/evaluateFindings';

const base: VerdictInput = { direction: 1, stat: 0.7, pOneSided: 0.01, pTwoSided: 0.02, ci: { lower: 0.2, upper: 0.9 }, stable: 10, n: 10 };

// One row per rule of verdict.ts, each at the edge that decides it; the rules in words (VERDICT_WORDS, printed by FINDING_RULES) are checked against the same rows.
const rows: Array<[string, Partial<VerdictInput>, string, string]> = [
  ['direction: r = 0', { stat: 0 }, 'does not hold', 'zero'],
  ['direction: opposite sign', { stat: -0.4 }, 'does not hold', 'opposite'],
  ['direction: sign, p < .05, stable in N - 1 of N', { stable: 9 }, 'holds', 'holds'],
  ['direction: sign, one-sided p = .05 exactly', { pOneSided: 0.05 }, 'weak', 'weakP'],
  ['direction: sign, p < .05, stable in N - 2', { stable: 8 }, 'weak', 'weakStable'],
  ['direction -1: negative r holds', { direction: -1, stat: -0.7 }, 'holds', 'holds'],
  ['no relation: two-sided p < .05', { direction: 0, stat: 0.1, pTwoSided: 0.049, ci: { lower: -0.3, upper: 0.5 } }, 'does not hold', 'relation'],
  ['no relation: CI excludes 0', { direction: 0, stat: 0.1, pTwoSided: 0.3, ci: { lower: 0.01, upper: 0.5 } }, 'does not hold', 'relation'],
  ['no relation: |r| < .30, CI holds 0, stable in N - 1', { direction: 0, stat: -0.29, pTwoSided: 0.4, ci: { lower: -0.6, upper: 0.2 }, stable: 9 }, 'holds', 'none'],
  ['no relation: |r| = .30 exactly', { direction: 0, stat: 0.3, pTwoSided: 0.4, ci: { lower: -0.3, upper: 0.7 } }, 'weak', 'noneLarge'],
  ['no relation: |r| < .30 but stable in N - 2', { direction: 0, stat: 0.1, pTwoSided: 0.7, ci: null, stable: 8 }, 'weak', 'noneUnstable'],
];

describe('verdict: one row per rule', () => {
  it.each(rows)('%s', (_name, change, expected, rule) => {
    expect(verdict({ ...base, ...change })).toEqual({ verdict: expected, rule });
  });
});

describe('the rules in words (VERDICT_WORDS) against verdict(), row by row', () => {
  it('names every rule of verdict() exactly once', () => {
    const named = VERDICT_WORDS.flatMap((w) => w.rules);
    expect([...named].sort()).toEqual([...new Set(rows.map((r) => r[3]))].sort());
    expect(new Set(named).size).toBe(named.length);
  });

  it.each(rows)('%s: the words give the verdict verdict() gives', (_name, change, expected, rule) => {
    const input = { ...base, ...change };
    const words = VERDICT_WORDS.filter((w) => w.rules.includes(rule as VerdictRule));
    expect(words).toHaveLength(1);
    expect(words[0].verdict).toBe(expected);
    expect(words[0].claim).toBe(input.direction === 0 ? 'none' : 'direction');
  });

  it('prints the thresholds verdict() uses, in each language', () => {
    expect(FINDING_ALPHA).toBe(0.05);
    expect(NO_RELATION_BELOW).toBe(0.3);
    expect(verdictSentence('direction', 'en')).toBe(
      'Claim with a direction (+ or -): holds = expected sign, one-sided p < .05 and stable in at least N - 1 of N subsets; weak = expected sign, but not all of that; does not hold = r is 0 or has the opposite sign.',
    );
    expect(verdictSentence('none', 'en')).toBe(
      'Claim of no relation (0): does not hold = two-sided p < .05 or the CI excludes 0; holds = |r| < .30, the CI includes 0 and |r| < .30 in at least N - 1 of N subsets; weak = otherwise.',
    );
    expect(verdictSentence('none', 'nl')).toBe(
      'Bewering van geen samenhang (0): houdt geen stand = tweezijdige p < ,05 of het BI bevat 0 niet; houdt stand = |r| < ,30, het BI bevat 0 en |r| < ,30 in minstens N - 1 van N deelverzamelingen; zwak = anders.',
    );
    expect(verdictSentence('direction', 'nl')).toMatch(/^Bewering met een richting \(\+ of -\): houdt stand = verwacht teken, eenzijdige p < ,05 en stabiel in minstens N - 1 van N deelverzamelingen; zwak = .*; houdt geen stand = /);
  });

  it('FINDING_RULES prints these sentences, not a copy of its own', () => {
    for (const lang of ['en', 'nl'] as const) {
      expect(FINDING_RULES[lang]).toContain(verdictSentence('direction', lang));
      expect(FINDING_RULES[lang]).toContain(verdictSentence('none', lang));
      expect(findingRules(1, lang)).toContain(verdictSentence('none', lang)); // N = 1: no "(here N - 1 of N)" worked out
    }
  });
});

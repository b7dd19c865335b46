import { checkRatings, type Rating, ratingKey } from './ratings';

export interface PercentAgreementResult {
  /** Mean over units of the share of agreeing coder pairs (0-1); null when no unit has two ratings. */
  agreement: number | null;
  /** Units with at least two ratings. */
  units: number;
  /** Agreement per unit (null for units with fewer than two ratings). */
  perUnit: Array<number | null>;
}

/**
 * Percent agreement: the share of coder pairs that gave a unit the same value,
 * averaged over the units with at least two ratings.
 *
 *   p_u = sum over categories k of m_uk (m_uk - 1) / (m_u (m_u - 1)),
 *   P = mean of p_u,
 * where m_u is the number of ratings of unit u and m_uk the number in category k
 * (Fleiss' P-bar, 1971). For two coders it is the share of units both coders
 * rated alike: (a + d) / n in a 2 x 2 table.
 *
 * Reference: Fleiss, J. L. (1971). Measuring nominal scale agreement among many
 * raters. Psychological Bulletin, 76, 378-382.
 * Validated: tests/stats/agreement/intercoder.test.ts (hand-counted tables; Krippendorff 2011 data).
 *
 * @example
 *   percentAgreement([[1, 0, 1, 1], [1, 1, 1, 0]]).agreement; // 0.5
 */
export function percentAgreement(ratings: ReadonlyArray<readonly Rating[]>): PercentAgreementResult {
  const { coders, units } = checkRatings(ratings, 'percentAgreement');
  const perUnit: Array<number | null> = [];
  let sum = 0;
  let used = 0;
  for (let u = 0; u < units; u++) {
    const counts = new Map<string, number>();
    let m = 0;
    for (let c = 0; c < coders; c++) {
      const v = ratings[c][u];
      if (v === null || v === undefined) continue;
      counts.set(ratingKey(v), (counts.get(ratingKey(v)) ?? 0) + 1);
      m++;
    }
    if (m < 2) {
      perUnit.push(null);
      continue;
    }
    let agree = 0;
    for (const k of counts.values()) agree += k * (k - 1);
    const p = agree / (m * (m - 1));
    perUnit.push(p);
    sum += p;
    used++;
  }
  return { agreement: used > 0 ? sum / used : null, units: used, perUnit };
}

/**
 * Flat rows of an agreement result for a table in a notebook (console.table)
 * or a spreadsheet: one row per code and a last row "(overall)", numbers
 * rounded to three decimals (the results themselves are not rounded). For a
 * segment result, one block per coder pair; segments_first/second are the
 * segments of the first and second coder named in `coders`.
 */
import type { PresenceAgreementResult } from './presenceAgreement';
import type { SegmentAgreementResult } from './segmentAgreement';

const r3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1000) / 1000);
const ci = (lo: number | null | undefined, hi: number | null | undefined) => (lo === null || lo === undefined || hi === null || hi === undefined ? '' : `[${r3(lo)}, ${r3(hi)}]`);

export type AgreementRow = Record<string, string | number | null>;

/**
 * @example
 *   console.table(agreementRows(presenceAgreement(project, { unit: 'paragraph' })));
 */
export function agreementRows(result: PresenceAgreementResult | SegmentAgreementResult): AgreementRow[] {
  if ('pairs' in result) {
    const rows: AgreementRow[] = [];
    for (const p of result.pairs) {
      for (const c of p.perCode) {
        rows.push({ coders: p.coders.join('-'), code: c.path, segments_first: c.segments[0], segments_second: c.segments[1], agreeing: c.agreeing[0] + c.agreeing[1], percent: r3(c.percent) });
      }
      const o = p.overall;
      rows.push({ coders: p.coders.join('-'), code: '(overall)', segments_first: o.segments[0], segments_second: o.segments[1], agreeing: o.agreeing[0] + o.agreeing[1], percent: r3(o.percent), kappa_BP: r3(o.brennanPrediger.kappa), ci_BP: ci(o.brennanPrediger.lower, o.brennanPrediger.upper) });
    }
    return rows;
  }
  const row = (code: string, c: PresenceAgreementResult['overall']): AgreementRow => ({
    code,
    n: c.n,
    ...(c.table ? { both: c.table.both, first: c.table.first, second: c.table.second, neither: c.table.neither } : {}),
    percent: r3(c.percent),
    kappa_Cohen: r3(c.cohen?.kappa),
    ci_Cohen: ci(c.cohen?.lower, c.cohen?.upper),
    kappa_BP: r3(c.brennanPrediger.kappa),
    alpha: r3(c.alpha.alpha),
    ci_alpha: ci(c.alpha.ci?.lower, c.alpha.ci?.upper),
  });
  return [...result.perCode.map((c) => row(c.path, c)), row('(overall)', result.overall)];
}

/**
 * The tables of notebook 01 (the study and its data): the codebook's
 * constructs, response per network (Figure 18), missing answers per
 * construct, and the calibration checks of the default data.
 */
import type { Instrument, Language } from '../io/instrument';
import type { NetworkTableRow } from '../analysis/networkTable';
import { checkCalibration, type CalibrationCheck } from '../analysis/checkCalibration';
import type { NetworkSummaryRow } from '../analysis/networkSummary';
import type { MotivationRow } from '../analysis/motivationSummary';
import { PORTRAIT_TARGETS } from '../data/calibration';
import { UserInputError } from '../util/errors';
import type { Study } from './context';

/** One row per construct of the codebook: names, kind, group, items (final / pool), report section. */
export function instrumentTable(instrument: Instrument, lang: Language = 'nl') {
  const other: Language = lang === 'nl' ? 'en' : 'nl';
  return instrument.constructs.map((c) => ({
    id: c.id,
    [lang]: c[lang],
    [other]: c[other],
    kind: c.kind,
    group: c.group,
    final_items: c.items.filter((i) => i.final).length,
    pool_items: c.items.length,
    section: c.reportSection,
  }));
}

/** Response per network: members approached, responded, complete, rate, and the Figure 18 letter. */
export function responseTable(rows: readonly NetworkTableRow[]) {
  const total = rows.reduce((a, r) => ({ approached: a.approached + r.approached, responded: a.responded + r.responded, complete: a.complete + r.complete }), { approached: 0, responded: 0, complete: 0 });
  return [
    ...rows.map((r) => ({ network: r.network, letter: r.letter, approached: r.approached, responded: r.responded, complete: r.complete, 'response %': r.responseRate === null ? null : Math.round(r.responseRate), 'complete %': r.approached > 0 ? Math.round((100 * r.complete) / r.approached) : null })),
    { network: 'total', letter: null, approached: total.approached, responded: total.responded, complete: total.complete, 'response %': total.approached > 0 ? Math.round((100 * total.responded) / total.approached) : null, 'complete %': total.approached > 0 ? Math.round((100 * total.complete) / total.approached) : null },
  ];
}

/**
 * Missing answers per construct among the respondents who answered at least
 * one item (an empty cell or "weet niet"), and how many respondents have a
 * score (every item answered).
 */
export function missingTable(study: Pick<Study, 'survey' | 'instrument' | 'lang'>) {
  const responded = study.survey.filter((r) => r.response_status === undefined || r.response_status === null || r.response_status === 'complete' || r.response_status === 'partial');
  return study.instrument.constructs.map((c) => {
    const items = c.items.filter((i) => i.final);
    let cells = 0;
    let missing = 0;
    let full = 0;
    let reached = 0;
    for (const r of responded) {
      const answered = items.filter((i) => typeof r[i.id] === 'number').length;
      if (answered === 0 && r.response_status === 'partial') continue; // broke off before this construct
      reached++;
      cells += items.length;
      missing += items.length - answered;
      if (answered === items.length) full++;
    }
    return { construct: c[study.lang], items: items.length, respondents: reached, 'missing answers': missing, 'missing %': cells > 0 ? (100 * missing) / cells : null, 'all items answered': full };
  });
}

/** The calibration checks of the default data (PROVENANCE.md, section 5), or null for other data. */
export function calibrationChecks(study: Pick<Study, 'isDefault' | 'instrument' | 'survey' | 'networks' | 'pilot'>): CalibrationCheck[] | null {
  if (!study.isDefault || !study.networks) return null;
  return checkCalibration({ instrument: study.instrument, survey: study.survey, networks: study.networks, pilot: study.pilot ?? undefined });
}

/** Calibration checks summarised per group of the id (totals, response, portrait, ...). */
export function calibrationSummary(checks: readonly CalibrationCheck[]) {
  const groups = new Map<string, { checks: number; pass: number; failed: string[] }>();
  for (const c of checks) {
    const g = c.id.split('.')[0];
    const a = groups.get(g) ?? { checks: 0, pass: 0, failed: [] };
    a.checks++;
    if (c.pass) a.pass++;
    else a.failed.push(c.id);
    groups.set(g, a);
  }
  return [...groups.entries()].map(([group, a]) => ({ group, checks: a.checks, pass: a.pass, failed: a.failed.join(', ') || '–' }));
}

/** networkSummary (network x construct means with the report's band) as flat rows. */
export function summaryRows(summary: readonly NetworkSummaryRow[], instrument: Instrument, lang: Language = 'nl') {
  return summary.flatMap((s) =>
    s.scores.map((x) => ({ network: s.network, construct: instrument.constructs.find((c) => c.id === x.construct)?.[lang] ?? x.construct, n: x.n, mean: x.mean, se: x.se, 'band low': x.lower, 'band high': x.upper, 'band width': x.lower === null || x.upper === null ? null : x.upper - x.lower })),
  );
}

/**
 * One network's portrait as a table: per characteristic the mean and band,
 * and, for the report's ten networks, the words the report's portrait uses
 * ("3–4"), the interval the calibration checks (the words as numbers, or the
 * interval a conflict in the report led to, PROVENANCE.md section 7) and
 * whether the mean lies in it.
 */
export function portraitTable(summary: readonly NetworkSummaryRow[], instrument: Instrument, network: string, lang: Language = 'nl') {
  const s = summary.find((x) => x.network === network);
  if (!s) throw new UserInputError(`No network "${network}" in the summary; networks: ${summary.map((x) => x.network).join(', ')}.`);
  return s.scores.map((x) => {
    const t = PORTRAIT_TARGETS.find((p) => p.network === network && p.construct === x.construct);
    return {
      characteristic: instrument.constructs.find((c) => c.id === x.construct)?.[lang] ?? x.construct,
      n: x.n,
      mean: x.mean,
      'band low': x.lower,
      'band high': x.upper,
      report: t ? t.reportBand : '–',
      'checked against': t ? `${t.band[0]}-${t.band[1]}${t.conflict ? ` (conflict ${t.conflict})` : ''}` : '–',
      'in band': t && x.mean !== null ? x.mean >= t.band[0] && x.mean <= t.band[1] : null,
    };
  });
}

/** Figure 11's numbers: each reason's mean importance over all respondents, most important first. */
export function motivationTable(rows: readonly MotivationRow[], instrument: Instrument, lang: Language = 'nl') {
  const items = instrument.constructs.flatMap((c) => c.items);
  return rows
    .filter((r) => r.network === null)
    .map((r) => ({ reason: items.find((i) => i.id === r.item)?.[lang] ?? r.item, item: r.item, n: r.n, mean: r.mean, sd: r.sd }))
    .sort((a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity));
}

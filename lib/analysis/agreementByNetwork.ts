/**
 * Agreement within networks (report 5.4), the step that justifies speaking of
 * "the network's" score: do the members of one network answer alike?
 *
 * The report: an ICC per network, on complete questionnaires only, Shrout &
 * Fleiss two-way mixed, absolute agreement, average measures: in McGraw &
 * Wong's names ICC(A,k) (psych: ICC2k). The matrix per network: rows
 * (targets) = the questionnaire's 1-5 items (16 scales and 11 motivation
 * reasons), columns (raters) = the network's complete respondents; an item
 * with a "weet niet" from any of them is left out (listwise). This is the
 * computation `checkCalibration` checks.
 *
 * Beside it, the multilevel view on each scale score (Bliese 2000): ICC(1),
 * ICC(2) and rwg(j) with respondents nested in networks.
 */
import type { Instrument } from '../io/instrument';
import type { SurveyRow } from './scaleScores';
import { icc, type IccResult, type IccType } from '../stats/agreement/icc';
import { aggregationIndices } from '../stats/agreement/aggregationIndices';
import { UserInputError } from '../util/errors';

export interface IccMatrix {
  network: string;
  /** Item ids (rows). */
  items: string[];
  /** Respondent ids (columns). */
  raters: string[];
  matrix: (number | null)[][];
}

/** The items x complete-respondents matrix of one network (reverse-keyed items reversed). */
export function iccMatrix(survey: readonly SurveyRow[], instrument: Instrument, network: string): IccMatrix {
  const raters = survey.filter((r) => String(r.network) === network && (r.response_status === undefined || r.response_status === null || r.response_status === 'complete'));
  if (raters.length < 2) throw new UserInputError(`Network "${network}" has ${raters.length} complete questionnaire(s); the ICC needs at least 2.`);
  const items = instrument.constructs
    .filter((c) => instrument.responseScales[c.responseScale].type === 'ordinal')
    .flatMap((c) => c.items.filter((i) => i.final).map((i) => ({ i, scale: instrument.responseScales[c.responseScale] })));
  return {
    network,
    items: items.map(({ i }) => i.id),
    raters: raters.map((r, k) => String(r.respondent_id ?? k + 1)),
    matrix: items.map(({ i, scale }) => raters.map((row) => (typeof row[i.id] === 'number' ? (i.reverse ? scale.min + scale.max - (row[i.id] as number) : (row[i.id] as number)) : null))),
  };
}

export interface NetworkIcc {
  network: string;
  /** Complete respondents (raters) and items used (targets). */
  raters: number;
  items: number;
  /** The report's form: ICC(A,k) = Shrout & Fleiss ICC(2,k), with its 95% interval. */
  icc: number;
  lower: number | null;
  upper: number | null;
  /** The same data, other forms: single-rater absolute agreement ICC(A,1), and average-measures consistency ICC(C,k). */
  single: number;
  consistency: number;
  result: IccResult;
}

const form = (r: IccResult, t: IccType) => r.table.find((x) => x.type === t)!;

/** ICC per network, in the order of `networks` (default: order in the survey). */
export function iccByNetwork(survey: readonly SurveyRow[], instrument: Instrument, networks?: readonly string[]): NetworkIcc[] {
  const order = networks ?? [...new Set(survey.map((r) => String(r.network)))];
  return order.map((network) => {
    const m = iccMatrix(survey, instrument, network);
    const result = icc(m.matrix, { missing: 'listwise' });
    const k2 = form(result, 'ICC2k');
    return {
      network,
      raters: m.raters.length,
      items: result.anova.n,
      icc: k2.icc,
      lower: k2.lower,
      upper: k2.upper,
      single: form(result, 'ICC2').icc,
      consistency: form(result, 'ICC3k').icc,
      result,
    };
  });
}

/** The six Shrout & Fleiss forms of one network's ICC as table rows (to see why the report's form). */
export function iccFormsTable(result: IccResult) {
  return result.table.map((r) => ({ shrout_fleiss: r.shroutFleiss, mcgraw_wong: r.mcGrawWong, model: r.description, icc: r.icc, lower: r.lower, upper: r.upper, F: r.F, p: r.p }));
}

/** ICC per network as table rows. */
export function iccTable(rows: readonly NetworkIcc[]) {
  return rows.map((r) => ({ network: r.network, raters: r.raters, items: r.items, 'ICC(A,k)': r.icc, lower: r.lower, upper: r.upper, 'ICC(A,1)': r.single, 'ICC(C,k)': r.consistency }));
}

export interface ConstructAggregation {
  construct: string;
  label: string;
  items: number;
  respondents: number;
  icc1: number;
  icc2: number;
  F: number;
  p: number;
  rwgMean: number | null;
  rwgMedian: number | null;
}

/**
 * ICC(1), ICC(2) and rwg(j) per scale, respondents nested in networks
 * (aggregationIndices on the final items; respondents with a missing item
 * are left out).
 */
export function aggregationByConstruct(survey: readonly SurveyRow[], instrument: Instrument, options: { constructs?: readonly string[]; lang?: 'nl' | 'en' } = {}): ConstructAggregation[] {
  const scales = instrument.constructs.filter((c) => c.kind === 'scale' && (!options.constructs || options.constructs.includes(c.id)));
  return scales.map((c) => {
    const scale = instrument.responseScales[c.responseScale];
    const items = c.items.filter((i) => i.final);
    const rows = survey.map((r) => {
      const out: Record<string, unknown> = { network: r.network };
      for (const i of items) {
        const v = r[i.id];
        out[i.id] = typeof v === 'number' ? (i.reverse ? scale.min + scale.max - v : v) : null;
      }
      return out;
    });
    const a = aggregationIndices(rows, { group: 'network', items: items.map((i) => i.id), scaleMin: scale.min, scaleMax: scale.max });
    return {
      construct: c.id,
      label: c[options.lang ?? 'nl'],
      items: items.length,
      respondents: a.nRespondents,
      icc1: a.icc1,
      icc2: a.icc2,
      F: a.F,
      p: a.p,
      rwgMean: a.rwgMean,
      rwgMedian: a.rwgMedian,
    };
  });
}

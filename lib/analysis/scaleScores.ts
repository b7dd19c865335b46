/**
 * Construct scores per respondent: the mean of a scale's items (report 5.4:
 * "per variable the factor scores were computed as the mean of the items"),
 * reverse-keyed items scored as (min + max - answer) first.
 *
 * A respondent gets a score when at least `minAnswered` of the scale's items
 * have an answer (SPSS: MEAN.n). The default is every item, so that a score is
 * always the mean of the same items; `minAnswered: 'half'` follows the common
 * rule of at least half the items.
 */
import { Instrument, Construct } from '../io/instrument';
import { UserInputError } from '../util/errors';

export type SurveyRow = Record<string, unknown>;

export interface ScaleScoreOptions {
  /** Constructs to score (default: every `scale` construct of the instrument). */
  constructs?: string[];
  /** Items that must be answered: a number, 'all' (default) or 'half'. */
  minAnswered?: number | 'all' | 'half';
  /** Use the pilot's long pool (every item) instead of the final items. */
  pool?: boolean;
}

/** The items of a construct that are scored, and whether each is reversed. */
export function scoredItems(construct: Construct, pool = false) {
  return construct.items.filter((i) => pool || i.final);
}

/** Scale scores as columns: one Float64Array per construct, one value per row, NaN where the respondent has no score (internal). */
export interface ScoreColumns {
  ids: string[];
  columns: Float64Array[];
}

/**
 * The scores of scaleScores as columns, computed item by item (one pass over
 * the rows per item, with the same item name at every row: much faster on
 * large surveys than row by row, and no object per row). The sums add a
 * respondent's items in the codebook's order, as scaleScores always did.
 */
export function scaleScoreColumns(rows: readonly SurveyRow[], instrument: Instrument, options: ScaleScoreOptions = {}): ScoreColumns {
  const constructs = (options.constructs ?? instrument.constructs.filter((c) => c.kind === 'scale').map((c) => c.id)).map((id) => {
    const c = instrument.constructs.find((k) => k.id === id);
    if (!c) throw new UserInputError(`Unknown construct "${id}". Known: ${instrument.constructs.map((k) => k.id).join(', ')}.`);
    if (c.kind !== 'scale') throw new UserInputError(`"${id}" is an item set or count (${c.kind}), not a scale: its items are read one by one, not averaged.`);
    return c;
  });
  const n = rows.length;
  const sum = new Float64Array(n);
  const answered = new Int32Array(n);
  const columns = constructs.map((c) => {
    const scale = instrument.responseScales[c.responseScale];
    const items = scoredItems(c, options.pool);
    const need = options.minAnswered === undefined || options.minAnswered === 'all' ? items.length : options.minAnswered === 'half' ? Math.ceil(items.length / 2) : options.minAnswered;
    const flip = scale.min + scale.max;
    sum.fill(0);
    answered.fill(0);
    for (const it of items) {
      const id = it.id;
      const reverse = it.reverse === true;
      for (let r = 0; r < n; r++) {
        const v = rows[r][id];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new UserInputError(`Item "${id}" holds ${JSON.stringify(v)}; expected a number or missing. Load the data with readSurveyCsv, which checks every answer.`);
        }
        sum[r] += reverse ? flip - v : v;
        answered[r]++;
      }
    }
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = answered[r] >= need && answered[r] > 0 ? sum[r] / answered[r] : NaN;
    return out;
  });
  return { ids: constructs.map((c) => c.id), columns };
}

/**
 * @example
 *   const scores = scaleScores(survey.table.objects(), instrument);
 *   scores[0].trust; // mean of trust_1..trust_4, or null
 */
export function scaleScores(rows: readonly SurveyRow[], instrument: Instrument, options: ScaleScoreOptions = {}): Array<Record<string, number | null>> {
  const { ids, columns } = scaleScoreColumns(rows, instrument, options);
  return rows.map((_, r) => {
    const out: Record<string, number | null> = {};
    for (let j = 0; j < ids.length; j++) {
      const v = columns[j][r];
      out[ids[j]] = Number.isNaN(v) ? null : v;
    }
    return out;
  });
}

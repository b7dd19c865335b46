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

/**
 * @example
 *   const scores = scaleScores(survey.table.objects(), instrument);
 *   scores[0].trust; // mean of trust_1..trust_4, or null
 */
export function scaleScores(rows: readonly SurveyRow[], instrument: Instrument, options: ScaleScoreOptions = {}): Array<Record<string, number | null>> {
  const constructs = (options.constructs ?? instrument.constructs.filter((c) => c.kind === 'scale').map((c) => c.id)).map((id) => {
    const c = instrument.constructs.find((k) => k.id === id);
    if (!c) throw new UserInputError(`Unknown construct "${id}". Known: ${instrument.constructs.map((k) => k.id).join(', ')}.`);
    if (c.kind !== 'scale') throw new UserInputError(`"${id}" is an item set or count (${c.kind}), not a scale: its items are read one by one, not averaged.`);
    return c;
  });
  // Per construct once (not per row): its items, reverse keys, scale ends and the items needed.
  const plans = constructs.map((c) => {
    const scale = instrument.responseScales[c.responseScale];
    const items = scoredItems(c, options.pool);
    const need = options.minAnswered === undefined || options.minAnswered === 'all' ? items.length : options.minAnswered === 'half' ? Math.ceil(items.length / 2) : options.minAnswered;
    return { id: c.id, ids: items.map((i) => i.id), reverse: items.map((i) => i.reverse === true), flip: scale.min + scale.max, need };
  });
  return rows.map((row) => {
    const out: Record<string, number | null> = {};
    for (const c of plans) {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < c.ids.length; k++) {
        const v = row[c.ids[k]];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new UserInputError(`Item "${c.ids[k]}" holds ${JSON.stringify(v)}; expected a number or missing. Load the data with readSurveyCsv, which checks every answer.`);
        }
        sum += c.reverse[k] ? c.flip - v : v;
        n++;
      }
      out[c.id] = n >= c.need && n > 0 ? sum / n : null;
    }
    return out;
  });
}

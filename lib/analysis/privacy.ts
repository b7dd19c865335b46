/**
 * Privacy of small networks in network-level output. Respondent-level rows
 * never appear in the report or the figures: they show network means and
 * counts only. A mean of very few respondents can still say much about each
 * of them, so a network with fewer than `minComplete` complete questionnaires
 * (default 5) is either shown with a warning flag (`action: 'warn'`) or left
 * out (`action: 'suppress'`) of the network-level tables (networkTable,
 * networkSummary) and of everything built from them.
 */
import { UserInputError } from '../util/errors';
import type { SurveyRow } from './scaleScores';

/** The default least number of complete questionnaires per network. */
export const DEFAULT_MIN_COMPLETE = 5;

export type PrivacyAction = 'warn' | 'suppress';

export interface PrivacyOptions {
  /** Least number of complete questionnaires a network needs (default 5). */
  minComplete?: number;
  /** 'warn' (default): keep the network, flagged; 'suppress': leave it out. */
  action?: PrivacyAction;
}

/** The flag a network-level row carries when a privacy option is given. */
export interface PrivacyFlag {
  /** Complete questionnaires of the network. */
  complete: number;
  minComplete: number;
  /** complete < minComplete. */
  belowMinimum: boolean;
}

export interface PrivacyCheck {
  minComplete: number;
  action: PrivacyAction;
  /** Every network with its complete questionnaires, in order of first appearance. */
  networks: Array<{ network: string; complete: number; belowMinimum: boolean }>;
  /** Networks below the minimum (flagged with 'warn', left out with 'suppress'). */
  below: string[];
}

/** Validates a privacy option and fills in the defaults. */
export function resolvePrivacy(privacy: PrivacyOptions | undefined | null): Required<PrivacyOptions> {
  const p = privacy ?? {};
  if (typeof p !== 'object') throw new UserInputError(`privacy must be an object { minComplete, action }; got ${JSON.stringify(privacy)}.`);
  const minComplete = p.minComplete ?? DEFAULT_MIN_COMPLETE;
  if (typeof minComplete !== 'number' || !Number.isInteger(minComplete) || minComplete < 1) {
    throw new UserInputError(`privacy.minComplete must be a whole number of at least 1; got ${JSON.stringify(p.minComplete)}.`);
  }
  const action = p.action ?? 'warn';
  if (action !== 'warn' && action !== 'suppress') throw new UserInputError(`privacy.action must be "warn" or "suppress"; got ${JSON.stringify(p.action)}.`);
  return { minComplete, action };
}

/** Complete questionnaires of one network's rows: response_status 'complete' (every row when the column is absent). */
export function completeCount(own: readonly SurveyRow[]): number {
  const hasStatus = own.some((r) => r.response_status !== undefined && r.response_status !== null);
  return hasStatus ? own.filter((r) => r.response_status === 'complete').length : own.length;
}

/**
 * Which networks have fewer complete questionnaires than the minimum.
 *
 * @example
 *   privacyCheck(survey.table.objects(), { minComplete: 8 }).below; // ['Apeliotes', 'Argestes']
 */
export function privacyCheck(rows: readonly SurveyRow[], privacy: PrivacyOptions = {}): PrivacyCheck {
  const { minComplete, action } = resolvePrivacy(privacy);
  const by = new Map<string, SurveyRow[]>();
  for (const r of rows) {
    const name = String(r.network);
    const list = by.get(name) ?? [];
    list.push(r);
    by.set(name, list);
  }
  const networks = [...by.entries()].map(([network, own]) => {
    const complete = completeCount(own);
    return { network, complete, belowMinimum: complete < minComplete };
  });
  return { minComplete, action, networks, below: networks.filter((n) => n.belowMinimum).map((n) => n.network) };
}

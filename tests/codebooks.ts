/**
 * Codebooks for tests of studies that are not the report's: the report's
 * codebook without some constructs (a shorter questionnaire).
 */
import type { Instrument } from '../lib/io/instrument';

/**
 * `codebook` with only the constructs `keep` allows; a pilot item whose
 * cross-loading partner is gone names another construct, so the codebook
 * stays valid (the same id: the report's study is used, with what it lacks
 * skipped).
 */
export function codebookWith(codebook: Instrument, keep: (id: string, k: number) => boolean): Instrument {
  const c = structuredClone(codebook);
  c.constructs = c.constructs.filter((k, i) => keep(k.id, i));
  const ids = new Set(c.constructs.map((k) => k.id));
  for (const k of c.constructs) for (const it of k.items) if (it.crossLoadsOn && !ids.has(it.crossLoadsOn)) it.crossLoadsOn = c.constructs.find((x) => x.id !== k.id)!.id;
  return c;
}

/** `codebook` without the constructs `drop`. */
export const codebookWithout = (codebook: Instrument, drop: readonly string[]): Instrument => codebookWith(codebook, (id) => !drop.includes(id));

/**
 * The context a check recomputes its answer from: the study the notebook
 * opened (by default the one DV_DATA_DIR and DV_LANG name, opened once per
 * kernel) and, on first use, the coded interviews.
 */
import { openStudy, type Study } from '../notebooks/context';
import { loadInterviews } from '../qual/load';
import type { QualProject } from '../qual/model';
import type { TeachingContext } from './types';

let cached: { key: string; study: Study } | null = null;

/**
 * A teaching context for `study`, or for the study of DV_DATA_DIR/DV_LANG
 * (opened once and kept).
 */
export function teachingContext(study?: Study): TeachingContext {
  let s = study;
  if (!s) {
    const key = `${process.env.DV_DATA_DIR ?? ''}|${process.env.DV_LANG ?? ''}`;
    if (!cached || cached.key !== key) cached = { key, study: openStudy() };
    s = cached.study;
  }
  let project: QualProject | null = null;
  return {
    study: s,
    interviews: () => (project ??= loadInterviews()),
  };
}

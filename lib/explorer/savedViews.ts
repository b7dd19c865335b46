/**
 * The study's patterns (study.json `patterns`, Figures 15-17 for the
 * report's study) as saved views of the explorer: ordered by the pattern's
 * first variable, its other variables as panels, coloured by size as the
 * figures are.
 */
import type { StudyDefinition } from '../io/studyDefinition';
import type { SavedView } from './types';

/**
 * Saved views of a study definition's patterns. Variables the data lack are
 * left out; a pattern whose ordering variable or every panel is missing is
 * skipped.
 *
 * @example
 *   savedViews(reportStudyDefinition(), new Set(data.variables.map((v) => v.id)))[1].view;
 *   // { mode: 'patterns', orderBy: 'impact', panels: ['shared_vision', 'affectivity', 'trust'], colour: 'members' }
 */
export function savedViews(definition: StudyDefinition, known: ReadonlySet<string>): SavedView[] {
  const out: SavedView[] = [];
  for (const p of definition.patterns) {
    if (!known.has(p.orderBy)) continue;
    const panels = p.variables.filter((v) => v !== p.orderBy && known.has(v));
    if (panels.length === 0) continue;
    out.push({ id: p.id, label: { ...p.caption }, view: { mode: 'patterns', orderBy: p.orderBy, panels, ...(known.has('members') ? { colour: 'members' } : {}) } });
  }
  return out;
}

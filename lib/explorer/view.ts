/**
 * Views of the explorer: checked against the data (clear errors that name
 * the key, the value and what is known), and written to and read from a URL
 * fragment, so that a researcher can share exactly what they looked at:
 *
 *   #view=patterns&order=impact&panels=shared_vision,trust&colour=members&focus=Notos&drop=Meses
 *
 * Each value is URI-encoded (a comma in a group's name is %2C), keys come in
 * a fixed order, and keys without a value are left out, so one view has one
 * fragment. The page (pageApp.ts) reads and writes the same form.
 */
import { UserInputError } from '../util/errors';
import { suggestName } from '../util/problems';
import type { ExplorerData, ExplorerMode, View } from './types';

export const MODES: readonly ExplorerMode[] = ['patterns', 'portrait', 'compare'];
/** Fragment keys, in the order they are written. */
const KEYS = ['view', 'order', 'panels', 'colour', 'focus', 'drop', 'compare', 'split'] as const;

const list = (xs: readonly string[]) => xs.map((x) => encodeURIComponent(x)).join(',');
const unlist = (s: string) => (s === '' ? [] : s.split(',').map((x) => decodeURIComponent(x)));

/**
 * @example
 *   viewToFragment({ mode: 'patterns', orderBy: 'impact', panels: ['trust'], dropped: ['Meses'] });
 *   // '#view=patterns&order=impact&panels=trust&drop=Meses'
 */
export function viewToFragment(view: View): string {
  const v = normaliseView(view);
  const parts: string[] = [`view=${v.mode}`, `order=${encodeURIComponent(v.orderBy)}`];
  if (v.panels.length > 0) parts.push(`panels=${list(v.panels)}`);
  if (v.colour) parts.push(`colour=${encodeURIComponent(v.colour)}`);
  if (v.focus) parts.push(`focus=${encodeURIComponent(v.focus)}`);
  if (v.dropped && v.dropped.length > 0) parts.push(`drop=${list(v.dropped)}`);
  if (v.compare && v.compare.length > 0) parts.push(`compare=${list(v.compare)}`);
  if (v.split) parts.push(`split=${encodeURIComponent(v.split)}`);
  return `#${parts.join('&')}`;
}

/**
 * The view a fragment holds (with or without the leading '#'). Checks its
 * form only; check it against the data with validateView.
 */
export function viewFromFragment(fragment: string): View {
  if (typeof fragment !== 'string') throw new UserInputError(`viewFromFragment: expected a text such as "#view=patterns&order=impact&panels=trust", found ${JSON.stringify(fragment)}.`);
  const text = fragment.replace(/^#/, '');
  const values = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!(KEYS as readonly string[]).includes(key)) {
      const near = suggestName(key, KEYS);
      throw new UserInputError(`view fragment: unknown key "${key}"${near ? `; did you mean "${near}"?` : ''} (known: ${KEYS.join(', ')}).`);
    }
    if (values.has(key)) throw new UserInputError(`view fragment: key "${key}" is given twice.`);
    let value: string;
    try {
      value = eq < 0 ? '' : part.slice(eq + 1);
      if (key !== 'panels' && key !== 'drop' && key !== 'compare') value = decodeURIComponent(value);
    } catch {
      throw new UserInputError(`view fragment: the value of "${key}" is not URI-encoded text (${JSON.stringify(part)}).`);
    }
    values.set(key, value);
  }
  const mode = values.get('view');
  if (mode === undefined) throw new UserInputError(`view fragment ${JSON.stringify(fragment)}: it has no "view=" (patterns, portrait or compare).`);
  if (!(MODES as readonly string[]).includes(mode)) throw new UserInputError(`view fragment: view=${mode}; expected one of ${MODES.join(', ')}.`);
  const order = values.get('order');
  if (order === undefined || order === '') throw new UserInputError('view fragment: it has no "order=" (the variable that orders the groups).');
  const view: View = { mode: mode as ExplorerMode, orderBy: order, panels: [] };
  try {
    if (values.has('panels')) view.panels = unlist(values.get('panels')!);
    if (values.get('colour')) view.colour = values.get('colour');
    if (values.get('focus')) view.focus = values.get('focus');
    if (values.get('drop')) view.dropped = unlist(values.get('drop')!);
    if (values.get('compare')) view.compare = unlist(values.get('compare')!);
    if (values.get('split')) view.split = values.get('split');
  } catch {
    throw new UserInputError(`view fragment ${JSON.stringify(fragment)}: a list value is not URI-encoded text.`);
  }
  return view;
}

/** A view with the ordering variable taken out of its panels and empty optional parts left out. */
export function normaliseView(view: View): View {
  const out: View = { mode: view.mode, orderBy: view.orderBy, panels: view.panels.filter((p) => p !== view.orderBy) };
  if (view.colour) out.colour = view.colour;
  if (view.focus) out.focus = view.focus;
  if (view.dropped && view.dropped.length > 0) out.dropped = [...view.dropped];
  if (view.compare && view.compare.length > 0) out.compare = [...view.compare];
  if (view.split) out.split = view.split;
  return out;
}

/**
 * Checks a view (a parsed JSON object, a notebook cell's literal, a
 * fragment's view) against the data; returns it normalised. Every problem is
 * listed, each with the key, what was found and what is known.
 *
 * @example
 *   validateView({ mode: 'patterns', orderBy: 'impakt', panels: ['trust'] }, data);
 *   // UserInputError: view: 1 problem:
 *   //   orderBy: "impakt" is not a variable of the data; did you mean "impact"? ...
 */
export function validateView(value: unknown, data: ExplorerData, where = 'view'): View {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserInputError(`${where}: expected an object such as { "mode": "patterns", "orderBy": "impact", "panels": ["trust"] }, found ${JSON.stringify(value)}.`);
  }
  const v = value as Record<string, unknown>;
  const allowed = ['mode', 'orderBy', 'panels', 'colour', 'focus', 'dropped', 'compare', 'split'];
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) {
      const near = suggestName(k, allowed);
      problems.push(`${k}: unknown key${near ? `; did you mean "${near}"?` : ''} (known: ${allowed.join(', ')})`);
    }
  }
  const variables = data.variables.map((x) => x.id);
  const colours = [...variables, ...data.categories.map((c) => c.id)];
  const few = (xs: readonly string[]) => (xs.length > 12 ? `${xs.slice(0, 12).join(', ')}, ... (${xs.length} in all)` : xs.join(', '));
  const known = (what: string, x: unknown, names: readonly string[], kind: string): x is string => {
    if (typeof x !== 'string' || !names.includes(x)) {
      const near = typeof x === 'string' ? suggestName(x, names) : undefined;
      problems.push(`${what}: ${JSON.stringify(x)} is not ${kind}${near ? `; did you mean "${near}"?` : ''} (known: ${few(names)})`);
      return false;
    }
    return true;
  };
  const names = (what: string, xs: unknown, all: readonly string[], kind: string): string[] => {
    if (xs === undefined) return [];
    if (!Array.isArray(xs)) {
      problems.push(`${what}: expected a list, found ${JSON.stringify(xs)}`);
      return [];
    }
    const ok = xs.filter((x, i) => known(`${what}[${i}]`, x, all, kind)) as string[];
    const dup = ok.find((x, i) => ok.indexOf(x) !== i);
    if (dup !== undefined) problems.push(`${what}: "${dup}" is listed twice`);
    return ok;
  };
  if (!(MODES as readonly unknown[]).includes(v.mode)) problems.push(`mode: ${JSON.stringify(v.mode)}; expected one of ${MODES.join(', ')}`);
  known('orderBy', v.orderBy, variables, 'a variable of the data');
  const panels = names('panels', v.panels ?? [], variables, 'a variable of the data');
  if (v.mode === 'patterns' && Array.isArray(v.panels) && panels.filter((p) => p !== v.orderBy).length === 0 && problems.length === 0) problems.push('panels: a patterns view needs at least one variable beside orderBy');
  if (v.colour !== undefined) known('colour', v.colour, colours, 'a variable or a categorical column of the data');
  if (v.focus !== undefined) known('focus', v.focus, data.groups, 'a group of the data');
  const dropped = names('dropped', v.dropped, data.groups, 'a group of the data');
  if (dropped.length > 0 && data.groups.length - dropped.length < 3) problems.push(`dropped: ${dropped.length} of ${data.groups.length} groups dropped; at least 3 must stay`);
  const compare = names('compare', v.compare, data.groups, 'a group of the data');
  if (v.mode === 'compare' && compare.length < 2 && problems.length === 0) problems.push('compare: a compare view needs at least two groups');
  if (v.mode === 'portrait' && v.focus === undefined && problems.length === 0) problems.push('focus: a portrait view needs the group to show (focus)');
  if (v.split !== undefined) known('split', v.split, data.splits.map((s) => s.id), 'a background variable to split by');
  if (problems.length > 0) throw new UserInputError(`${where}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  return normaliseView(v as unknown as View);
}

/** The view shown when none is given: the first saved view, else the first variable and up to three beside it. */
export function defaultView(data: ExplorerData): View {
  if (data.savedViews.length > 0) return normaliseView(data.savedViews[0].view);
  const ids = data.variables.map((v) => v.id);
  if (ids.length < 2) throw new UserInputError('explorer: the data have fewer than two group-level variables; there is nothing to set beside each other.');
  return { mode: 'patterns', orderBy: ids[0], panels: ids.slice(1, 4), ...(ids.includes('members') ? { colour: 'members' } : {}) };
}

/**
 * The explorer as a section of another page (the report): the same HTML as
 * the page of its own, without <html>, and without plotly.js when the page
 * already inlines it. The view is not written to the page's address (a
 * report has its own anchors); the section's link holds it.
 */
import type { Language } from '../io/instrument';
import { explorerHtml } from './explorerHtml';
import type { ExplorerData, View } from './types';

export interface ExplorerSectionOptions {
  lang?: Language;
  view?: View;
  /** The page already has window.Plotly before this section (the report inlines plotly.js once, in its head): true leaves it out (default true). */
  plotlyInPage?: boolean;
  /** Element id (default 'dv-explorer'). */
  id?: string;
}

/**
 * @example
 *   // in buildReport, after the figures (plotly.js is already in the page):
 *   const section = explorerSection(explorerData({ survey, networks, instrument, definition, synthetic }), { lang });
 */
export function explorerSection(data: ExplorerData, options: ExplorerSectionOptions = {}): string {
  return explorerHtml(data, { lang: options.lang, view: options.view, id: options.id, page: false, plotly: options.plotlyInPage === false ? undefined : null });
}

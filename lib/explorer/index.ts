/**
 * The explorer of group-level data (`../dist/explorer`): order the groups by
 * one variable, set others beside it with r, rho and the permutation p, focus
 * and drop groups, portraits and comparisons, all in the page (docs/explorer.md).
 *
 * - explorerData / explorerDataOf: every group-level variable as compact JSON
 * - View, validateView, viewToFragment, viewFromFragment, savedViews: what is looked at, and how to share it
 * - explorerHtml (a page or a fragment), explorerSection (for the report), showExplorer (a notebook cell), writeExplorer (npm run explorer)
 * - panelStats: a view's statistics by lib/stats (what the page computes)
 */
export { explorerData, explorerDataOf } from './explorerData';
export type { ExplorerInput, ExplorerDataOptions } from './explorerData';
export { validateView, viewToFragment, viewFromFragment, normaliseView, defaultView, MODES } from './view';
export { savedViews } from './savedViews';
export { explorerHtml, EXPLORER_PALETTE } from './explorerHtml';
export { explorerSection } from './explorerSection';
export type { ExplorerSectionOptions } from './explorerSection';
export { showExplorer } from './showExplorer';
export type { ShowExplorerOptions } from './showExplorer';
export { writeExplorer, isExplorerFile } from './writeExplorer';
export type { WriteExplorerOptions } from './writeExplorer';
export { panelStats, panelSeed } from './panelStats';
export type { PanelStatsRow } from './panelStats';
export type { ExplorerData, ExplorerVariable, ExplorerCategory, ExplorerSplit, ExplorerMode, ExplorerHtmlOptions, PortraitCell, SavedView, View, VariableSource } from './types';

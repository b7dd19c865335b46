/**
 * `showExplorer(study, view?)` in a notebook cell: the explorer as the
 * cell's output, through tslab's `display.html`, as `show()` shows a figure.
 * plotly.js is inlined in the output (once per kernel session would save
 * space, but an explorer output must also work when it is the only output a
 * front end runs, e.g. after the figure cells were cleared); each output has
 * its own element id.
 */
import type { PrivacyOptions } from '../analysis/privacy';
import type { Language } from '../io/instrument';
import type { HtmlDisplay } from '../render/show';
import { UserInputError } from '../util/errors';
import { explorerData, explorerDataOf, type ExplorerInput } from './explorerData';
import { explorerHtml } from './explorerHtml';
import type { ExplorerData, View } from './types';
import { validateView, viewFromFragment } from './view';

export interface ShowExplorerOptions {
  lang?: Language;
  privacy?: PrivacyOptions;
  /** Where to send the HTML (default tslab's `display`); for tests and other kernels. */
  display?: HtmlDisplay;
}

type Study = Parameters<typeof explorerDataOf>[0];

let counter = 0;
const session = Date.now().toString(36);

function tslabDisplay(): HtmlDisplay {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('tslab') as { display: HtmlDisplay }).display;
  } catch {
    throw new UserInputError('showExplorer() runs inside a tslab notebook kernel. Outside a notebook, write the page with npm run explorer (or explorerHtml).');
  }
}

/**
 * @example
 *   import { loadStudyData } from '../dist';
 *   import { showExplorer } from '../dist/explorer';
 *   const study = loadStudyData();
 *   showExplorer(study, { mode: 'patterns', orderBy: 'impact', panels: ['trust', 'shared_vision'], dropped: ['Meses'] });
 *   showExplorer(study, '#view=portrait&order=impact&focus=Notos&split=org_type');
 */
export function showExplorer(study: Study | ExplorerInput | ExplorerData, view?: View | string, options: ShowExplorerOptions = {}): void {
  const display = options.display ?? tslabDisplay();
  const data: ExplorerData =
    (study as ExplorerData).version === 1 && Array.isArray((study as ExplorerData).variables)
      ? (study as ExplorerData)
      : 'definition' in (study as object)
        ? explorerData(study as ExplorerInput, { privacy: options.privacy })
        : explorerDataOf(study as Study, { privacy: options.privacy });
  const v = view === undefined ? undefined : validateView(typeof view === 'string' ? viewFromFragment(view) : view, data, 'showExplorer: view');
  display.html(explorerHtml(data, { lang: options.lang, view: v, page: false, id: `dv-explorer-${session}-${++counter}` }));
}

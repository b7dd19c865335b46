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
import { defaultView, validateView, viewFromFragment } from './view';
import { explorerViewFigure } from './viewFigure';
import { findChromium } from '../render/browser';
import { staticFiguresEnabled, withSharedRenderer } from '../render/sharedRenderer';

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
 * The image of the first view for front ends without scripts, as show() makes
 * one for a figure: rendered here by the kernel's shared Chromium; in headless
 * runs (static figures off) the figure's spec, for the notebooks' static-figure
 * step; nothing without a browser or for a view without an image.
 */
async function staticFigureOf(data: ExplorerData, view: View, lang: Language): Promise<{ svg: string } | 'spec' | undefined> {
  const spec = explorerViewFigure(data, view, lang);
  if (spec === null) return undefined;
  if (!staticFiguresEnabled()) return 'spec';
  let chromium: string;
  try {
    chromium = findChromium();
  } catch {
    return undefined; // no image without a browser; the explorer itself still works
  }
  const [f] = await withSharedRenderer((r) => r.render([{ name: 'explorer', spec }], { formats: ['svg'], scale: 1 }), { executablePath: chromium });
  return { svg: f.svg ?? '' };
}

/**
 * @example
 *   import { loadStudyData } from '../dist';
 *   import { showExplorer } from '../dist/explorer';
 *   const study = loadStudyData();
 *   await showExplorer(study, { mode: 'patterns', orderBy: 'impact', panels: ['trust', 'shared_vision'], dropped: ['Meses'] });
 *   await showExplorer(study, '#view=portrait&order=impact&focus=Notos&split=org_type');
 */
export async function showExplorer(study: Study | ExplorerInput | ExplorerData, view?: View | string, options: ShowExplorerOptions = {}): Promise<void> {
  const display = options.display ?? tslabDisplay();
  const data: ExplorerData =
    (study as ExplorerData).version === 1 && Array.isArray((study as ExplorerData).variables)
      ? (study as ExplorerData)
      : 'definition' in (study as object)
        ? explorerData(study as ExplorerInput, { privacy: options.privacy })
        : explorerDataOf(study as Study, { privacy: options.privacy });
  const v = view === undefined ? undefined : validateView(typeof view === 'string' ? viewFromFragment(view) : view, data, 'showExplorer: view');
  const lang = options.lang ?? 'nl';
  display.html(explorerHtml(data, { lang, view: v, page: false, id: `dv-explorer-${session}-${++counter}`, staticFigure: await staticFigureOf(data, v ?? defaultView(data), lang) }));
}

/**
 * The explorer as HTML: real form controls with labels (keyboard usable),
 * the data and the first view as JSON, the page's statistics and script, and
 * plotly.js inlined (from node_modules, never a CDN), so it works offline, in
 * a page of its own, as a report section and as a notebook output. Without
 * scripts (nbconvert without JavaScript, GitHub's notebook view) a static
 * fallback shows the first view's statistics, computed here by lib/stats.
 */
import { formatP, formatR } from '../analysis/evaluateFindings';
import { checkLanguage, type Language } from '../io/instrument';
import { bundleMark, plotlyBundleText } from '../render/plotlyBundle';
import { fallbackImageHtml } from '../render/show';
import { THEME } from '../figures/theme';
import { explorerViewFigure } from './viewFigure';
import { UserInputError } from '../util/errors';
import { escapeHtml } from '../util/html';
import { PAGE_APP_JS } from './pageApp';
import { PAGE_STATS_JS } from './pageStats';
import { panelStats } from './panelStats';
import type { ExplorerData, ExplorerHtmlOptions, VariableSource, View } from './types';
import { defaultView, validateView, viewToFragment } from './view';
import { EXPLORER_WORDS, pageWords } from './words';

/** JSON that is safe inside <script>: no "</script>", no "<!--". */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Okabe & Ito's colour-blind safe palette (groups compared, subgroups, categories). */
export const EXPLORER_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8c6d1f', '#000000'];

/** The generator tag of a page of its own: a file with it may be replaced by the next run. */
export const EXPLORER_GENERATOR = 'delicate-verbanden explorer';

const SOURCES: VariableSource[] = ['construct', 'boundary', 'count', 'group', 'response', 'motivation', 'networks'];

/** The class of the script element that carries the static figure's spec until an image replaces it. */
export const EXPLORER_STATIC_SPEC = 'dv-explorer-static-spec';

/** The static image of the first view: its SVG as figureHtml's fallback image. */
export function explorerStaticImage(svg: string, spec: { layout: { width?: unknown; height?: unknown } }): string {
  return fallbackImageHtml({ format: 'svg', svg }, '', Number(spec.layout.width), Number(spec.layout.height));
}

/**
 * @example
 *   const html = explorerHtml(explorerDataOf(loadStudyData()), { lang: 'en' });
 *   fs.writeFileSync('out/explorer.html', html);
 */
export function explorerHtml(data: ExplorerData, options: ExplorerHtmlOptions = {}): string {
  if (!data || data.version !== 1 || !Array.isArray(data.variables)) throw new UserInputError('explorerHtml: expected the result of explorerData(...) (or explorerDataOf(loadStudyData(dir))).');
  const lang: Language = checkLanguage(options.lang ?? 'nl', 'explorerHtml: option lang');
  const id = options.id ?? 'dv-explorer';
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new UserInputError(`explorerHtml: id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, '_' and '-'.`);
  const view: View = options.view === undefined ? defaultView(data) : validateView(options.view, data, 'explorerHtml: options.view');
  const page = options.page ?? true;
  const plotly = options.plotly === undefined ? plotlyBundleText('cartesian') : options.plotly;
  if (plotly !== null && (typeof plotly !== 'string' || plotly.length === 0)) throw new UserInputError('explorerHtml: options.plotly must be the text of plotly.js, or null when the page already has it.');
  const w = EXPLORER_WORDS[lang];
  const both = (pick: (x: (typeof EXPLORER_WORDS)['nl' | 'en']) => string) => ({ nl: pick(EXPLORER_WORDS.nl), en: pick(EXPLORER_WORDS.en) });
  /** A text in the page's language that the language control can switch. */
  const t = (tag: string, attrs: string, b: { nl: string; en: string }) => `<${tag}${attrs} data-nl="${escapeHtml(b.nl)}" data-en="${escapeHtml(b.en)}">${escapeHtml(b[lang])}</${tag}>`;
  const ids = (s: string) => `${id}-${s}`;
  const option = (value: string, b: { nl: string; en: string }) => t('option', ` value="${escapeHtml(value)}"`, b);
  const variableOptions = SOURCES.map((src) => {
    const vs = data.variables.filter((v) => v.source === src);
    if (vs.length === 0) return '';
    return `<optgroup label="${escapeHtml(w.sources[src])}">${vs.map((v) => option(v.id, v.label)).join('')}</optgroup>`;
  }).join('');
  const panelBoxes = SOURCES.map((src) => {
    const vs = data.variables.filter((v) => v.source === src);
    if (vs.length === 0) return '';
    return (
      `<fieldset class="dv-explorer-panelgroup">${t('legend', '', both((x) => x.sources[src]))}` +
      vs.map((v) => `<span class="dv-explorer-check"><input type="checkbox" id="${ids(`panel-${v.id}`)}" name="${ids('panel')}" value="${escapeHtml(v.id)}"${view.panels.includes(v.id) ? ' checked' : ''}>${t('label', ` for="${ids(`panel-${v.id}`)}" title="${escapeHtml(v.label[lang])}"`, { nl: short(v.label.nl, 44), en: short(v.label.en, 44) })}</span>`).join('') +
      `</fieldset>`
    );
  }).join('');
  const groupOptions = data.groups.map((g) => `<option value="${escapeHtml(g)}">${escapeHtml(g)}</option>`).join('');
  const field = (name: string, b: { nl: string; en: string }, control: string) => `<div class="dv-explorer-field">${t('label', ` for="${ids(name)}"`, b)}${control}</div>`;

  const controls = [
    `<div class="dv-explorer-row">`,
    field('mode', both((x) => x.mode), `<select id="${ids('mode')}">${(['patterns', 'portrait', 'compare'] as const).map((m) => option(m, both((x) => x.modes[m]))).join('')}</select>`),
    field('saved', both((x) => x.saved), `<select id="${ids('saved')}">${option('', both((x) => x.own))}${data.savedViews.map((s) => option(s.id, s.label)).join('')}</select>`),
    field('lang', both((x) => x.language), `<select id="${ids('lang')}"><option value="nl"${lang === 'nl' ? ' selected' : ''}>Nederlands</option><option value="en"${lang === 'en' ? ' selected' : ''}>English</option></select>`),
    `</div>`,
    `<div id="${ids('controls-patterns')}" class="dv-explorer-row">`,
    field('order', both((x) => x.orderBy), `<select id="${ids('order')}">${variableOptions}</select>`),
    field('colour', both((x) => x.colour), `<select id="${ids('colour')}">${option('', both((x) => x.noColour))}${variableOptions}${data.categories.length > 0 ? `<optgroup label="networks.csv">${data.categories.map((c) => option(c.id, c.label)).join('')}</optgroup>` : ''}</select>`),
    `<details class="dv-explorer-panels" open>${t('summary', '', both((x) => x.panels))}<div id="${ids('panels')}">${panelBoxes}</div></details>`,
    `</div>`,
    `<div id="${ids('controls-focus')}" class="dv-explorer-row">`,
    field('search', both((x) => x.search), `<input type="search" id="${ids('search')}" list="${ids('groups')}" autocomplete="off" data-nl="${escapeHtml(EXPLORER_WORDS.nl.search)}" data-en="${escapeHtml(EXPLORER_WORDS.en.search)}" placeholder="${escapeHtml(w.search)}"><datalist id="${ids('groups')}">${groupOptions}</datalist>`),
    t('button', ` type="button" id="${ids('clear')}"`, both((x) => x.clearFocus)),
    t('button', ` type="button" id="${ids('drop')}"`, both((x) => x.drop)),
    t('button', ` type="button" id="${ids('restore')}"`, both((x) => x.restore)),
    `<div class="dv-explorer-dropped">${t('span', '', both((x) => x.dropped))}: ${t('span', ` id="${ids('dropped-none')}"`, both((x) => x.none))}<ul id="${ids('dropped')}"></ul></div>`,
    `</div>`,
    `<div id="${ids('controls-portrait')}" class="dv-explorer-row" hidden>`,
    field('group', both((x) => x.group), `<select id="${ids('group')}">${groupOptions}</select>`),
    data.splits.length > 0 ? field('split', both((x) => x.split), `<select id="${ids('split')}">${option('', both((x) => x.noSplit))}${data.splits.map((s) => option(s.id, s.label)).join('')}</select>`) : '',
    `</div>`,
    `<div id="${ids('controls-compare')}" class="dv-explorer-row" hidden>`,
    field('compare', both((x) => x.compareGroups), `<select id="${ids('compare')}" multiple size="${Math.min(8, data.groups.length)}">${groupOptions}</select>`),
    `</div>`,
  ].join('\n');

  const stats = panelStats(data, view);
  const label = (v: string) => data.variables.find((x) => x.id === v)!.label[lang];
  const staticSpec = options.staticFigure === undefined ? null : explorerViewFigure(data, view, lang);
  const staticImage =
    staticSpec === null || options.staticFigure === undefined
      ? ''
      : options.staticFigure === 'spec'
        ? `<script type="application/json" class="${EXPLORER_STATIC_SPEC}">${scriptJson(staticSpec)}</script>`
        : explorerStaticImage(options.staticFigure.svg, staticSpec);
  const staticPart = [
    `<div class="dv-explorer-static">`,
    `<p>${escapeHtml(w.noScript)}</p>`,
    staticImage,
    `<p>${escapeHtml(`${w.orderBy}: ${label(view.orderBy)}`)}${(view.dropped ?? []).length > 0 ? escapeHtml(`; ${w.dropped}: ${view.dropped!.join(', ')}`) : ''}</p>`,
    `<table><thead><tr><th>${escapeHtml(w.variable)}</th><th>N</th><th>r</th><th>rho</th><th>p</th><th>${escapeHtml(w.method)}</th></tr></thead><tbody>`,
    ...stats.map((s) => `<tr><th scope="row">${escapeHtml(label(s.variable))}</th><td>${s.n}</td><td>${formatR(s.r, lang)}</td><td>${formatR(s.rho, lang)}</td><td>${formatP(s.p, lang)}</td><td>${s.pMethod ? escapeHtml(w.methods[s.pMethod]) : '-'}</td></tr>`),
    `</tbody></table>`,
    `<p>${escapeHtml(`${viewToFragment(view)}`)}</p>`,
    `</div>`,
  ].join('\n');

  const app = [
    `<div class="dv-explorer-app" hidden>`,
    `<form class="dv-explorer-controls" onsubmit="return false">${controls}</form>`,
    `<p class="dv-explorer-meta"><span id="${ids('count')}"></span> <a id="${ids('link')}" href="${escapeHtml(viewToFragment(view))}">${t('span', '', both((x) => x.link))}</a></p>`,
    `<p id="${ids('status')}" class="dv-explorer-status" role="status" aria-live="polite"></p>`,
    `<div class="dv-explorer-figure"><div id="${ids('titles')}" class="dv-explorer-titles" hidden></div><div id="${ids('figure')}"></div></div>`,
    `<div id="${ids('legend')}" class="dv-explorer-legend"></div>`,
    `<p id="${ids('note')}" class="dv-explorer-note"></p>`,
    `<table id="${ids('stats')}" class="dv-explorer-stats"><thead><tr>${t('th', ' scope="col"', both((x) => x.variable))}<th scope="col">N</th><th scope="col">r</th><th scope="col">rho</th><th scope="col">p</th>${t('th', ' scope="col"', both((x) => x.method))}</tr></thead><tbody></tbody></table>`,
    `<p id="${ids('caution')}" class="dv-explorer-caution"></p>`,
    `</div>`,
  ].join('\n');

  const config = {
    lang,
    hash: page,
    view,
    data,
    words: pageWords(),
    theme: { fontFamily: THEME.fontFamily, text: THEME.colors.text, muted: THEME.colors.muted, grid: THEME.colors.grid, bar: THEME.colors.bar, band: THEME.colors.band, lightBlue: THEME.colors.lightBlue, accent: THEME.colors.accent, missing: '#c9ccd3', purples: THEME.purples, density: [[0, '#e8e2f4'], [0.35, '#8f6fc4'], [1, '#2d1a5c']], palette: EXPLORER_PALETTE },
  };
  const css = `
#${id} [hidden]{display:none !important}
#${id}{font-family:${THEME.fontFamily.replace(/"/g, "'")};color:${THEME.colors.text};max-width:100%}
#${id} .dv-explorer-row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:.4rem 0}
#${id} .dv-explorer-field{display:flex;flex-direction:column;font-size:.85rem}
#${id} label,#${id} legend,#${id} summary{font-size:.85rem;color:${THEME.colors.muted}}
#${id} select,#${id} input,#${id} button{font:inherit;font-size:.9rem;max-width:28rem}
#${id} :focus-visible{outline:2px solid ${THEME.colors.accent};outline-offset:1px}
#${id} .dv-explorer-panels{flex-basis:100%}
#${id} .dv-explorer-panels>div{display:flex;flex-wrap:wrap;gap:.3rem 1rem}
#${id} .dv-explorer-panelgroup{border:1px solid ${THEME.colors.grid};padding:.2rem .5rem;margin:0}
#${id} .dv-explorer-check{display:inline-flex;align-items:center;gap:.2rem;margin-right:.6rem;font-size:.85rem}
#${id} .dv-explorer-check label{color:${THEME.colors.text}}
#${id} .dv-explorer-dropped ul{display:inline;list-style:none;padding:0;margin:0}
#${id} .dv-explorer-dropped li{display:inline;margin-right:.3rem}
#${id} .dv-explorer-figure{overflow-x:auto;max-width:100%}
#${id} .dv-explorer-titles{position:relative;height:2.9rem;font-size:12px;line-height:1.3}
#${id} .dv-explorer-title{position:absolute;bottom:0;text-align:center;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#${id} .dv-explorer-ordering{border-bottom:2px solid ${THEME.colors.muted}}
#${id} .dv-explorer-ramp{width:6rem !important}
#${id} .dv-explorer-stats{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
#${id} .dv-explorer-stats th,#${id} .dv-explorer-stats td{padding:.15rem .6rem;border-bottom:1px solid ${THEME.colors.grid};text-align:right}
#${id} .dv-explorer-stats th[scope=row],#${id} .dv-explorer-stats thead th:first-child{text-align:left}
#${id} .dv-explorer-caution,#${id} .dv-explorer-note,#${id} .dv-explorer-meta{font-size:.85rem;color:${THEME.colors.muted};max-width:60rem}
#${id} .dv-explorer-swatch{display:inline-flex;align-items:center;gap:.3rem;margin-right:1rem;font-size:.85rem}
#${id} .dv-explorer-swatch i{display:inline-block;width:.9rem;height:.9rem}
#${id} .dv-explorer-synthetic{color:${THEME.colors.synthetic};font-weight:bold}
`;
  const scripts = [
    `<script type="application/json" id="${ids('config')}">${scriptJson(config)}</script>`,
    `<script type="text/plain" id="${ids('worker')}">${PAGE_STATS_JS.replace(/<\/script/gi, '<\\/script')}\nself.onmessage = function (e) { self.postMessage({ id: e.data.id, out: e.data.jobs.map(function (j) { return { key: j.key, s: dvExplorerStats.panelStats(j.x, j.y, j.options) }; }) }); };</script>`,
    plotly === null ? '' : `<script type="text/javascript">${bundleMark('cartesian')}, inlined for the explorer */\nif (!window.Plotly) {\n${plotly.replace(/<\/script/gi, '<\\/script')}\n}\n</script>`,
    `<script type="text/javascript">if (!window.dvExplorerStats) {${PAGE_STATS_JS}\nwindow.dvExplorerStats = dvExplorerStats;\n}\nif (!window.dvExplorerStart) {${PAGE_APP_JS}\nwindow.dvExplorerStart = dvExplorerStart;\n}\nif (window.Plotly) window.dvExplorerStart(${JSON.stringify(id)});\nelse document.getElementById(${JSON.stringify(ids('static'))}).insertAdjacentHTML('beforeend', '<p>plotly.js is not loaded in this page.</p>');</script>`,
  ].join('\n');
  const section = [
    `<section class="dv-explorer" id="${id}" lang="${lang}">`,
    `<style>${css}</style>`,
    t('h2', '', both((x) => x.explorer)),
    data.synthetic ? t('p', ' class="dv-explorer-synthetic"', both((x) => x.synthetic)) : '',
    t('p', ' class="dv-explorer-intro"', both((x) => x.intro)),
    `<div id="${ids('static')}">${staticPart}</div>`,
    app,
    scripts,
    `</section>`,
  ].join('\n');
  if (!page) return section;
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="${EXPLORER_GENERATOR}">\n<title>${escapeHtml(`${w.explorer}: ${data.title[lang]}`)}</title>\n<style>body{margin:1.5rem;background:#fff}</style>\n</head>\n<body>\n${section}\n</body>\n</html>\n`;
}

function short(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}

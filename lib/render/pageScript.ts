/**
 * What runs inside an export page: the seeded Math.random installed before
 * plotly, the blank page, and the drawing function (window.__dvDraw) that
 * draws a figure once, as Plotly.toImage does, and gives its SVG and PNG.
 */
import type { FigureSpec } from '../figures/types';

/** Installed in the page before plotly: a seeded Math.random that each figure resets. */
export const SEED_SCRIPT = `
(function () {
  var state = 0;
  window.__dvResetRandom = function () { state = 20240401; };
  window.__dvResetRandom();
  Math.random = function () {
    state = (state + 0x6d2b79f5) | 0;
    var t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
`;

export const PAGE_HTML = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>';

export interface DrawArgs {
  /** The figure spec as JSON (one string crosses to the page faster than the object). */
  specJson: string;
  width: number;
  height: number;
  scale: number;
  wantSvg: boolean;
  wantPng: boolean;
}
export interface DrawResult {
  svg?: string;
  /** The PNG as a Blob, read by the browser process (IO.read), never by the page. */
  png?: unknown;
  svgMs: number;
}

/**
 * Runs in the page (installed once per page as window.__dvDraw): draws the
 * figure once, exactly as Plotly.toImage does (off-screen div, staticPlot,
 * colorbar redraw, Snapshot.toSVG), and derives both outputs from that one
 * drawing: the SVG text, and the PNG by drawing that SVG on a canvas at the
 * given scale (what toImage does for 'png', in Snapshot.svgToImg).
 */
export const DRAW_IN_PAGE = String(async function dvDraw(a: DrawArgs): Promise<DrawResult> {
  type El = { style: Record<string, string>; _fullLayout: { width: number; height: number } };
  type Img = { onload: unknown; onerror: unknown; src: string };
  type Canvas = {
    width: number;
    height: number;
    getContext: (t: '2d', o: unknown) => { drawImage: (i: Img, x: number, y: number, w: number, h: number) => void; clearRect: (x: number, y: number, w: number, h: number) => void };
    toBlob: (cb: (b: unknown) => void, type: string) => void;
  };
  const w = globalThis as unknown as {
    Plotly: {
      newPlot: (gd: unknown, d: unknown, l: unknown, c: unknown) => Promise<unknown>;
      purge: (gd: unknown) => void;
      Snapshot: {
        getRedrawFunc: (gd: unknown) => () => void;
        getDelay: (fl: unknown) => number;
        toSVG: (gd: unknown, format: string, scale: number) => string;
      };
    };
    __dvResetRandom: () => void;
    __dvResetBBoxes?: () => void;
    Image: new () => Img;
    __dvCanvas?: Canvas;
    document: { createElement: (t: string) => El; body: { appendChild: (e: El) => void; removeChild: (e: El) => void } };
  };
  const t0 = performance.now();
  const spec = JSON.parse(a.specJson) as FigureSpec;
  w.__dvResetRandom();
  if (w.__dvResetBBoxes) w.__dvResetBBoxes();
  const S = w.Plotly.Snapshot;
  const gd = w.document.createElement('div');
  gd.style.position = 'absolute';
  gd.style.left = '-5000px';
  w.document.body.appendChild(gd);
  const layout = Object.assign({}, spec.layout, { width: a.width, height: a.height });
  const config = { staticPlot: true, _exportedPlot: true, setBackground: false };
  await w.Plotly.newPlot(gd, spec.data, layout, config);
  S.getRedrawFunc(gd)();
  await new Promise((res) => setTimeout(res, S.getDelay(gd._fullLayout)));
  const fw = gd._fullLayout.width;
  const fh = gd._fullLayout.height;
  // toImage passes scale 1 for 'svg': width/height stay, a viewBox is added.
  const svgText = S.toSVG(gd, a.wantSvg ? 'svg' : 'png', 1);
  w.Plotly.purge(gd);
  w.document.body.removeChild(gd);
  const out: DrawResult = { svgMs: performance.now() - t0 };
  if (a.wantSvg) out.svg = svgText;
  if (a.wantPng) {
    // The 'png' drawing of toImage is the same SVG without that viewBox.
    const pngSvg = a.wantSvg ? svgText.replace(/ viewBox="0 0 [0-9.]+ [0-9.]+"/, '') : svgText;
    // What Snapshot.svgToImg does (the SVG loaded as an image, drawn on a
    // canvas at the scale), with two changes that keep the bytes: the image
    // comes from a data: URL, which the page decodes itself, instead of a blob:
    // URL, which goes to the browser process's blob store and back (faster:
    // docs/benchmarks.md); and the PNG is
    // encoded with toBlob, which is faster than toDataURL here.
    const img = new w.Image();
    await new Promise((res, rej) => {
      img.onload = res;
      img.onerror = () => rej(new Error('the SVG did not load as an image'));
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(pngSvg);
    });
    // One canvas per page, cleared, instead of a new one (13 MB at 1400 x 600,
    // scale 2) per figure.
    const cw = a.scale * fw;
    const ch = a.scale * fh;
    const canvas = w.__dvCanvas ?? (w.document.createElement('canvas') as unknown as Canvas);
    w.__dvCanvas = canvas;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (canvas.width !== cw || canvas.height !== ch) {
      canvas.width = cw;
      canvas.height = ch;
    } else {
      ctx.clearRect(0, 0, cw, ch);
    }
    ctx.drawImage(img, 0, 0, cw, ch);
    // The Blob stays in the browser's blob store; Node reads it from there
    // (IO.read), so the page neither reads it back nor base64-encodes it.
    out.png = await new Promise<unknown>((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error('the canvas gave no PNG'))), 'image/png'));
  }
  return out;
});

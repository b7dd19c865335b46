/**
 * One figure renderer (headless Chromium with plotly.js) per Node process,
 * for `show()` in a notebook kernel: started by the first static image,
 * reused by the later ones, closed after DV_FIGURE_IDLE_MS (default 120 s)
 * without use and when the process exits.
 *
 * While it idles it does not keep Node alive: a script that called show()
 * ends when its own work ends (the browser is then killed with the process),
 * and a kernel keeps the browser until the idle timeout.
 *
 * DV_STATIC_FIGURES=0 switches the static images of show() off (no browser
 * at all); the notebook runner sets it, and adds the images afterwards for
 * all notebooks in one session (scripts/jupyter/staticFigures.ts).
 */
import { UserInputError } from '../util/errors';
import { FigureRenderer } from './renderer';
import { findChromium } from './browser';

/** The environment switch for show()'s static images: 0 (off) or 1 (on, the default). */
export const STATIC_FIGURES_ENV = 'DV_STATIC_FIGURES';
/** The environment the runner (and npm start) gives a kernel so that show() renders no static image (no browser). */
export const STATIC_FIGURES_OFF: Readonly<Record<string, string>> = { [STATIC_FIGURES_ENV]: '0' };
/** Milliseconds without use after which the shared browser is closed. */
export const IDLE_ENV = 'DV_FIGURE_IDLE_MS';
export const DEFAULT_IDLE_MS = 120_000;

/** Whether show() renders static images: $DV_STATIC_FIGURES (default on). */
export function staticFiguresEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env[STATIC_FIGURES_ENV] ?? '').trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === '0' || v === 'false' || v === 'no' || v === 'off') return false;
  throw new UserInputError(`${STATIC_FIGURES_ENV}=${JSON.stringify(env[STATIC_FIGURES_ENV])}: expected 0 (no static figure images) or 1 (static images, the default).`);
}

function idleMs(): number {
  const n = Number(process.env[IDLE_ENV]);
  return process.env[IDLE_ENV] !== undefined && Number.isFinite(n) && n >= 0 ? n : DEFAULT_IDLE_MS;
}

interface Shared {
  executablePath: string;
  renderer: Promise<FigureRenderer>;
}

let shared: Shared | null = null;
let active = 0;
let idleTimer: NodeJS.Timeout | null = null;
let launches = 0;

/** Browsers started by the shared renderer in this process, and whether one is open (for tests and diagnostics). */
export function sharedRendererInfo(): { launches: number; open: boolean; active: number } {
  return { launches, open: shared !== null, active };
}

/** Whether the browser's process and pipes keep Node's event loop alive. */
function keepAlive(r: FigureRenderer, on: boolean): void {
  const proc = r.childProcess();
  const set = (h: { ref?: () => unknown; unref?: () => unknown } | null | undefined) => {
    if (h) (on ? h.ref : h.unref)?.call(h);
  };
  set(proc);
  for (const s of proc.stdio) set(s as unknown as { ref?: () => unknown; unref?: () => unknown } | null);
}

function scheduleClose(r: FigureRenderer | null): void {
  if (idleTimer) clearTimeout(idleTimer);
  if (r) keepAlive(r, false);
  idleTimer = setTimeout(() => void closeSharedRenderer(), idleMs());
  idleTimer.unref();
}

/**
 * Runs `fn` with the process's shared renderer, starting it if needed (a
 * different Chromium binary than the open one's starts a new one).
 */
export async function withSharedRenderer<T>(fn: (r: FigureRenderer) => Promise<T>, options: { executablePath?: string } = {}): Promise<T> {
  const executablePath = findChromium(options.executablePath);
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  if (shared && shared.executablePath !== executablePath && active === 0) await closeSharedRenderer();
  active++;
  let renderer: FigureRenderer | null = null;
  try {
    for (let attempt = 0; ; attempt++) {
      if (!shared) {
        launches++;
        // No signal handlers of the renderer's: a kernel interrupts cells
        // with SIGINT, which must leave kernel and browser alone. The browser
        // ends with the process anyway: it exits when its pipe to Node closes.
        const p = FigureRenderer.launch({ executablePath, pages: 1, handleSignals: false });
        const s: Shared = { executablePath, renderer: p };
        shared = s;
        p.catch(() => {
          if (shared === s) shared = null;
        });
      }
      const s = shared;
      renderer = await s.renderer;
      if (!renderer.isClosed || attempt > 0) break;
      // The browser went away (crashed, killed): start another.
      if (shared === s) shared = null;
    }
    keepAlive(renderer, true);
    return await fn(renderer);
  } finally {
    active--;
    if (active === 0 && shared) scheduleClose(renderer && !renderer.isClosed ? renderer : null);
  }
}

/** Closes the shared browser now (the next show() starts another). */
export async function closeSharedRenderer(): Promise<void> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const s = shared;
  shared = null;
  if (!s) return;
  const r = await s.renderer.catch(() => null);
  await r?.close();
}

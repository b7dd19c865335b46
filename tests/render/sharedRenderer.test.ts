/**
 * show()'s static images: one browser per process (started by the first
 * show, reused, closed when idle, never keeping Node alive), and the
 * DV_STATIC_FIGURES switch (0: no browser at all).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM } from '../../lib/render/browser';
import { resetShow, show } from '../../lib/render/show';
import { closeSharedRenderer, sharedRendererInfo, staticFiguresEnabled, STATIC_FIGURES_ENV, withSharedRenderer } from '../../lib/render/sharedRenderer';
import type { FigureSpec } from '../../lib/figures/types';
import { UserInputError } from '../../lib/util/errors';

const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const hasChromium = fs.existsSync(chromium);
const ROOT = path.resolve(__dirname, '..', '..');

const spec = (title: string): FigureSpec => ({
  data: [{ type: 'bar', x: ['Aparctias', 'Notos', 'Zephyrus'], y: [3.2, 4.1, 2.7] }],
  layout: { title: { text: title }, width: 500, height: 320 },
});
const fakeDisplay = () => {
  const sent: string[] = [];
  return { sent, display: { html: (s: string) => void sent.push(s) } };
};
const staticSvg = (html: string): string | null => {
  const m = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
  return m ? Buffer.from(m[1], 'base64').toString('utf8') : null;
};

describe('DV_STATIC_FIGURES', () => {
  it('is on unless set to 0 (or false/no/off); other values are refused with the expected ones', () => {
    expect(staticFiguresEnabled({})).toBe(true);
    for (const v of ['1', 'true', 'on', 'yes', ' 1 ']) expect(staticFiguresEnabled({ [STATIC_FIGURES_ENV]: v })).toBe(true);
    for (const v of ['0', 'false', 'off', 'no', 'OFF']) expect(staticFiguresEnabled({ [STATIC_FIGURES_ENV]: v })).toBe(false);
    expect(() => staticFiguresEnabled({ [STATIC_FIGURES_ENV]: 'maybe' })).toThrow(UserInputError);
    expect(() => staticFiguresEnabled({ [STATIC_FIGURES_ENV]: 'maybe' })).toThrow(/DV_STATIC_FIGURES="maybe": expected 0 .* or 1/);
  });

  it('=0: show() starts no browser and sends the figure without a static image', async () => {
    const before = sharedRendererInfo().launches;
    process.env[STATIC_FIGURES_ENV] = '0';
    try {
      resetShow();
      const { sent, display } = fakeDisplay();
      await show(spec('Zonder beeld'), { display });
      await show(spec('Zonder beeld 2'), { display, fallback: 'png' });
      expect(sent).toHaveLength(2);
      for (const html of sent) {
        expect(html).not.toContain('<img alt=');
        expect(html).toContain('interactive figure: it needs JavaScript');
      }
      expect(sharedRendererInfo().launches).toBe(before);
      expect(sharedRendererInfo().open).toBe(false);
    } finally {
      delete process.env[STATIC_FIGURES_ENV];
      resetShow();
    }
  });
});

describe.skipIf(!hasChromium)('show() with one shared browser', () => {
  afterEach(() => resetShow());
  afterAll(() => closeSharedRenderer());

  it('two show() calls start one browser; the second is fast; the same spec gives the same image', { timeout: 180_000 }, async () => {
    await closeSharedRenderer();
    const before = sharedRendererInfo().launches;
    const { sent, display } = fakeDisplay();
    const t0 = performance.now();
    await show(spec('Eerste figuur'), { display });
    const first = performance.now() - t0;
    const t1 = performance.now();
    await show(spec('Tweede figuur'), { display });
    const second = performance.now() - t1;
    await show(spec('Eerste figuur'), { display });
    await show(spec('Als PNG'), { display, fallback: 'png' });
    expect(sharedRendererInfo().launches - before).toBe(1);
    expect(sharedRendererInfo().open).toBe(true);
    // the handle that lets an idle browser not keep Node alive
    expect(await withSharedRenderer(async (r) => r.childProcess()?.pid)).toBeGreaterThan(0);
    expect(sharedRendererInfo().launches - before).toBe(1);
    const svgs = sent.slice(0, 3).map(staticSvg);
    expect(svgs[0]).toContain('Eerste figuur');
    expect(svgs[1]).toContain('Tweede figuur');
    expect(svgs[1]).toContain('Zephyrus');
    expect(svgs[2] === svgs[0], 'the same spec, the same SVG').toBe(true);
    expect(sent[3]).toMatch(/src="data:image\/png;base64,iVBOR/);
    // the second figure needs no browser start (the first one did)
    expect(second).toBeLessThan(first);
    expect(second).toBeLessThan(5_000);
    // closed on request; the next show() starts another
    await closeSharedRenderer();
    expect(sharedRendererInfo().open).toBe(false);
    await show(spec('Na het sluiten'), { display });
    expect(staticSvg(sent[4])).toContain('Na het sluiten');
    expect(sharedRendererInfo().launches - before).toBe(2);
  });

  it('closes the browser after DV_FIGURE_IDLE_MS without use', { timeout: 120_000 }, async () => {
    process.env.DV_FIGURE_IDLE_MS = '300';
    try {
      await closeSharedRenderer();
      const { sent, display } = fakeDisplay();
      await show(spec('Even'), { display });
      expect(staticSvg(sent[0])).toContain('Even');
      expect(sharedRendererInfo().open).toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sharedRendererInfo().open).toBe(false);
    } finally {
      delete process.env.DV_FIGURE_IDLE_MS;
    }
  });

  it('a Node process that called show() twice exits promptly, and its browser with it', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-show-exit-'));
    const script = path.join(dir, 'show-twice.ts');
    const lib = (p: string) => JSON.stringify(path.join(ROOT, 'lib', 'render', p));
    fs.writeFileSync(
      script,
      `import { show } from ${lib('show')};
import { withSharedRenderer } from ${lib('sharedRenderer')};
const sent: string[] = [];
const display = { html: (s: string) => void sent.push(s) };
const spec = (t: string) => ({ data: [{ type: 'bar', x: ['a', 'b'], y: [1, 2] }], layout: { title: { text: t }, width: 400, height: 300 } });
(async () => {
  await show(spec('een'), { display });
  await show(spec('twee'), { display });
  const pid = await withSharedRenderer(async (r) => r.childProcess()?.pid ?? -1);
  const ok = sent.length === 2 && sent.every((h) => h.includes('data:image/svg+xml;base64,'));
  console.log(JSON.stringify({ ok, pid, at: Date.now() }));
})();
`,
    );
    try {
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script], { cwd: ROOT, env: { ...process.env, DV_FIGURE_IDLE_MS: '600000', TMPDIR: dir } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const exitedAt = Date.now();
      expect(code, err).toBe(0);
      const line = JSON.parse(out.trim().split('\n').at(-1)!) as { ok: boolean; pid: number; at: number };
      expect(line.ok).toBe(true);
      // exits when its work is done, not after the (here 10-minute) idle timeout
      expect(exitedAt - line.at).toBeLessThan(3_000);
      // and the browser did not outlive it (gone, or a zombie waiting to be reaped)
      expect(line.pid).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 500));
      let state = 'gone';
      try {
        state = /State:\s+(\w)/.exec(fs.readFileSync(`/proc/${line.pid}/status`, 'utf8'))?.[1] ?? 'gone';
      } catch {
        state = 'gone';
      }
      expect(['gone', 'Z', 'X']).toContain(state);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  });
  it('in a kernel-like process, SIGINT (a cell interrupt) leaves kernel and browser alone; SIGTERM ends both', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-show-signal-'));
    const script = path.join(dir, 'kernel.ts');
    const lib = (p: string) => JSON.stringify(path.join(ROOT, 'lib', 'render', p));
    fs.writeFileSync(
      script,
      `import { show } from ${lib('show')};
import { withSharedRenderer } from ${lib('sharedRenderer')};
process.on('SIGINT', () => console.log('interrupted'));
setInterval(() => undefined, 1000); // a kernel's event loop
(async () => {
  await show({ data: [{ type: 'bar', x: ['a'], y: [1] }], layout: { width: 300, height: 200 } } as never, { display: { html: () => undefined } });
  const pid = await withSharedRenderer(async (r) => r.childProcess()?.pid ?? -1);
  console.log('ready ' + pid);
})();
`,
    );
    const alive = (pid: number) => {
      try {
        return !/State:\s+[ZX]/.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false;
      }
    };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // one process (tsx as a require hook, not its CLI, which would relay signals to a child)
    const child = spawn(process.execPath, ['--require', path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs'), script], { cwd: ROOT, env: { ...process.env, TMPDIR: dir } });
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      for (let i = 0; i < 1200 && !/ready -?\d+/.test(out); i++) await sleep(100);
      const pid = Number(/ready (-?\d+)/.exec(out)?.[1]);
      expect(pid).toBeGreaterThan(0);
      child.kill('SIGINT');
      await sleep(1_500);
      expect(out).toContain('interrupted');
      expect(child.exitCode).toBeNull();
      expect(alive(pid), 'the browser survives a cell interrupt').toBe(true);
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      expect(child.exitCode !== null || child.signalCode !== null, 'SIGTERM ends the process').toBe(true);
      for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
      expect(alive(pid), 'and its browser').toBe(false);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  });
});

/**
 * The DevTools-protocol connection to Chromium (lib/render/chromium.ts) and
 * what the figure renderer builds on it: errors that say what failed, a
 * crashed page that ends its renderer, and pages that reach no network.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chromium, ChromiumError, PROFILE_PREFIX, sweepStaleProfiles } from '../../lib/render/chromium';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../lib/render/browser';
import { FigureRenderer, renderFigures } from '../../lib/render/renderer';
import { WARM_SPECS } from '../../lib/render/warmup';
import type { FigureSpec } from '../../lib/figures/types';

const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const hasChromium = fs.existsSync(chromium);

describe('profile folders left by browsers that are gone', () => {
  it('are removed when older than a minute and held by no running process; others stay', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-sweep-'));
    try {
      const make = (name: string, lock: string | null, ageMs: number) => {
        const d = path.join(tmp, name);
        fs.mkdirSync(path.join(d, 'Default'), { recursive: true });
        fs.writeFileSync(path.join(d, 'Default', 'Preferences'), '{}');
        if (lock !== null) fs.symlinkSync(lock, path.join(d, 'SingletonLock'));
        const t = (Date.now() - ageMs) / 1000;
        fs.utimesSync(d, t, t);
        return d;
      };
      const left = make(`${PROFILE_PREFIX}left`, null, 120_000);
      const deadOwner = make(`${PROFILE_PREFIX}dead`, `${os.hostname()}-999999999`, 120_000);
      const running = make(`${PROFILE_PREFIX}running`, `${os.hostname()}-${process.pid}`, 120_000);
      const otherHost = make(`${PROFILE_PREFIX}elsewhere`, 'another-host-1', 120_000);
      const young = make(`${PROFILE_PREFIX}young`, null, 5_000);
      const notOurs = make('someone-else-profile', null, 120_000);
      const removed = sweepStaleProfiles(tmp);
      expect(removed.sort()).toEqual([deadOwner, left].sort());
      for (const d of [left, deadOwner]) expect(fs.existsSync(d), d).toBe(false);
      for (const d of [running, otherHost, young, notOurs]) expect(fs.existsSync(d), d).toBe(true);
      expect(sweepStaleProfiles(path.join(tmp, 'no-such-folder'))).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('Chromium over the DevTools pipe', () => {
  it('a program that is not Chromium gives an error that says it exited, not a hang', { timeout: 30_000 }, async () => {
    const err = await Chromium.launch({ executablePath: '/bin/false', args: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumError);
    expect((err as Error).message).toMatch(/^Browser\.getVersion: Chromium exited \(code 1\)/);
  });

  it.skipIf(!hasChromium)('answers commands, names the command in an error, and refuses commands once closed', { timeout: 60_000 }, async () => {
    const b = await Chromium.launch({ executablePath: chromium, args: CHROMIUM_ARGS });
    expect(b.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const { targetId } = await b.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await b.send('Target.attachToTarget', { targetId, flatten: true });
    const r = await b.send('Runtime.evaluate', { expression: '6 * 7', returnByValue: true }, String(sessionId));
    expect((r.result as { value: number }).value).toBe(42);
    await expect(b.send('Nope.notACommand')).rejects.toThrow(/^Nope\.notACommand: .*(not found|wasn't found)/);
    await b.close();
    expect(b.isConnected).toBe(false);
    expect(b.process.exitCode !== null || b.process.signalCode !== null).toBe(true);
    await expect(b.send('Browser.getVersion')).rejects.toThrow(/^Browser\.getVersion: Chromium exited/);
    await b.close(); // idempotent
  });

  it.skipIf(!hasChromium)('a page that crashes rejects what waits on it, at once', { timeout: 60_000 }, async () => {
    const b = await Chromium.launch({ executablePath: chromium, args: CHROMIUM_ARGS });
    try {
      const { targetId } = await b.send('Target.createTarget', { url: 'about:blank' });
      const sid = String((await b.send('Target.attachToTarget', { targetId, flatten: true })).sessionId);
      const waiting = b.send('Runtime.evaluate', { expression: 'new Promise((r) => setTimeout(r, 60000))', awaitPromise: true }, sid);
      b.send('Page.crash', {}, sid).catch(() => undefined);
      await expect(waiting).rejects.toThrow(/^Runtime\.evaluate: the page crashed/);
      expect(b.isGone(sid)).toBe(true);
      expect(b.isGone()).toBe(false);
      await expect(b.send('Runtime.evaluate', { expression: '1' }, sid)).rejects.toThrow(/the page crashed/);
    } finally {
      await b.close();
    }
  });
});

describe.skipIf(!hasChromium)('the figure renderer on the pipe', () => {
  let server: http.Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('a figure that points at a web address is drawn, and its page asks the network for nothing', { timeout: 120_000 }, async () => {
    const spec: FigureSpec = {
      data: [{ type: 'bar', x: ['a', 'b'], y: [1, 2] }],
      layout: {
        title: { text: 'Met logo' },
        width: 400,
        height: 300,
        images: [{ source: `http://127.0.0.1:${port}/logo.png`, xref: 'paper', yref: 'paper', x: 0, y: 1, sizex: 0.2, sizey: 0.2 }],
      },
    };
    const out = await renderFigures([{ name: 'logo', spec }], { pages: 1 });
    expect(out.figures[0].svg).toContain('Met logo');
    expect(out.figures[0].png!.subarray(1, 4).toString('latin1')).toBe('PNG');
    // the control: the same address is reachable from Node
    await new Promise<void>((r) => http.get(`http://127.0.0.1:${port}/control`, (res) => (res.resume(), res.on('end', () => r()))));
    expect(requests).toEqual(['/control']);
  });

  it('a crashed page ends its renderer with an error naming the figure; a new renderer draws again', { timeout: 120_000 }, async () => {
    const spec: FigureSpec = { data: [{ type: 'bar', x: ['a'], y: [1] }], layout: { title: { text: 'Eén' }, width: 300, height: 200 } };
    const renderer = await FigureRenderer.launch({ pages: 1 });
    try {
      await renderer.prepare();
      // crash the page from inside while it draws: an infinite allocation would be slow, so ask the browser
      const internals = renderer as unknown as { browser: Chromium; lanes: Promise<{ sessionId: string }[]> };
      const [lane] = await internals.lanes;
      const drawing = renderer.render([{ name: 'crash-test', spec }]);
      internals.browser.send('Page.crash', {}, lane.sessionId).catch(() => undefined);
      await expect(drawing).rejects.toThrow(/^figure "crash-test": .*the page crashed/);
      await new Promise((r) => setTimeout(r, 100));
      expect(renderer.isClosed).toBe(true);
    } finally {
      await renderer.close();
    }
    const again = await renderFigures([{ name: 'again', spec }], { pages: 1, formats: ['svg'] });
    expect(again.figures[0].svg).toContain('Eén');
  });

  it('the warm-up figures every page draws first are house-style figures that draw completely', { timeout: 120_000 }, async () => {
    const out = await renderFigures(WARM_SPECS.map((spec, k) => ({ name: `warm-${k}`, spec })), { pages: 1, scale: 1 });
    for (const [k, f] of out.figures.entries()) {
      expect(f.svg, f.name).toContain('Figuur 0: ');
      expect(f.svg, f.name).toContain('synthetische data');
      expect(f.png!.readUInt32BE(16), f.name).toBe(WARM_SPECS[k].layout.width);
    }
    // the patterns-like one: four panels, each with its title
    for (const k of [1, 2, 3, 4]) expect(out.figures[1].svg).toContain(`Variabele ${k}`);
  });
});

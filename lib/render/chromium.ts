/**
 * A headless Chromium driven over the Chrome DevTools Protocol (CDP) on a
 * pipe (`--remote-debugging-pipe`: file descriptors 3 and 4, messages as JSON
 * ended by a NUL byte). This is the protocol playwright-core speaks to
 * Chromium underneath; the figure exporter talks it directly because it needs
 * only a few commands, and because two of them save most of the cost of
 * moving a figure's PNG out of the page (docs/benchmarks.md):
 * `IO.resolveBlob` and `IO.read` let the browser process read the PNG's Blob
 * and send it base64-encoded, so the page never reads it back or encodes it,
 * and no layer in Node parses or re-wraps the message more than once.
 *
 * Reference: https://chromedevtools.github.io/devtools-protocol/ (domains
 * Target, Runtime, Fetch, IO, Browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processAlive } from '../util/processAlive';

/** A CDP error reply, or the browser gone, or an exception thrown in the page. */
export class ChromiumError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumError';
  }
}

interface Pending {
  resolve: (v: Record<string, unknown>) => void;
  reject: (e: Error) => void;
  method: string;
  sessionId?: string;
}

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export interface LaunchChromiumOptions {
  executablePath: string;
  /** Command-line switches besides the pipe, profile and window ones this module adds. */
  args: readonly string[];
  /**
   * Kill the browser (and remove its profile folder) on SIGINT, SIGTERM and
   * SIGHUP, then let the signal have its usual effect (default true). False
   * leaves the process's signals alone; the browser still ends with Node,
   * because it exits when its pipe closes.
   */
  handleSignals?: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The profile folders' name in the temporary folder: dv-chromium-XXXXXX. */
export const PROFILE_PREFIX = 'dv-chromium-';

/**
 * Removes profile folders left in the temporary folder by browsers that are
 * gone: a process killed by a signal (a notebook kernel shut down with
 * SIGTERM, say) cannot remove its browser's folder, and the browser, which
 * exits when its pipe closes, does not remove it either. A folder counts as
 * left when it is older than a minute and no running process holds it:
 * Chromium keeps a SingletonLock link, "host-pid", in the folder while it
 * runs. Folders it cannot remove (another user's) are left alone.
 */
export function sweepStaleProfiles(dir: string = os.tmpdir(), now: number = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const folder = path.join(dir, name);
    try {
      const st = fs.statSync(folder);
      if (!st.isDirectory() || now - st.mtimeMs < 60_000) continue;
      let lock: string | null = null;
      try {
        lock = fs.readlinkSync(path.join(folder, 'SingletonLock'));
      } catch {
        lock = null;
      }
      const m = lock === null ? null : /^(.*)-(\d+)$/.exec(lock);
      if (m && m[1] === os.hostname() && processAlive(Number(m[2]))) continue;
      if (lock !== null && !m) continue; // a lock we do not understand: leave it
      if (m && m[1] !== os.hostname()) continue; // held on another machine (a shared folder)
      fs.rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // not ours to remove, or gone meanwhile
    }
  }
  return removed;
}

/** Switches this module always adds: the pipe, no first window (pages are opened by CDP). */
const PIPE_ARGS = ['--remote-debugging-pipe', '--no-startup-window'];

/** One running Chromium and its CDP connection. */
export class Chromium {
  /** The browser's version, e.g. "156.0.8078.108" (from Browser.getVersion). */
  version = '';
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Listener[]>();
  private readonly crashedSessions = new Set<string>();
  private readonly chunks: Buffer[] = [];
  private gone: string | null = null;
  private stderrTail = '';
  private readonly onSignal: ((signal: NodeJS.Signals) => void) | null;
  private readonly onExit: () => void;
  private readonly writer: NodeJS.WritableStream;

  private constructor(
    readonly process: ChildProcess,
    private readonly profileDir: string,
    handleSignals: boolean,
  ) {
    const [, , stderr, toBrowser, fromBrowser] = process.stdio as unknown as [null, null, NodeJS.ReadableStream, NodeJS.WritableStream, NodeJS.ReadableStream];
    this.writer = toBrowser;
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('error', () => undefined);
    toBrowser.on('error', () => undefined);
    stderr.on('data', (b: Buffer) => {
      // The last lines only, for the message if the browser dies.
      this.stderrTail = (this.stderrTail + b.toString('utf8')).slice(-2000);
    });
    process.on('exit', (code, signal) => this.disconnected(`Chromium exited (${signal ? `signal ${signal}` : `code ${code}`})`));
    process.on('error', (e) => this.disconnected(`Chromium could not run: ${e.message}`));
    this.onExit = () => this.killNow();
    globalThis.process.on('exit', this.onExit);
    this.onSignal = handleSignals
      ? (signal: NodeJS.Signals) => {
          this.killNow();
          this.removeProcessHooks();
          // The signal's usual effect (ending Node), unless someone else handles it.
          if (globalThis.process.listenerCount(signal) === 0) globalThis.process.kill(globalThis.process.pid, signal);
        }
      : null;
    if (this.onSignal) for (const s of SIGNALS) globalThis.process.on(s, this.onSignal);
  }

  /** Starts Chromium with a fresh profile folder and connects to it. */
  static async launch(options: LaunchChromiumOptions): Promise<Chromium> {
    sweepStaleProfiles();
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), PROFILE_PREFIX));
    const child = spawn(options.executablePath, [...options.args, ...PIPE_ARGS, `--user-data-dir=${profileDir}`], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    const browser = new Chromium(child, profileDir, options.handleSignals ?? true);
    try {
      const v = await browser.send('Browser.getVersion');
      // "Chrome/156.0.8078.108" or "HeadlessChrome/...": the number alone.
      browser.version = String(v.product ?? '').replace(/^[A-Za-z]+\//, '');
    } catch (e) {
      await browser.close();
      throw e;
    }
    return browser;
  }

  get isConnected(): boolean {
    return this.gone === null;
  }

  /** Whether the browser has gone, or (given a session) that page has crashed or closed. */
  isGone(sessionId?: string): boolean {
    return this.gone !== null || (sessionId !== undefined && this.crashedSessions.has(sessionId));
  }

  /** Sends one CDP command (to the browser, or to a page's session) and waits for its reply. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.gone !== null) return Promise.reject(new ChromiumError(`${method}: ${this.gone}`));
    if (sessionId && this.crashedSessions.has(sessionId)) return Promise.reject(new ChromiumError(`${method}: the page crashed`));
    const id = ++this.nextId;
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method, sessionId });
      this.writer.write(message + '\0');
    });
  }

  /** Calls `listener` on every event `method` (e.g. "Fetch.requestPaused"). */
  on(method: string, listener: Listener): void {
    const list = this.listeners.get(method) ?? [];
    list.push(listener);
    this.listeners.set(method, list);
  }

  /** Closes the browser (politely, then by force) and removes its profile folder. Idempotent. */
  async close(): Promise<void> {
    if (this.gone === null) {
      const exited = new Promise<void>((r) => this.process.once('exit', () => r()));
      this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.killNow(), 5_000);
      await exited;
      clearTimeout(timer);
    }
    this.removeProcessHooks();
    fs.rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0, start);
      if (end === -1) {
        if (start < chunk.length) this.chunks.push(chunk.subarray(start));
        return;
      }
      this.chunks.push(chunk.subarray(start, end));
      const text = this.chunks.length === 1 ? this.chunks[0].toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
      this.chunks.length = 0;
      start = end + 1;
      let msg: Parameters<Chromium['dispatch']>[0];
      try {
        msg = JSON.parse(text);
      } catch {
        // Not the protocol: nothing more on this pipe can be trusted.
        this.disconnected(`Chromium sent an unreadable message (${JSON.stringify(text.slice(0, 80))})`);
        this.killNow();
        return;
      }
      this.dispatch(msg);
    }
  }

  private dispatch(msg: { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message?: string }; sessionId?: string }): void {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new ChromiumError(`${p.method}: ${msg.error.message ?? 'failed'}`));
      else p.resolve(msg.result ?? {});
      return;
    }
    if (!msg.method) return;
    if ((msg.method === 'Inspector.targetCrashed' || msg.method === 'Target.detachedFromTarget') && (msg.sessionId || msg.params?.sessionId)) {
      const sid = String(msg.method === 'Inspector.targetCrashed' ? msg.sessionId : msg.params?.sessionId);
      this.crashedSessions.add(sid);
      const why = msg.method === 'Inspector.targetCrashed' ? 'the page crashed' : 'the page was closed';
      for (const [id, p] of this.pending) {
        if (p.sessionId === sid) {
          this.pending.delete(id);
          p.reject(new ChromiumError(`${p.method}: ${why}`));
        }
      }
    }
    for (const l of this.listeners.get(msg.method) ?? []) l(msg.params ?? {}, msg.sessionId);
  }

  private disconnected(why: string): void {
    if (this.gone !== null) return;
    const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
    this.gone = tail ? `${why}; its last output: ${tail}` : why;
    for (const [, p] of this.pending) p.reject(new ChromiumError(`${p.method}: ${this.gone}`));
    this.pending.clear();
  }

  private killNow(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        this.process.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    try {
      fs.rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // a file still held by a dying process: left in the temporary folder
    }
  }

  private removeProcessHooks(): void {
    globalThis.process.off('exit', this.onExit);
    if (this.onSignal) for (const s of SIGNALS) globalThis.process.off(s, this.onSignal);
  }
}

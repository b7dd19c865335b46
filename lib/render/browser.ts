/**
 * The headless Chromium the figures are drawn in: which binary, with which
 * flags, and how many pages draw at the same time.
 */
import * as os from 'node:os';
import * as fs from 'node:fs';
import { UserInputError } from '../util/errors';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium flags: headless, no sandbox (containers, root), nothing phoned
 * home, colours in sRGB whatever the machine's profile (the PNG's pixels depend
 * on it; playwright sets the same), no field trials (the same features on
 * every run), and pages that keep full speed while not in front.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--force-color-profile=srgb',
  '--disable-field-trial-config',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

/** The Chromium binary to use, or a UserInputError that says how to install it. */
export function findChromium(executablePath?: string): string {
  const p = executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!fs.existsSync(p)) {
    throw new UserInputError(
      `Chromium not found at ${p}. The figures are rendered by a headless Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-liberation) or set CHROMIUM_PATH to its binary.`,
    );
  }
  return p;
}

/**
 * Pages (renderer processes) that draw figures at the same time:
 * $DV_FIGURE_PAGES, else one per CPU core (more pages than cores are no
 * faster), at most 4.
 */
export function figurePages(): number {
  const n = Number(process.env.DV_FIGURE_PAGES);
  if (process.env.DV_FIGURE_PAGES !== undefined && process.env.DV_FIGURE_PAGES !== '') {
    if (!Number.isInteger(n) || n < 1 || n > 16) throw new UserInputError(`DV_FIGURE_PAGES=${JSON.stringify(process.env.DV_FIGURE_PAGES)}: expected a whole number of pages from 1 to 16.`);
    return n;
  }
  return Math.max(1, Math.min(4, os.cpus().length));
}

/**
 * `npm start`: opens the notebooks in Jupyter (JupyterLab when installed,
 * else the classic Notebook) with this project's TypeScript kernel.
 *
 *   npm start -- [--data DIR] [--lang nl|en] [--static-figures] [-- JUPYTER ARGS...]
 *
 * Builds dist/ (what the notebooks import), registers the tslab kernel in
 * .jupyter-env/ (never in your global Jupyter configuration), and starts
 * Jupyter in notebooks/ with that kernel as the default; --data and --lang
 * reach the notebooks as DV_DATA_DIR and DV_LANG. Arguments after a second
 * `--` go to Jupyter unchanged (e.g. `-- --no-browser --ip 0.0.0.0`).
 *
 * Figures are interactive (plotly.js in the page). show() can also render a
 * static SVG of each for viewers without JavaScript (one headless Chromium
 * per kernel, started by the first figure); a live notebook does not need
 * it, so npm start switches that off (the kernel gets DV_STATIC_FIGURES=0).
 * --static-figures keeps it.
 * `npm run reproduce` writes executed notebooks with the static images.
 *
 * Without a Jupyter front end it says what to install, and how to open the
 * notebooks in VS Code with the project kernel instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { findJupyter, JUPYTER_APP_APT_PACKAGES, JUPYTER_INSTALL_HINT, jupyterDirs, jupyterEnv, KERNEL_NAME, registerKernel } from './jupyter/jupyter';
import { STATIC_FIGURES_OFF } from '../lib/render/sharedRenderer';
import { buildDist } from './jupyter/buildDist';
import { runCli, UserInputError } from '../lib/util/errors';
import { parseLang, parseOptions } from '../lib/util/cliOptions';

const ROOT = path.resolve(__dirname, '..');
const USAGE = 'usage: npm start -- [--data DIR] [--lang nl|en] [--static-figures] [-- JUPYTER ARGS...]';

function parseArgs(argv: string[]): { dataDir: string | null; lang: 'nl' | 'en' | null; staticFigures: boolean; jupyterArgs: string[] } {
  const split = argv.indexOf('--');
  const own = split >= 0 ? argv.slice(0, split) : argv;
  const jupyterArgs = split >= 0 ? argv.slice(split + 1) : [];
  const o = parseOptions(own, { '--data': 'value', '--lang': 'value', '--static-figures': 'flag' }, USAGE);
  const dataDir = o.has('--data') ? path.resolve(o.get('--data') as string) : null;
  const lang = o.has('--lang') ? parseLang(o.get('--lang') as string) : null;
  const staticFigures = o.has('--static-figures');
  if (dataDir && !(fs.existsSync(dataDir) && fs.statSync(dataDir).isDirectory())) throw new UserInputError(`--data: ${dataDir} is not a folder.`);
  return { dataDir, lang, staticFigures, jupyterArgs };
}

/** What to do without a Jupyter front end: install one, or use VS Code with the project kernel. */
function noFrontEnd(headless: boolean): string {
  const d = jupyterDirs(ROOT);
  return [
    headless ? 'Jupyter can run the notebooks here (npm run reproduce), but no Jupyter front end (Notebook or JupyterLab) is installed.' : JUPYTER_INSTALL_HINT,
    '',
    'To open the notebooks in a browser, install the classic Notebook:',
    `  Debian/Ubuntu:  sudo apt-get install -y ${JUPYTER_APP_APT_PACKAGES.join(' ')}`,
    '  elsewhere:      pip install notebook   (or: pip install jupyterlab)',
    'and run npm start again.',
    '',
    'Or open them in VS Code (with the Jupyter extension), using this project\'s kernel:',
    `  1. npm run build                      (the notebooks import dist/)`,
    `  2. JUPYTER_PATH="${d.path}" code "${ROOT}"`,
    '     (the kernel "TypeScript (Delicate verbanden)" is registered there by npm start / npm run reproduce)',
    '  3. open notebooks/01-study-and-data.ipynb and pick that kernel ("Select Kernel" > "Jupyter Kernel...").',
  ].join('\n');
}

runCli(async () => {
  const { dataDir, lang, staticFigures, jupyterArgs } = parseArgs(process.argv.slice(2));
  // The kernel can be registered without Jupyter, so VS Code users get it too.
  const kernelDir = registerKernel(ROOT);
  const jupyter = findJupyter();
  if (!jupyter || (!jupyter.apps.lab && !jupyter.apps.notebook)) throw new UserInputError(noFrontEnd(jupyter !== null));

  process.stdout.write('Building dist/ (npm run build) ... ');
  console.log(buildDist(ROOT).skipped ? 'up to date.' : 'done.');

  const app = jupyter.apps.lab ? 'lab' : 'notebook';
  const env = jupyterEnv(ROOT, {
    ...(dataDir ? { DV_DATA_DIR: dataDir } : {}),
    ...(lang ? { DV_LANG: lang } : {}),
    ...(staticFigures ? {} : STATIC_FIGURES_OFF),
  });
  // Jupyter refuses to run as root (containers often are) unless told to
  const asRoot = process.getuid?.() === 0 && !jupyterArgs.includes('--allow-root') ? ['--allow-root'] : [];
  const args = [app, `--notebook-dir=${path.join(ROOT, 'notebooks')}`, `--MappingKernelManager.default_kernel_name=${KERNEL_NAME}`, ...asRoot, ...jupyterArgs];
  console.log(`Kernel: ${KERNEL_NAME} (TypeScript) in ${path.relative(process.cwd(), kernelDir) || kernelDir}`);
  console.log(`Data: ${dataDir ?? 'the shipped default data (data/)'}; labels: ${lang ?? 'nl'}`);
  console.log(`Figures: interactive${staticFigures ? ', with static images (one Chromium per kernel, started by its first figure)' : ' (no static images in the kernel; --static-figures adds them, npm run reproduce writes them)'}`);
  console.log(`Starting: jupyter ${args.join(' ')}   (stop with Ctrl-C)\n`);
  const [command, ...prefix] = jupyter.jupyter;
  const child = spawn(command, [...prefix, ...args], { cwd: ROOT, env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  await new Promise<void>((resolve, reject) => {
    child.on('error', (e) => reject(new UserInputError(`could not start jupyter ${app}: ${e.message}`)));
    child.on('exit', (code) => {
      process.exitCode = code ?? 0;
      resolve();
    });
  });
});

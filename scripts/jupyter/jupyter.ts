/**
 * Jupyter for this project only: finds the Jupyter installation, registers the
 * tslab TypeScript kernel in a project folder (`.jupyter-env/`, never the
 * user's global Jupyter configuration), and gives the environment variables
 * that make Jupyter use that folder.
 *
 * The kernelspec is what `tslab install --prefix .jupyter-env` writes, with
 * the project's own Node and tslab (node_modules) as absolute paths, so the
 * kernel runs the same Node as npm whatever is on PATH.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { UserInputError } from '../../lib/util/errors';

/** The project root (this file is scripts/jupyter/jupyter.ts). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Name of the kernelspec the notebooks declare (metadata.kernelspec.name). */
export const KERNEL_NAME = 'tslab';

/** Debian/Ubuntu packages that provide headless execution (nbconvert) and, optionally, the notebook app. */
export const JUPYTER_APT_PACKAGES = ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel'] as const;
export const JUPYTER_APP_APT_PACKAGES = ['jupyter-notebook'] as const;

/** The message shown when Jupyter is missing: what to install, exactly. */
export const JUPYTER_INSTALL_HINT = [
  'Jupyter is not installed (the notebooks run in Jupyter with the tslab TypeScript kernel). Install it:',
  '',
  `  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y ${JUPYTER_APT_PACKAGES.join(' ')}`,
  `                  (and ${JUPYTER_APP_APT_PACKAGES.join(' ')} to open the notebooks in a browser with npm start)`,
  '  elsewhere:      pip install nbconvert nbclient jupyter_client ipykernel notebook',
  '',
  'The tslab kernel itself comes with npm install (node_modules/tslab); nothing else is needed.',
].join('\n');

export interface JupyterInstall {
  /** The `jupyter` command: the one on PATH, or `python -m jupyter`. */
  jupyter: string[];
  /** A Python interpreter that can import nbconvert and nbclient (the one Jupyter runs on). */
  python: string;
  /** nbconvert's version. */
  nbconvert: string;
  /** Which front ends exist: `jupyter notebook`, `jupyter lab`. */
  apps: { notebook: boolean; lab: boolean };
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** The interpreter named in a script's #! line (jupyter is a Python console script). */
function shebangPython(script: string): string | null {
  try {
    const first = fs.readFileSync(script, 'utf8').split('\n', 1)[0];
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!m) return null;
    if (path.basename(m[1]) === 'env' && m[2]) return which(m[2]);
    return m[1];
  } catch {
    return null;
  }
}

/** One Python start: the modules the runner needs, and whether the Notebook and JupyterLab apps are installed (for npm start). */
const PROBE = [
  'import json, importlib.util, nbconvert, nbclient, nbformat, jupyter_client',
  'has = lambda m: importlib.util.find_spec(m) is not None',
  'print(json.dumps({"nbconvert": nbconvert.__version__, "notebook": has("notebook"), "lab": has("jupyterlab")}))',
].join('\n');

/** findJupyter's answers in this process, by PATH and candidates (each answer costs a Python start). */
const found = new Map<string, JupyterInstall | null>();

/**
 * Finds Jupyter: the `jupyter` command and a Python that imports nbconvert and
 * nbclient (the #! interpreter of `jupyter` first, then python3 on PATH and
 * /usr/bin/python3: a pyenv or venv python3 earlier on PATH often lacks them).
 * Null when there is none.
 */
export function findJupyter(options: { pythons?: readonly string[] } = {}): JupyterInstall | null {
  const jupyter = which('jupyter');
  const candidates = options.pythons ?? [jupyter ? shebangPython(jupyter) : null, which('python3'), '/usr/bin/python3'].filter((p): p is string => !!p);
  const key = JSON.stringify([process.env.PATH ?? '', jupyter, candidates]);
  if (found.has(key)) return found.get(key)!;
  let result: JupyterInstall | null = null;
  for (const python of [...new Set(candidates)]) {
    const r = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
    if (r.error || r.status !== 0) continue;
    let probe: { nbconvert: string; notebook: boolean; lab: boolean };
    try {
      probe = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '');
    } catch {
      continue;
    }
    result = {
      jupyter: jupyter && shebangPython(jupyter) === python ? [jupyter] : [python, '-m', 'jupyter'],
      python,
      nbconvert: probe.nbconvert,
      apps: { notebook: probe.notebook, lab: probe.lab },
    };
    break;
  }
  found.set(key, result);
  return result;
}

/** Like findJupyter, but throws the install hint (a UserInputError: printed without a stack trace). */
export function requireJupyter(options: { pythons?: readonly string[] } = {}): JupyterInstall {
  const j = findJupyter(options);
  if (!j) throw new UserInputError(JUPYTER_INSTALL_HINT);
  return j;
}

/** The project-local Jupyter folders. */
export function jupyterDirs(root = PROJECT_ROOT) {
  const base = path.join(root, '.jupyter-env');
  return {
    base,
    /** Searched for kernelspecs first ({prefix}/share/jupyter, as `tslab install --prefix`). */
    path: path.join(base, 'share', 'jupyter'),
    config: path.join(base, 'config'),
    data: path.join(base, 'data'),
    runtime: path.join(base, 'runtime'),
    kernel: path.join(base, 'share', 'jupyter', 'kernels', KERNEL_NAME),
  };
}

/**
 * Environment for every Jupyter process of the project: Jupyter's kernel
 * search path, configuration, data and runtime folders all inside
 * `.jupyter-env/`, so the project neither reads nor writes ~/.jupyter or
 * ~/.local/share/jupyter.
 */
export function jupyterEnv(root = PROJECT_ROOT, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const d = jupyterDirs(root);
  return {
    ...process.env,
    JUPYTER_PATH: d.path,
    JUPYTER_CONFIG_DIR: d.config,
    JUPYTER_DATA_DIR: d.data,
    JUPYTER_RUNTIME_DIR: d.runtime,
    ...extra,
  };
}

/** The kernelspec (kernel.json) of the project's tslab kernel. */
export function kernelSpec(root = PROJECT_ROOT): { argv: string[]; display_name: string; language: string; env: Record<string, string> } {
  const tslab = path.join(root, 'node_modules', 'tslab', 'bin', 'tslab');
  if (!fs.existsSync(tslab)) {
    throw new UserInputError(`tslab (the TypeScript kernel) is not installed: ${path.relative(process.cwd(), tslab) || tslab} is missing. Run npm install in ${root}.`);
  }
  return {
    argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (Delicate verbanden)',
    language: 'typescript',
    env: {},
  };
}

/**
 * Registers the tslab kernel for this project: writes
 * `.jupyter-env/share/jupyter/kernels/tslab/kernel.json` (only when it
 * changed) and creates the other project Jupyter folders. Returns the kernel
 * folder.
 */
export function registerKernel(root = PROJECT_ROOT): string {
  const d = jupyterDirs(root);
  for (const dir of [d.kernel, d.config, d.data, d.runtime]) fs.mkdirSync(dir, { recursive: true });
  const file = path.join(d.kernel, 'kernel.json');
  const text = JSON.stringify(kernelSpec(root), null, 1) + '\n';
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  return d.kernel;
}

/**
 * Output you can trust (lib/util/outputFolder.ts): a folder is replaced only
 * by a complete run, a failed run leaves the previous output and no partial
 * folder, nothing stale survives, leftovers of a run that died are cleaned
 * up, and what a command reads or did not make is never written over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tempDirs';
import { UserInputError } from '../../lib/util/errors';
import {
  OUTPUT_MARKER,
  assertReplaceable,
  checkDataFolder,
  checkOutputFile,
  checkOutputFolder,
  freshMarkedFolder,
  recoverOutputFolder,
  removeMarkedFolder,
  replaceOutputFolder,
  writeFileReplacing,
} from '../../lib/util/outputFolder';

/** A process id no process has (above Linux's pid_max). */
const DEAD_PID = 2_000_000_000;

const write = (file: string, text = 'x') => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
/** Every file under a folder, relative, sorted. */
const tree = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();

/** A folder as a complete earlier run of `kind` left it. */
async function earlierOutput(out: string, kind: 'reproduce' | 'figures', files: string[]): Promise<void> {
  await replaceOutputFolder(out, kind, (dir) => files.forEach((f) => write(path.join(dir, f), `old ${f}`)));
}

describe('replaceOutputFolder', () => {
  it('builds in a fresh sibling folder and swaps it in: old files (figures of networks no longer in the data) are gone', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    await earlierOutput(out, 'figures', ['fig01-portrait-a.svg', 'fig01-portrait-b.svg', 'fig02.png']);
    let building = '';
    const result = await replaceOutputFolder(out, 'figures', (dir) => {
      building = dir;
      expect(path.dirname(dir)).toBe(root);
      expect(path.basename(dir)).toBe(`out.partial-${process.pid}`);
      expect(fs.readdirSync(dir)).toEqual([]); // fresh: nothing of the earlier run
      expect(fs.readFileSync(path.join(out, 'fig02.png'), 'utf8')).toBe('old fig02.png'); // the old output is in place meanwhile
      write(path.join(dir, 'fig01-portrait-a.svg'), 'new');
      write(path.join(dir, 'fig02.png'), 'new');
      return 42;
    });
    expect(result).toBe(42);
    expect(tree(out)).toEqual([OUTPUT_MARKER, 'fig01-portrait-a.svg', 'fig02.png']);
    expect(fs.readFileSync(path.join(out, 'fig02.png'), 'utf8')).toBe('new');
    expect(fs.existsSync(building)).toBe(false);
    expect(fs.readdirSync(root)).toEqual(['out']); // no partial, no old folder
    expect(fs.readFileSync(path.join(out, OUTPUT_MARKER), 'utf8')).toContain('"npm run figures"');
  });

  it('creates the output (and its parent) when there was none', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'a', 'b', 'out');
    await replaceOutputFolder(out, 'reproduce', (dir) => write(path.join(dir, 'report.html')));
    expect(tree(out)).toEqual([OUTPUT_MARKER, 'report.html']);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['out']);
  });

  it('leaves the previous output intact and no partial folder when the run fails in the middle', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    await earlierOutput(out, 'reproduce', ['report.html', 'figures/fig01.svg', 'notebooks/01.ipynb']);
    const before = tree(out);
    await expect(
      replaceOutputFolder(out, 'reproduce', async (dir) => {
        write(path.join(dir, 'notebooks', '01.ipynb'), 'new');
        await new Promise((r) => setTimeout(r, 5));
        throw new UserInputError('a notebook failed');
      }),
    ).rejects.toThrow(/^a notebook failed\n\(.*out is unchanged/);
    expect(tree(out)).toEqual(before);
    expect(fs.readFileSync(path.join(out, 'notebooks', '01.ipynb'), 'utf8')).toBe('old notebooks/01.ipynb');
    expect(fs.readdirSync(root)).toEqual(['out']);
  });

  it('passes on an internal error unchanged, and writes nothing when there was no output', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    const bug = new TypeError('bug');
    await expect(replaceOutputFolder(out, 'figures', () => Promise.reject(bug))).rejects.toBe(bug);
    expect(bug.message).toBe('bug');
    await expect(replaceOutputFolder(out, 'figures', () => Promise.reject(new UserInputError('no Chromium')))).rejects.toThrow(/no Chromium\n\(nothing was written to /);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('replaces an empty folder, and an output of the versions before the marker', async () => {
    const root = tempDir('dv-out-');
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    await replaceOutputFolder(empty, 'reproduce', (dir) => write(path.join(dir, 'report.html')));
    const legacy = path.join(root, 'legacy');
    for (const f of ['report.html', 'figures/a.svg', 'notebooks/01.ipynb']) write(path.join(legacy, f));
    await replaceOutputFolder(legacy, 'reproduce', (dir) => write(path.join(dir, 'report.html')));
    expect(tree(legacy)).toEqual([OUTPUT_MARKER, 'report.html']);
    const figures = path.join(root, 'figures');
    for (const f of ['a.svg', 'a.png']) write(path.join(figures, f));
    await replaceOutputFolder(figures, 'figures', (dir) => write(path.join(dir, 'b.svg')));
    expect(tree(figures)).toEqual([OUTPUT_MARKER, 'b.svg']);
  });

  it('refuses, before building, a folder it did not make, a file, a symbolic link and another command\'s output', async () => {
    const root = tempDir('dv-out-');
    const home = path.join(root, 'home');
    write(path.join(home, 'thesis.docx'));
    write(path.join(home, 'report.html'));
    const file = path.join(root, 'file');
    write(file);
    const link = path.join(root, 'link');
    fs.symlinkSync(home, link);
    const figures = path.join(root, 'figures');
    await earlierOutput(figures, 'figures', ['a.svg']);
    let built = false;
    const build = () => {
      built = true;
    };
    await expect(replaceOutputFolder(home, 'reproduce', build)).rejects.toThrow(/home is a folder that this tool did not make \(no \.delicate-verbanden-output in it\), and it holds other files: thesis\.docx\./);
    await expect(replaceOutputFolder(file, 'reproduce', build)).rejects.toThrow(/is a file, not a folder/);
    await expect(replaceOutputFolder(link, 'reproduce', build)).rejects.toThrow(/is a symbolic link/);
    await expect(replaceOutputFolder(figures, 'reproduce', build)).rejects.toThrow(/holds the output of "npm run figures", not of "npm run reproduce"/);
    expect(built).toBe(false);
    expect(tree(home)).toEqual(['report.html', 'thesis.docx']);
    expect(fs.readdirSync(root).sort()).toEqual(['figures', 'file', 'home', 'link']);
  });

  it('checks again before the swap: a folder that changed during the run is not replaced', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    await expect(
      replaceOutputFolder(out, 'reproduce', (dir) => {
        write(path.join(out, 'mine.txt')); // someone put a file of their own there meanwhile
        write(path.join(dir, 'report.html'));
      }),
    ).rejects.toThrow(/did not make/);
    expect(tree(out)).toEqual(['mine.txt']);
    expect(fs.readdirSync(root)).toEqual(['out']);
  });
});

describe('recoverOutputFolder (a run that died)', () => {
  it('puts the previous output back when the run died between the two renames', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    await earlierOutput(out, 'reproduce', ['report.html']);
    fs.renameSync(out, `${out}.old-${DEAD_PID}`);
    fs.mkdirSync(`${out}.partial-${DEAD_PID}`); // incomplete: no marker
    write(path.join(`${out}.partial-${DEAD_PID}`, 'report.html'), 'half');
    const lines = recoverOutputFolder(out);
    expect(lines).toEqual([`recovered ${out} from out.old-${DEAD_PID}, left by a run that stopped while replacing it`, `removed out.partial-${DEAD_PID}, left by a run that stopped (process ${DEAD_PID})`]);
    expect(fs.readdirSync(root)).toEqual(['out']);
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toBe('old report.html');
  });

  it('puts a complete new folder in place (its marker is written last), and removes the old one', async () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    await earlierOutput(out, 'reproduce', ['report.html']);
    fs.renameSync(out, `${out}.old-${DEAD_PID}`);
    const partial = `${out}.partial-${DEAD_PID}`;
    write(path.join(partial, 'report.html'), 'new');
    write(path.join(partial, OUTPUT_MARKER), '"npm run reproduce"');
    await replaceOutputFolder(out, 'reproduce', (dir) => {
      // the next run sees the recovered folder as the current output
      expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toBe('new');
      write(path.join(dir, 'report.html'), 'newest');
    });
    expect(fs.readdirSync(root)).toEqual(['out']);
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toBe('newest');
  });

  it('removes leftovers when the output is in place, and leaves those of a running process and other names alone', () => {
    const root = tempDir('dv-out-');
    const out = path.join(root, 'out');
    for (const name of ['out', `out.old-${DEAD_PID}`, `out.partial-${DEAD_PID}`, `out.partial-${process.ppid}`, 'out.partial-x', 'output.partial-1']) fs.mkdirSync(path.join(root, name));
    expect(recoverOutputFolder(out)).toHaveLength(2);
    expect(fs.readdirSync(root).sort()).toEqual(['out', `out.partial-${process.ppid}`, 'out.partial-x', 'output.partial-1'].sort());
    expect(recoverOutputFolder(out)).toEqual([]);
  });
});

describe('checkOutputFolder and checkOutputFile (nothing written into what is read)', () => {
  const setUp = () => {
    const root = tempDir('dv-out-');
    const data = path.join(root, 'data');
    write(path.join(data, 'survey.csv'), 'respondent_id,network\n');
    write(path.join(data, 'instrument.json'), '{}');
    return { root, data, reads: [{ path: data, what: 'the data folder' }, { path: path.join(data, 'instrument.json'), what: 'the codebook' }] };
  };

  it('refuses an out folder that is, contains or lies inside the data folder (also through a symbolic link)', () => {
    const { root, data, reads } = setUp();
    fs.symlinkSync(data, path.join(root, 'alias'));
    expect(() => checkOutputFolder(data, 'reproduce', { reads })).toThrow(/^--out: .*data is the data folder; a command never writes to what it reads/);
    expect(() => checkOutputFolder(path.join(data, 'out'), 'reproduce', { reads })).toThrow(/lies inside the data folder/);
    expect(() => checkOutputFolder(path.join(root, 'alias', 'out'), 'figures', { reads })).toThrow(/lies inside the data folder/);
    expect(() => checkOutputFolder(root, 'reproduce', { reads })).toThrow(/contains the data folder/);
    expect(() => checkOutputFolder('/', 'reproduce')).toThrow(/root of the file system|did not make/);
    expect(checkOutputFolder(path.join(root, 'out'), 'reproduce', { reads })).toBe(path.join(root, 'out'));
    expect(fs.readdirSync(root).sort()).toEqual(['alias', 'data']); // checking writes nothing
  });

  it('refuses an out file that is read, lies in the data folder, is a folder, or is not ours', () => {
    const { root, data, reads } = setUp();
    const isOurs = (f: string) => fs.readFileSync(f, 'utf8').startsWith('REPORT');
    expect(() => checkOutputFile(path.join(data, 'instrument.json'), { reads: [reads[1]], isOurs })).toThrow(/is the codebook, which this command reads/);
    expect(() => checkOutputFile(path.join(data, 'survey.csv'), { reads, isOurs })).toThrow(/survey\.csv (is|lies inside) the data folder/);
    expect(() => checkOutputFile(path.join(data, 'report.html'), { reads, isOurs })).toThrow(/lies inside the data folder/);
    expect(() => checkOutputFile(root, { reads, isOurs })).toThrow(/is a folder; give the file to write/);
    write(path.join(root, 'notes.html'), 'my notes');
    expect(() => checkOutputFile(path.join(root, 'notes.html'), { reads, isOurs, what: 'a report' })).toThrow(/exists and is not a report of this tool; it is never overwritten/);
    write(path.join(root, 'report.html'), 'REPORT old');
    expect(checkOutputFile(path.join(root, 'report.html'), { reads, isOurs })).toBe(path.join(root, 'report.html'));
    expect(fs.readFileSync(path.join(data, 'survey.csv'), 'utf8')).toBe('respondent_id,network\n');
  });

  it('accepts a data folder with survey.csv or survey.sav, and words a missing survey as loadStudyData does', () => {
    const { root, data } = setUp();
    expect(checkDataFolder(data)).toBe(data);
    const sav = path.join(root, 'sav');
    write(path.join(sav, 'survey.sav'));
    expect(checkDataFolder(sav)).toBe(sav);
    const none = path.join(root, 'none');
    fs.mkdirSync(none);
    expect(() => checkDataFolder(none)).toThrow(`--data: ${none} has no survey.csv or survey.sav. A study folder holds survey.csv (or survey.sav with an optional mapping.json)`);
    expect(() => checkDataFolder(path.join(root, 'nope'))).toThrow(/^--data: .*nope is not a folder/);
  });
});

describe('writeFileReplacing', () => {
  it('writes the file whole through a temporary file beside it, and removes leftovers of writers that are gone', () => {
    const root = tempDir('dv-out-');
    const file = path.join(root, 'sub', 'report.html');
    write(path.join(root, 'sub', `.report.html.partial-${DEAD_PID}`), 'half');
    writeFileReplacing(file, 'one');
    writeFileReplacing(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['report.html']);
  });

  it('says when the folder cannot be written', () => {
    const root = tempDir('dv-out-');
    write(path.join(root, 'blocker'));
    expect(() => writeFileReplacing(path.join(root, 'blocker', 'report.html'), 'x')).toThrow(/^--out: cannot write .*report\.html \((ENOTDIR|EEXIST)\)/);
  });
});

describe('the folder of a failed run (<out>.failed)', () => {
  it('is made fresh, removed only when it is ours, and never replaces a folder of someone else', () => {
    const root = tempDir('dv-out-');
    const failed = path.join(root, 'out.failed');
    expect(freshMarkedFolder(failed, 'reproduce (failed run)')).toBe(true);
    write(path.join(failed, '08-decisions.ipynb'));
    expect(freshMarkedFolder(failed, 'reproduce (failed run)')).toBe(true);
    expect(tree(failed)).toEqual([OUTPUT_MARKER]);
    removeMarkedFolder(failed, 'reproduce (failed run)');
    expect(fs.existsSync(failed)).toBe(false);
    write(path.join(failed, 'mine.txt'));
    expect(freshMarkedFolder(failed, 'reproduce (failed run)')).toBe(false);
    removeMarkedFolder(failed, 'reproduce (failed run)');
    expect(tree(failed)).toEqual(['mine.txt']);
    expect(() => assertReplaceable(failed, 'reproduce')).toThrow(UserInputError);
  });
});

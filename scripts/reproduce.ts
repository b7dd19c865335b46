/**
 * `npm run reproduce`: the main job on the shipped default data (or your own,
 * with --data DIR). Regenerates the synthetic data in memory and checks the
 * shipped files equal it, loads the data through the validating loaders,
 * checks every calibration target of the report (data/PROVENANCE.md), and
 * prints a summary per network. Exit code 1 when anything fails.
 *
 *   npm run reproduce -- [--data DIR] [--lang nl|en]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInstrument } from '../lib/data/instrument';
import { generateDefaultData } from '../lib/data/generateDefaultData';
import { readSurveyCsv } from '../lib/data/readSurveyCsv';
import { readNetworksCsv } from '../lib/data/readNetworksCsv';
import { readPilotCsv } from '../lib/data/readPilotCsv';
import { isSyntheticOrigin } from '../lib/data/synthetic';
import { checkCalibration } from '../lib/analysis/checkCalibration';
import { networkSummary, formatNetworkSummary } from '../lib/analysis/networkSummary';
import { runCli, UserInputError } from '../lib/util/errors';

const DEFAULT_DATA = path.resolve(__dirname, '..', 'data');

function parseArgs(argv: string[]): { dataDir: string; lang: 'nl' | 'en' } {
  let dataDir = DEFAULT_DATA;
  let lang: 'nl' | 'en' = 'nl';
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--data') dataDir = path.resolve(argv[++k] ?? '');
    else if (a.startsWith('--data=')) dataDir = path.resolve(a.slice(7));
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++k] : a.slice(7);
      if (v !== 'nl' && v !== 'en') throw new UserInputError(`--lang: expected "nl" or "en", found ${JSON.stringify(v)}`);
      lang = v;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npm run reproduce -- [--data DIR] [--lang nl|en]');
      process.exit(0);
    } else throw new UserInputError(`unknown option ${JSON.stringify(a)}; usage: npm run reproduce -- [--data DIR] [--lang nl|en]`);
  }
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new UserInputError(`--data: ${dataDir} is not a folder. Give a folder holding survey.csv (and optionally networks.csv, instrument.json).`);
  }
  return { dataDir, lang };
}

runCli(() => {
  const { dataDir, lang } = parseArgs(process.argv.slice(2));
  const isDefault = dataDir === DEFAULT_DATA;
  const instrumentFile = fs.existsSync(path.join(dataDir, 'instrument.json')) ? path.join(dataDir, 'instrument.json') : path.join(DEFAULT_DATA, 'instrument.json');
  const instrument = readInstrument(instrumentFile);
  let failures = 0;

  console.log(`Delicate verbanden: reproduce on ${path.relative(process.cwd(), dataDir) || '.'}`);
  if (isDefault) {
    const expected = generateDefaultData(instrument);
    for (const [name, text] of Object.entries(expected)) {
      const same = fs.readFileSync(path.join(dataDir, name), 'utf8') === text;
      if (!same) failures++;
      console.log(`  ${same ? 'ok  ' : 'FAIL'} data/${name} ${same ? 'equals the generator output' : 'differs from the generator output: run npm run data'}`);
    }
  }

  const networksFile = path.join(dataDir, 'networks.csv');
  const networks = fs.existsSync(networksFile) ? readNetworksCsv(networksFile) : null;
  const knownNetworks = networks ? (networks.table.array('network') as string[]) : undefined;
  const survey = readSurveyCsv(path.join(dataDir, 'survey.csv'), { instrument, networks: knownNetworks });
  const pilotFile = path.join(dataDir, 'pilot.csv');
  const pilot = fs.existsSync(pilotFile) ? readPilotCsv(pilotFile, { instrument }) : null;
  for (const w of [...(networks?.warnings ?? []), ...survey.warnings, ...(pilot?.warnings ?? [])]) console.log(`  warning: ${w}`);
  const synthetic = survey.table.columnNames().includes('data_origin') && isSyntheticOrigin(survey.table.array('data_origin') as unknown[]);
  console.log(`  loaded ${survey.rows} survey rows${networks ? `, ${networks.rows} networks` : ''}${pilot ? `, ${pilot.rows} pilot rows` : ''}${synthetic ? ' (SYNTHETIC DATA)' : ''}`);
  console.log('');

  const rows = survey.table.objects() as Record<string, unknown>[];
  const summary = networkSummary(rows, instrument, { networks: networks ? (networks.table.objects() as Record<string, unknown>[]) : undefined });
  console.log(formatNetworkSummary(summary, instrument, lang));

  if (isDefault && networks) {
    const checks = checkCalibration({ instrument, survey: rows, networks: networks.table.objects() as Record<string, unknown>[], pilot: pilot ? (pilot.table.objects() as Record<string, unknown>[]) : undefined });
    const failed = checks.filter((c) => !c.pass);
    failures += failed.length;
    console.log(`Calibration against the report: ${checks.length - failed.length} of ${checks.length} checks pass (data/PROVENANCE.md)`);
    for (const c of failed) console.log(`  FAIL ${c.id} (${c.section}): ${c.claim}; expected ${c.expected}, found ${c.observed}`);
  }
  if (failures > 0) {
    process.exitCode = 1;
    console.log(`\n${failures} check${failures === 1 ? '' : 's'} failed.`);
  } else console.log('\nAll checks pass.');
});

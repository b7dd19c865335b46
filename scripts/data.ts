/**
 * `npm run data`: regenerate the synthetic default data in data/ from the
 * codebook and the calibration table (lib/data/calibration.ts), and the
 * synthetic interview data in data/interviews/ (lib/qual/defaultData).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { readInstrument } from '../lib/io/instrument';
import { generateDefaultData } from '../lib/data/generateDefaultData';
import { runCli } from '../lib/util/errors';
import { writeInterviewData } from '../lib/qual/defaultData/writeInterviewData';

runCli(() => {
  const dataDir = path.resolve(__dirname, '..', 'data');
  const files = generateDefaultData(readInstrument());
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dataDir, name);
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    fs.writeFileSync(file, text);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    const lines = text.split('\n').length - 2;
    console.log(`${before === text ? 'unchanged' : before === null ? 'written  ' : 'updated  '} data/${name}  ${lines} rows  sha256 ${hash}  (synthetic)`);
  }
  // The interview strand: synthetic reports and codings (data/interviews/README.md).
  for (const line of writeInterviewData()) console.log(line);
});

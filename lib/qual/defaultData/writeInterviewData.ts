/**
 * Regenerates data/interviews/ (everything except its README.md) from the
 * reports and the seed: `npx tsx lib/qual/defaultData/writeInterviewData.ts`.
 * tests/qual/regenerate.test.ts checks that the shipped files equal this output
 * byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli } from '../../util/errors';
import { generateInterviewFiles } from './generate';
import { INTERVIEW_DATA_DIR } from './paths';

/** Writes the files and returns one status line per file. */
export function writeInterviewData(dir: string = INTERVIEW_DATA_DIR): string[] {
  const lines: string[] = [];
  for (const [name, content] of Object.entries(generateInterviewFiles())) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
    if (!before || !before.equals(bytes)) fs.writeFileSync(file, bytes);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    lines.push(`${before?.equals(bytes) ? 'unchanged' : before === null ? 'written  ' : 'updated  '} data/interviews/${name}  ${bytes.length} bytes  sha256 ${hash}  (synthetic)`);
  }
  return lines;
}

if (require.main === module) runCli(() => void writeInterviewData().forEach((l) => console.log(l)));

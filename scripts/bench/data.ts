/**
 * Benchmark data: the same generated matrices go to this library and to R,
 * through a little binary file (float64, little-endian, row-major, with a
 * 16-byte header of rows and columns), so both sides time the same numbers.
 */
import * as fs from 'node:fs';
import { createRandom } from '../../lib/util/random';

/**
 * Likert answers 1-5 for `rows` respondents on `cols` items from a model
 * with `factors` correlated-free factors (items assigned round-robin),
 * loading .7, seeded.
 */
export function likertMatrix(rows: number, cols: number, factors: number, seed: string): Float64Array {
  const rng = createRandom(seed);
  const out = new Float64Array(rows * cols);
  const f = new Float64Array(factors);
  const loading = 0.7;
  const noise = Math.sqrt(1 - loading * loading);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < factors; k++) f[k] = rng.normal();
    for (let j = 0; j < cols; j++) {
      const z = loading * f[j % factors] + noise * rng.normal();
      out[i * cols + j] = Math.min(5, Math.max(1, Math.round(3 + 1.1 * z)));
    }
  }
  return out;
}

export function writeMatrix(file: string, values: Float64Array, rows: number, cols: number): void {
  const header = Buffer.alloc(16);
  header.writeDoubleLE(rows, 0);
  header.writeDoubleLE(cols, 8);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, header);
  fs.writeSync(fd, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  fs.closeSync(fd);
}

export function readMatrix(file: string): number[][] {
  const buf = fs.readFileSync(file);
  const rows = buf.readDoubleLE(0);
  const cols = buf.readDoubleLE(8);
  const values = new Float64Array(buf.buffer.slice(buf.byteOffset + 16, buf.byteOffset + 16 + rows * cols * 8));
  const out: number[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = Array.from(values.subarray(i * cols, (i + 1) * cols));
  return out;
}

/** Continuous network-level scores: `rows` networks x `cols` variables, standard normal, seeded. */
export function normalMatrix(rows: number, cols: number, seed: string): Float64Array {
  const rng = createRandom(seed);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}

/**
 * Reading ZIP archives (.xlsx workbooks, .qdpx projects) safely: members are
 * listed from the central directory and inflated only when asked for, each
 * within a size cap and all of them together within a total cap (a "ZIP
 * bomb" whose members are each small enough but together inflate to
 * gigabytes is refused, naming the limit), and every member's CRC-32 is
 * checked, so bytes that were altered after the archive was made are never
 * read as if they were the data.
 *
 * The caps are enforced on what inflating actually produces
 * (`maxOutputLength`), not only on the sizes the archive declares.
 */
import * as zlib from 'node:zlib';
import { UserInputError } from '../util/errors';

export interface ZipLimits {
  /** Largest a single member may inflate to, in bytes. */
  maxMemberBytes: number;
  /** Largest all members read may inflate to together, in bytes. */
  maxTotalBytes: number;
}

/** The default caps: 256 MB per member, 512 MB for the members read together. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxMemberBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the local file header. */
  offset: number;
  encrypted: boolean;
}

/** "256 MB" for a byte count. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

let CRC_TABLE: Int32Array | undefined;

/** CRC-32 (the ZIP polynomial) of bytes. */
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (b: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(bytes) >>> 0;
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * An archive opened for reading: its member names, and `read(name)` that
 * inflates and checks one member. `file` and `kind` ("workbook", "project")
 * name it in messages, `advice` says how to get a good copy.
 *
 * @example
 *   const zip = openZip(bytes, 'survey.xlsx', { kind: 'workbook', advice: 'Save it again from Excel.' });
 *   const xml = zip.text('xl/workbook.xml');
 */
export class ZipArchive {
  readonly members = new Map<string, ZipMember>();
  private used = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
    private readonly options: { kind: string; advice: string; limits?: Partial<ZipLimits>; tooLargeAdvice?: string },
  ) {
    this.readDirectory();
  }

  get limits(): ZipLimits {
    return { ...DEFAULT_ZIP_LIMITS, ...this.options.limits };
  }

  /** Member names in archive order. */
  get names(): string[] {
    return [...this.members.keys()];
  }

  private damaged(why: string): UserInputError {
    return new UserInputError(`${this.file}: the ${this.options.kind} (a ZIP archive) is damaged: ${why}. ${this.options.advice}`);
  }

  private readDirectory(): void {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // The end-of-central-directory record: within the last 22 + 65535 bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.damaged('its table of contents (the end of the archive) is missing; the file may be cut short');
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      throw new UserInputError(`${this.file}: the ${this.options.kind} is a ZIP64 archive (over 4 GB or 65,535 members), larger than this reader accepts.`);
    }
    if (cdOffset + cdSize > eocd) throw this.damaged('its table of contents points outside the file');
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw this.damaged(`entry ${k + 1} of its table of contents is unreadable`);
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      const compressedSize = view.getUint32(p + 20, true);
      const size = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const offset = view.getUint32(p + 42, true);
      if (p + 46 + nameLength > eocd) throw this.damaged(`entry ${k + 1} of its table of contents is cut short`);
      const nameBytes = Buffer.from(b.buffer, b.byteOffset + p + 46, nameLength);
      const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
      if (!this.members.has(name)) this.members.set(name, { name, method, compressedSize, size, crc, offset, encrypted: (flags & 1) === 1 });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.members.has(name);
  }

  /** The member's name as stored, found without regard to case (ZIP names from Windows tools vary). */
  find(name: string): string | undefined {
    if (this.members.has(name)) return name;
    const lower = name.toLowerCase();
    return this.names.find((n) => n.toLowerCase() === lower);
  }

  /** The inflated, CRC-checked bytes of a member. */
  read(name: string): Uint8Array {
    const m = this.members.get(name);
    if (!m) throw new UserInputError(`${this.file}: the ${this.options.kind} has no member ${name}.`);
    const { maxMemberBytes, maxTotalBytes } = this.limits;
    if (m.encrypted) throw new UserInputError(`${this.file}: ${name} is encrypted (password-protected); save the ${this.options.kind} without a password.`);
    if (m.size > maxMemberBytes) {
      throw new UserInputError(`${this.file}: refused to unpack ${name}: it is ${megabytes(m.size)}, larger than the ${megabytes(maxMemberBytes)} this reader accepts for one member.${this.tooLargeAdvice}`);
    }
    const room = maxTotalBytes - this.used;
    if (m.size > room) throw this.tooMuch(name);
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (m.offset + 30 > b.length || view.getUint32(m.offset, true) !== 0x04034b50) throw this.damaged(`the data of ${name} are not where its table of contents says`);
    const start = m.offset + 30 + view.getUint16(m.offset + 26, true) + view.getUint16(m.offset + 28, true);
    if (start + m.compressedSize > b.length) throw this.damaged(`the data of ${name} run past the end of the file`);
    const raw = b.subarray(start, start + m.compressedSize);
    let out: Uint8Array;
    if (m.method === 0) out = raw;
    else if (m.method === 8) {
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(maxMemberBytes, room)) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw room < maxMemberBytes
            ? this.tooMuch(name)
            : new UserInputError(`${this.file}: refused to unpack ${name}: it inflates to more than the ${megabytes(maxMemberBytes)} this reader accepts for one member.${this.tooLargeAdvice}`);
        }
        throw this.damaged(`${name} cannot be decompressed (${(e as Error).message})`);
      }
    } else throw new UserInputError(`${this.file}: ${name} uses ZIP compression method ${m.method}, which this reader does not know (only stored and deflated). ${this.options.advice}`);
    if (out.length !== m.size) throw this.damaged(`${name} holds ${out.length} bytes, but its table of contents says ${m.size}`);
    if (crc32(out) !== m.crc) throw this.damaged(`the bytes of ${name} do not match its checksum (CRC-32), so they were changed after the archive was made`);
    this.used += out.length;
    return out;
  }

  private get tooLargeAdvice(): string {
    return this.options.tooLargeAdvice ? ` ${this.options.tooLargeAdvice}` : '';
  }

  private tooMuch(name: string): UserInputError {
    const { maxTotalBytes } = this.limits;
    return new UserInputError(
      `${this.file}: refused to unpack ${name}: together with the members read before it, the ${this.options.kind} inflates to more than ${megabytes(maxTotalBytes)}, the limit of this reader.${this.tooLargeAdvice}`,
    );
  }

  /** A member as UTF-8 text (a byte-order mark removed); `undefined` when the archive has no such member. */
  text(name: string): string | undefined {
    const stored = this.find(name);
    if (stored === undefined) return undefined;
    const bytes = this.read(stored);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UserInputError(`${this.file}: ${stored} is not valid UTF-8 text. ${this.options.advice}`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** True when the bytes start like a ZIP archive ("PK"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/**
 * Text in system files: byte strings in the file's character encoding
 * (UTF-8 since SPSS 16 in Unicode mode, Windows-1252 in older Western files).
 * A string is always decoded as a whole, after its 8-byte pieces (and the
 * segments of a very long string) are joined, so that a character whose bytes
 * straddle a piece boundary (the "ï" of "geïnterviewd") stays intact.
 */

/**
 * The characters of bytes 0x80-0x9F in Windows-1252 (Node's TextDecoder
 * decodes the label as ISO-8859-1, where these are control characters).
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Names of the encodings this reader decodes itself or hands to TextDecoder. */
export type SavEncoding = string;

/** Normalises an encoding name from the file (`WINDOWS-1252`, `UTF8`, `cp1252`) to a canonical one. */
export function normaliseEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  if (n === 'cp1252' || n === 'windows-1252' || n === 'ms-ansi' || n === 'x-cp1252') return 'windows-1252';
  if (n === 'latin1' || n === 'iso-8859-1' || n === 'iso8859-1' || n === 'l1') return 'iso-8859-1';
  if (n === 'ascii' || n === 'us-ascii' || n === 'ansi-x3.4-1968') return 'windows-1252'; // a superset, decodes ASCII the same
  return n;
}

/** The encoding named by the code page of the machine integer info record (subtype 3), or undefined. */
export function encodingOfCodePage(code: number): string | undefined {
  if (code === 65001) return 'utf-8';
  if (code === 1252) return 'windows-1252';
  if (code === 28591) return 'iso-8859-1';
  if (code === 20127 || code === 2 || code === 3) return 'windows-1252'; // ASCII (2 and 3: "7-bit ASCII" / "8-bit ASCII")
  if (code >= 1250 && code <= 1258) return `windows-${code}`;
  return undefined;
}

/** True when `TextDecoder` (or this module) can decode the encoding. */
export function isKnownEncoding(encoding: string): boolean {
  if (encoding === 'windows-1252' || encoding === 'utf-8') return true;
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes in the given (normalised) encoding. Invalid UTF-8 becomes U+FFFD, never an exception. */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') {
    const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  if (encoding === 'utf-8') bytes = withoutIncompleteEnd(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * UTF-8 bytes without a character cut off at the end (a string cut to its
 * width in bytes by SPSS can end in the first byte of "é").
 */
export function withoutIncompleteEnd(bytes: Uint8Array): Uint8Array {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && (bytes[i] & 0xc0) === 0x80 && continuation < 3) {
    i--;
    continuation++;
  }
  if (i < 0) return bytes;
  const lead = bytes[i];
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return lead >= 0xc0 && continuation < need ? bytes.subarray(0, i) : bytes;
}

/** True when every byte is ASCII (below 0x80): the same text in every encoding this reader knows. */
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** Encodes text as UTF-8 (the only encoding the writer uses). */
export function encodeUtf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/**
 * The UTF-8 bytes of `text`, cut to at most `max` bytes without splitting a
 * character. Returns the bytes and whether anything was cut.
 */
export function utf8Prefix(text: string, max: number): { bytes: Buffer; cut: boolean } {
  const bytes = encodeUtf8(text);
  if (bytes.length <= max) return { bytes, cut: false };
  let end = max;
  // Back up over continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return { bytes: bytes.subarray(0, end), cut: true };
}

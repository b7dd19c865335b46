/**
 * Stable GUIDs. REFI-QDA identifies every user, code, source and selection by
 * a GUID; generated data must get the same GUID on every run, so they are
 * derived from a name (a UUID version 5 style hash, SHA-1 of a namespace and
 * the name) instead of drawn at random.
 */
import { createHash } from 'node:crypto';

const NAMESPACE = 'delicate-verbanden/qual';

/**
 * @example
 *   stableGuid('code/vertrouwen'); // 'xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx', the same on every run
 */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(`${NAMESPACE}\u0000${name}`, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** The REFI-QDA GUID pattern: 8-4-4-4-12 hex digits, optionally in braces. */
export const GUID_PATTERN = /^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

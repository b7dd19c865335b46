/**
 * Escapes text for HTML, in element content and in double-quoted attribute
 * values: & < > and ".
 *
 * @example
 *   escapeHtml('a < b & "c"') // => 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

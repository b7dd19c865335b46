/**
 * Shows HTML in a tslab notebook, or prints the text version elsewhere (a
 * script, a test). The same fallback as showTable.
 */
import type { HtmlDisplay } from '../render/show';

function tslabDisplay(): HtmlDisplay | null {
  try {
    // Only the notebook kernel has tslab's display.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('tslab') as { display: HtmlDisplay }).display;
  } catch {
    return null;
  }
}

export function showHtml(html: string, text: string, display: HtmlDisplay | null = tslabDisplay()): void {
  if (display) {
    try {
      display.html(html);
      return;
    } catch {
      // tslab is installed but this is no kernel: print instead
    }
  }
  console.log(text);
}

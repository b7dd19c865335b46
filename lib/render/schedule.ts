/** Which figure each export page draws next. */
import type { FigureSpec, NamedFigure } from '../figures/types';

/**
 * The order in which the pages take the figures: the largest first (by
 * pixels, which the PNG's time follows, then by the size of the spec), so that
 * no page is left drawing one big figure at the end while the others idle
 * (longest-processing-time-first scheduling). Results are still handed on in
 * list order.
 */
export function drawingOrder(figures: readonly NamedFigure[]): number[] {
  const cost = figures.map((f) => {
    const { width, height } = sizeOf(f.spec);
    return { area: width * height, json: JSON.stringify(f.spec.data).length };
  });
  return figures.map((_, k) => k).sort((a, b) => cost[b].area - cost[a].area || cost[b].json - cost[a].json || a - b);
}

export function sizeOf(spec: FigureSpec): { width: number; height: number } {
  const w = spec.layout.width;
  const h = spec.layout.height;
  return { width: typeof w === 'number' ? w : 900, height: typeof h === 'number' ? h : 550 };
}

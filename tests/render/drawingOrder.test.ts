import { describe, expect, it } from 'vitest';
import { drawingOrder } from '../../lib/render/schedule';
import { reportFigures } from '../../lib/figures/reportFigures';
import { loadDefault } from '../figures/fixtures';

const fig = (name: string, width: number | undefined, height: number | undefined, points = 1) => ({
  name,
  spec: { data: [{ type: 'scatter', y: Array.from({ length: points }, (_, k) => k) }], layout: { width, height } },
});

describe('drawingOrder (which figure the pages take next)', () => {
  it('takes the largest figures first (pixels, then the size of the data), equal ones in list order', () => {
    const figures = [fig('small', 400, 300), fig('wide', 1400, 600), fig('default', undefined, undefined), fig('small-more-data', 400, 300, 50), fig('small-again', 400, 300)];
    // default size is 900 x 550
    expect(drawingOrder(figures).map((k) => figures[k].name)).toEqual(['wide', 'default', 'small-more-data', 'small', 'small-again']);
  });

  it('is a permutation of the list; the report puts its three pattern figures (1400 x 600) first', () => {
    const d = loadDefault();
    const { figures } = reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: true });
    const order = drawingOrder(figures);
    expect([...order].sort((a, b) => a - b)).toEqual(figures.map((_, k) => k));
    expect(order.slice(0, 3).map((k) => figures[k].name).sort()).toEqual(['fig15-patterns-boundaries', 'fig16-patterns-impact', 'fig17-patterns-decisions']);
  });
});

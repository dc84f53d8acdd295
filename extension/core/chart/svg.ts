/**
 * The drawing: axes, grid and marks as SVG, laid out by `scales.ts`. Lines and symbols
 * come from d3-shape; colours from CSS classes (`np-s0`…), so both themes apply.
 *
 * Two drawings of one chart: the regular one, and a compact one for narrow columns
 * (phones, the editor's sidebar) with fewer ticks and larger text, taller unless its
 * symbols would be squeezed. The theme shows one or the other with a container query on
 * the figure, so no script decides. The compact one draws its own axes and reuses the
 * regular one's marks with `<use>`: a 10,000-point line is written once, not twice.
 */
import { line as d3line, symbol, symbolsFill } from 'd3-shape';
import type { Chart } from './build';
import { esc, label, r2 } from './format';
import { asciiBytes, PathWriter } from './writer';
import { COMPACT, extents, layout, REGULAR, type Frame, type Layout } from './scales';

/** Both drawings of a chart (not a table), named by the figure's title and description. */
export function drawings(c: Chart, id: string): string {
  const e = extents(c);
  const L = layout(c, REGULAR, e);
  let C = layout(c, COMPACT, e);
  const plotW = L.x1 - L.x0;
  const plotH = L.base - L.y0;
  if (c.type === 'scatter') {
    // Symbols are drawn once, so both scales must be the same: the plot keeps its shape.
    const height = r2(C.y0 + ((C.x1 - C.x0) * plotH) / plotW + COMPACT.bottom);
    C = layout(c, { ...COMPACT, height }, e);
  }
  const named = `aria-labelledby="${id}-title ${id}-desc"`;
  const sx = (C.x1 - C.x0) / plotW;
  const sy = (C.base - C.y0) / plotH;
  const fit = `matrix(${+sx.toFixed(5)} 0 0 ${+sy.toFixed(5)} ${r2(C.x0 - sx * L.x0)} ${r2(C.y0 - sy * L.y0)})`;
  return `<svg class="np-chart-svg" viewBox="0 0 ${REGULAR.width} ${REGULAR.height}" ${named}>`
    + `<title id="${id}-title">${esc(c.title)}</title><desc id="${id}-desc">${esc(c.description)}</desc>`
    + `${axes(c, L)}<g class="np-chart-marks" id="${id}-marks">${marks(c, L)}</g></svg>`
    + `<svg class="np-chart-svg-compact" viewBox="0 0 ${C.frame.width} ${C.frame.height}" ${named}>`
    + `${axes(c, C)}<use href="#${id}-marks" transform="${fit}"></use></svg>`;
}

/** Grid lines, ticks and their labels, and the two axis labels. */
function axes(c: Chart, L: Layout): string {
  const f: Frame = L.frame;
  const { base } = L;
  let grid = '';
  let axis = '';
  for (const t of L.yTicks) {
    const py = r2(t.at);
    grid += `<line x1="${L.x0}" x2="${L.x1}" y1="${py}" y2="${py}"/>`;
    axis += `<text x="${r2(L.x0 - (f.font * 2) / 3)}" y="${py}" dy="0.32em" text-anchor="end">${esc(t.text)}</text>`;
  }
  axis += `<line class="np-chart-baseline" x1="${L.x0}" x2="${L.x1}" y1="${base}" y2="${base}"/>`;
  axis += `<text class="np-chart-label" x="${L.x0}" y="${r2(f.top - (f.font * 5) / 6)}">${esc(c.y.length === 1 ? label(c.y[0], c.yUnit) : (c.yUnit ?? c.y.join(', ')))}</text>`;
  axis += `<text class="np-chart-label" x="${L.x1}" y="${r2(f.height - f.font / 2)}" text-anchor="end">${esc(label(c.x, c.xUnit))}</text>`;
  const below = r2(base + f.font * 1.5);
  for (const t of L.xTicks) {
    const px = r2(t.at);
    if (!L.band) axis += `<line class="np-chart-tick" x1="${px}" x2="${px}" y1="${base}" y2="${base + 5}"/>`;
    axis += `<text x="${px}" y="${below}" text-anchor="middle">${esc(t.text)}</text>`;
  }
  return `<g class="np-chart-grid" aria-hidden="true">${grid}</g><g class="np-chart-axis" aria-hidden="true">${axis}</g>`;
}

/** Bars, lines or symbols, one group or path per series. */
function marks(c: Chart, L: Layout): string {
  const { y } = L;
  const parts: string[] = [];
  if (L.band) {
    const { x, inner } = L.band;
    const zero = y(0);
    c.series.forEach((s, i) => {
      const rects: string[] = [];
      s.y.forEach((v, k) => {
        if (v === null) return;
        const px = r2(x(String(s.x[k]))! + inner(String(i))!);
        const py = y(v);
        rects.push(`<rect x="${px}" y="${r2(Math.min(py, zero))}" width="${r2(inner.bandwidth())}" height="${r2(Math.abs(zero - py))}"/>`);
      });
      parts.push(`<g class="np-chart-bar np-s${i}">${rects.join('')}</g>`);
    });
    return parts.join('');
  }
  const X = L.x!;
  c.series.forEach((s, i) => {
    const xs = s.x as number[];
    const ys = s.y;
    const path = new PathWriter();
    if (c.type === 'line') {
      d3line<number>()
        .defined((k) => ys[k] !== null)
        .x((k) => X(xs[k]))
        .y((k) => y(ys[k] as number))
        .context(path as unknown as CanvasRenderingContext2D)(indices(xs.length));
      parts.push(`<path class="np-chart-line np-s${i}" d="${path.take()}"/>`);
    } else {
      // One path per series: d3's symbol for the series, written once in relative
      // commands, then repeated after a move to each point (two numbers per point).
      const mark = asciiBytes(relativeSymbol(symbol(symbolsFill[i % symbolsFill.length], 36).digits(2)() ?? ''));
      for (let k = 0; k < ys.length; k++) {
        const v = ys[k];
        if (v === null) continue;
        path.moveTo(X(xs[k]), y(v));
        path.raw(mark);
      }
      parts.push(`<path class="np-chart-dot np-s${i}" d="${path.take()}"/>`);
    }
  });
  return parts.join('');
}

/** 0, 1, … n-1: the points d3's line generator walks, each an index into a series' columns. */
function indices(n: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = k;
  return out;
}

/**
 * A path drawn about the origin, rewritten in relative commands, so that appended after
 * `M x,y` it draws at x,y. Takes the commands d3's symbols use: M, L, A, h, v, Z.
 */
export function relativeSymbol(d: string): string {
  let out = '';
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (const [, cmd, args] of d.matchAll(/([MLAhvZ])([^MLAhvZ]*)/g)) {
    const n = args.split(/[\s,]+/).filter(Boolean).map(Number);
    switch (cmd) {
      case 'M': out += `m${r2(n[0] - cx)},${r2(n[1] - cy)}`; [cx, cy, sx, sy] = [n[0], n[1], n[0], n[1]]; break;
      case 'L': out += `l${r2(n[0] - cx)},${r2(n[1] - cy)}`; [cx, cy] = [n[0], n[1]]; break;
      case 'A': out += `a${n.slice(0, 5).join(',')},${r2(n[5] - cx)},${r2(n[6] - cy)}`; [cx, cy] = [n[5], n[6]]; break;
      case 'h': out += `h${n[0]}`; cx += n[0]; break;
      case 'v': out += `v${n[0]}`; cy += n[0]; break;
      case 'Z': out += 'z'; [cx, cy] = [sx, sy]; break;
    }
  }
  return out;
}

/**
 * The drawing: axes, grid and marks as SVG, laid out by `scales.ts`. Lines and symbols
 * come from d3-shape; colours from CSS classes (`np-s0`…), so both themes apply.
 */
import { line as d3line, symbol, symbolsFill } from 'd3-shape';
import type { Chart } from './build';
import { esc, label, r2 } from './format';
import { layout, type Frame } from './scales';

/** The chart drawn in a frame, as an `<svg>` named by the figure's title and description. */
export function svg(c: Chart, id: string, f: Frame): string {
  const L = layout(c, f);
  const { width: W, height: H } = f;
  const { base, y } = L;
  const parts: string[] = [];
  const grid: string[] = [];
  const axis: string[] = [];
  for (const t of L.yTicks) {
    const py = r2(t.at);
    grid.push(`<line x1="${L.x0}" x2="${L.x1}" y1="${py}" y2="${py}"/>`);
    axis.push(`<text x="${L.x0 - 8}" y="${py}" dy="0.32em" text-anchor="end">${esc(t.text)}</text>`);
  }
  axis.push(`<line class="np-chart-baseline" x1="${L.x0}" x2="${L.x1}" y1="${base}" y2="${base}"/>`);
  axis.push(`<text class="np-chart-label" x="${L.x0}" y="${f.top - 10}">${esc(c.y.length === 1 ? label(c.y[0], c.yUnit) : (c.yUnit ?? c.y.join(', ')))}</text>`);
  axis.push(`<text class="np-chart-label" x="${L.x1}" y="${H - 6}" text-anchor="end">${esc(label(c.x, c.xUnit))}</text>`);

  if (L.band) {
    const { x, inner } = L.band;
    for (const t of L.xTicks) axis.push(`<text x="${r2(t.at)}" y="${base + 18}" text-anchor="middle">${esc(t.text)}</text>`);
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
  } else {
    for (const t of L.xTicks) {
      const px = r2(t.at);
      axis.push(`<line class="np-chart-tick" x1="${px}" x2="${px}" y1="${base}" y2="${base + 5}"/><text x="${px}" y="${base + 18}" text-anchor="middle">${esc(t.text)}</text>`);
    }
    const X = L.x!;
    c.series.forEach((s, i) => {
      if (c.type === 'line') {
        // Rounded to 2 places in the accessors, with d3-path's own rounding off
        // (digits null): its formatter rounds again every number it writes.
        const xs = s.x as number[];
        const ys = s.y;
        const d = d3line<number>()
          .defined((k) => ys[k] !== null)
          .x((k) => r2(X(xs[k])))
          .y((k) => r2(y(ys[k] as number)))
          .digits(null as unknown as number)(xs.map((_, k) => k));
        parts.push(`<path class="np-chart-line np-s${i}" d="${d ?? ''}"/>`);
      } else {
        // One path per series: d3's symbol for the series, written once in relative
        // commands, then repeated after a move to each point (two numbers per point).
        const mark = relativeSymbol(symbol(symbolsFill[i % symbolsFill.length], 36).digits(2)() ?? '');
        let out = '';
        s.y.forEach((v, k) => {
          if (v === null) return;
          out += `M${r2(X(s.x[k] as number))},${r2(y(v))}${mark}`;
        });
        parts.push(`<path class="np-chart-dot np-s${i}" d="${out}"/>`);
      }
    });
  }
  return `<svg class="np-chart-svg" viewBox="0 0 ${W} ${H}" aria-labelledby="${id}-title ${id}-desc">`
    + `<title id="${id}-title">${esc(c.title)}</title><desc id="${id}-desc">${esc(c.description)}</desc>`
    + `<g class="np-chart-grid" aria-hidden="true">${grid.join('')}</g>`
    + `<g class="np-chart-axis" aria-hidden="true">${axis.join('')}</g>`
    + `<g class="np-chart-marks">${parts.join('')}</g></svg>`;
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

/**
 * Where things go: the plot's margins, the d3 scales that map data to the drawing, and
 * the ticks with their labels, for a frame of a given size and text size.
 */
import { scaleBand, scaleLinear, scaleLog, scaleUtc, type ScaleBand } from 'd3-scale';
import type { Chart, ChartSeries } from './build';

/** A drawing's size in SVG units, and how much room its text takes. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Axis text size, in SVG units (the theme's CSS sets the same). */
  readonly font: number;
  /** About this many y ticks. */
  readonly yTicks: number;
  /** About this much room per x tick, in SVG units. */
  readonly xTickSpace: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The chart as it has always been drawn: 640 by 320, 12-unit text. */
export const REGULAR: Frame = { width: 640, height: 320, font: 12, yTicks: 6, xTickSpace: 90, top: 24, right: 20, bottom: 44 };

/**
 * For columns narrower than 600 px: 15-unit text in 360 units is 12.5 px in a 300 px
 * column, where the regular drawing's would be 5.6 px. Fewer ticks, and taller.
 */
export const COMPACT: Frame = { width: 360, height: 300, font: 15, yTicks: 4, xTickSpace: 96, top: 30, right: 16, bottom: 52 };

/** A tick: its place along the axis and its label. */
export interface Tick { readonly at: number; readonly text: string }

export interface Layout {
  readonly frame: Frame;
  readonly left: number;
  /** The plot's edges in SVG units. */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  /** The baseline: the bottom of the plot. */
  readonly base: number;
  readonly y: (v: number) => number;
  readonly yTicks: Tick[];
  readonly xTicks: Tick[];
  /** For numbers and dates on x. */
  readonly x?: (v: number) => number;
  /** For a bar chart: categories, and each bar's offset and width in its band. */
  readonly band?: { x: ScaleBand<string>; inner: ScaleBand<string> };
}

/** Smallest and largest y over every series, gaps left out ([Infinity, -Infinity] when there is none). */
export function yExtent(series: readonly ChartSeries[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  // Indexed loops: these run once per chart, often before they are optimised, and a
  // for-of over 10,000 values then made an iterator result for each.
  for (const s of series) {
    const ys = s.y;
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i];
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

/** Approximate width of a label in SVG units: 7 per character at 12-unit text. */
const textWidth = (s: string, font: number): number => (s.length * 7 * font) / 12;

/** The data's range on each axis; x only for numbers and dates. */
export interface Extents { readonly x: [number, number]; readonly y: [number, number] }

/** Both ranges, read once for the drawings that share them. */
export function extents(c: Chart): Extents {
  let xMin = Infinity;
  let xMax = -Infinity;
  if (c.type !== 'bar') {
    for (const s of c.series) {
      const xs = s.x as number[];
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        if (v < xMin) xMin = v;
        if (v > xMax) xMax = v;
      }
    }
  }
  return { x: [xMin, xMax], y: yExtent(c.series) };
}

/** Scales and ticks of a chart (not a table) in a frame. */
export function layout(c: Chart, f: Frame, e: Extents = extents(c)): Layout {
  let [yMin, yMax] = e.y;
  if (!Number.isFinite(yMin)) [yMin, yMax] = [0, 1];
  const y = c.logY ? scaleLog().domain([yMin, yMax === yMin ? yMin * 10 : yMax]) : scaleLinear().domain([Math.min(0, yMin), Math.max(0, yMax) || 1]);
  y.nice();
  const yTickValues = y.ticks(f.yTicks);
  const yFormat = c.logY ? y.tickFormat(f.yTicks, '~s') : y.tickFormat(f.yTicks);
  const yLabels = yTickValues.map((t) => yFormat(t));
  const left = Math.max(3 * f.font, 14 + Math.max(...yLabels.map((l) => textWidth(l, f.font))));
  const x0 = left;
  const x1 = f.width - f.right;
  const plotW = x1 - x0;
  const base = f.height - f.bottom;
  y.range([base, f.top]);
  const yTicks: Tick[] = [];
  yTickValues.forEach((t, i) => yLabels[i] && yTicks.push({ at: y(t), text: yLabels[i] }));
  const out = { frame: f, left, x0, x1, y0: f.top, base, y, yTicks };

  if (c.type === 'bar') {
    const cats = [...new Set(c.series.flatMap((s) => s.x.map(String)))];
    const x = scaleBand().domain(cats).range([x0, x1]).paddingInner(0.2).paddingOuter(0.1);
    const inner = scaleBand().domain(c.series.map((_, i) => String(i))).range([0, x.bandwidth()]).padding(0.05);
    const every = Math.max(1, Math.ceil(cats.length / Math.floor(plotW / (5 * f.font))));
    const xTicks = cats.filter((_, i) => i % every === 0).map((cat) => ({ at: x(cat)! + x.bandwidth() / 2, text: cat }));
    return { ...out, xTicks, band: { x, inner } };
  }
  let [xMin, xMax] = e.x;
  if (xMin === xMax) [xMin, xMax] = c.xKind === 'date' ? [xMin - 864e5, xMax + 864e5] : c.logX ? [xMin / 10, xMax * 10] : [xMin - 1, xMax + 1];
  const x = c.xKind === 'date' ? scaleUtc().domain([xMin, xMax]) : c.logX ? scaleLog().domain([xMin, xMax]) : scaleLinear().domain([xMin, xMax]);
  x.range([x0, x1]);
  if (c.type === 'scatter') x.nice();
  const count = Math.max(2, Math.floor(plotW / f.xTickSpace));
  const xFormat = c.logX ? (x as ReturnType<typeof scaleLog>).tickFormat(count, '~s') : (x.tickFormat as (n: number) => (d: number | Date) => string)(count);
  const xTicks: Tick[] = [];
  for (const t of (x.ticks as (n: number) => (number | Date)[])(count)) {
    const text = xFormat(t as never);
    if (text) xTicks.push({ at: x(t as never) as number, text });
  }
  return { ...out, xTicks, x: (v: number) => x(v as never) as number };
}

/**
 * From a spec and a table to a chart: which columns are x, y and series, what kind of
 * values x holds, and every value checked, with problems at their cells.
 */
import type { ChartType, Place, Report, Spec } from './spec';
import { columnNumbers, columnOf, isNumberColumn, type ChartRow, type ChartTable } from './data';
import { toDate } from './values';
import { describe } from './describe';

/** At most this many series: beyond it colours and dash patterns stop being told apart. */
export const MAX_SERIES = 8;

/** A series, by column: `x[i]` and `y[i]` are one point; a null y is a gap. */
export interface ChartSeries {
  readonly name: string;
  readonly x: readonly (number | string)[];
  readonly y: readonly (number | null)[];
}

/** A chart ready to draw: the spec's choices with defaults filled in, and the data as series. */
export interface Chart {
  readonly type: ChartType;
  readonly title: string;
  readonly description: string;
  readonly x: string;
  readonly y: string[];
  readonly xUnit?: string;
  readonly yUnit?: string;
  readonly logX: boolean;
  readonly logY: boolean;
  readonly tableOpen: boolean;
  readonly xKind: 'number' | 'date' | 'category';
  readonly table: ChartTable;
  readonly series: ChartSeries[];
  /** Per column: every cell a number or empty (right-aligned in the table). */
  readonly numeric: boolean[];
}

/** Where a problem at a data cell is reported, and how the place is named in the message. */
export type DataPlace = (row: number, col: number, len: number) => { at: Place; prefix: string };

/** The chart, or undefined after reporting what stops it from being drawn. */
export function buildChart(spec: Spec, table: ChartTable, report: Report, dataPlace: DataPlace): Chart | undefined {
  let ok = true;
  const col = (name: string, key: string): number => {
    const i = table.columns.indexOf(name);
    if (i < 0) {
      report(spec.places[key], `column "${name}" is not in the data; its columns are ${table.columns.join(', ')}`);
      ok = false;
    }
    return i;
  };
  // Each column's cells as numbers, parsed once (charts of 10,000 rows read them several times).
  const numbers: (number | null | undefined)[][] = [];
  const num = (c: number) => (numbers[c] ??= columnNumbers(table.rows, c));
  const xName = spec.x ?? table.columns[0];
  const xi = col(xName, 'x');
  const si = spec.series ? col(spec.series, 'series') : -1;
  if (!ok) return undefined;
  const bad = (row: ChartRow, c: number, m: string): void => {
    const p = dataPlace(row.line, columnOf(table, row, c), row.cells[c].length);
    report(p.at, p.prefix + m);
    ok = false;
  };

  let ys: string[];
  if (spec.y) {
    ys = spec.y;
    for (const y of ys) col(y, 'y');
    if (!ok) return undefined;
  } else {
    // Columns that hold numbers: a column of words (a label) is left out, but one word in
    // a column of numbers is a mistake to report, not a reason to drop the series.
    ys = table.columns.filter((_, i) => i !== xi && i !== si && num(i).some((v) => typeof v === 'number'));
    if (!ys.length) {
      // Point at the first cell that stopped a column from being plotted.
      const c = table.columns.findIndex((_, i) => i !== xi && i !== si);
      const r = c < 0 ? undefined : table.rows.find((_, i) => num(c)[i] === undefined);
      if (r) bad(r, c, `"${r.cells[c]}" in column "${table.columns[c]}" is not a number`);
      else report(spec.places.y ?? spec.places.x ?? dataPlace(1, 1, 1).at, 'the data has no column of numbers to plot besides x');
      return undefined;
    }
  }
  if (si >= 0 && ys.length > 1) {
    report(spec.places.y, 'with series, y is one column');
    return undefined;
  }

  // Values: every y cell a number (or empty, a gap); x by kind.
  const yIdx = ys.map((y) => table.columns.indexOf(y));
  for (const c of yIdx) {
    const col = num(c);
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (v === undefined) bad(table.rows[i], c, `"${table.rows[i].cells[c]}" in column "${table.columns[c]}" is not a number`);
      else if (v !== null && v <= 0 && spec.logY) bad(table.rows[i], c, `${v} in column "${table.columns[c]}" cannot be on a log scale (values must be above 0)`);
    }
  }
  const type: ChartType = spec.type ?? (table.rows.every((r, i) => num(xi)[i] != null || toDate(r.cells[xi]) !== undefined) ? 'line' : 'bar');
  let xKind: Chart['xKind'] = 'category';
  let xs: (number | string)[] = [];
  if (type !== 'line' && type !== 'scatter') xs = table.rows.map((r) => r.cells[xi]);
  else {
    const nums = num(xi);
    const dates = nums.every((n) => n != null) ? [] : table.rows.map((r) => toDate(r.cells[xi]));
    if (nums.every((n) => n != null)) {
      xKind = 'number';
      xs = nums as number[];
      if (spec.logX) table.rows.forEach((r, i) => (nums[i] as number) <= 0 && bad(r, xi, `${nums[i]} in column "${xName}" cannot be on a log scale (values must be above 0)`));
    } else if (dates.every((d) => d !== undefined)) {
      xKind = 'date';
      xs = dates as number[];
    } else {
      const r = table.rows.find((_, i) => nums[i] == null && dates[i] === undefined)!;
      bad(r, xi, `"${r.cells[xi]}" in column "${xName}" is not a number or a date; a ${type} chart needs them on x (type: bar takes words)`);
    }
  }
  if (spec.logY && type === 'bar') {
    report(spec.places.log, 'a bar chart cannot have a log y axis: bars start at zero');
    ok = false;
  }
  if (spec.logX && xKind !== 'number' && type !== 'table') {
    report(spec.places.log, 'log x needs numbers on the x axis');
    ok = false;
  }
  if (!ok) return undefined;

  let series: ChartSeries[];
  if (si >= 0) {
    const byName = new Map<string, { name: string; x: (number | string)[]; y: (number | null)[] }>();
    const seen = new Set<string>();
    const ycol = num(yIdx[0]);
    table.rows.forEach((r, i) => {
      const name = r.cells[si];
      let s = byName.get(name);
      if (!s) byName.set(name, (s = { name, x: [], y: [] }));
      if (type === 'bar') {
        const key = `${name}\u0000${xs[i]}`;
        if (seen.has(key)) bad(r, xi, `a second row for ${xName} "${xs[i]}" in series "${name}"`);
        seen.add(key);
      }
      s.x.push(xs[i]);
      s.y.push(ycol[i] as number | null);
    });
    series = [...byName.values()];
  } else {
    // Checked above: no undefined (not-a-number) is left in these columns.
    series = ys.map((name, j) => ({ name, x: xs, y: num(yIdx[j]) as (number | null)[] }));
  }
  if (type === 'bar' && si < 0) {
    const seen = new Set<string>();
    table.rows.forEach((r, i) => {
      if (seen.has(String(xs[i]))) bad(r, xi, `a second row for ${xName} "${xs[i]}"`);
      seen.add(String(xs[i]));
    });
  }
  if (series.length > MAX_SERIES && type !== 'table') {
    report(spec.places.series ?? spec.places.y ?? dataPlace(1, 1, 1).at, `${series.length} series; a chart shows at most ${MAX_SERIES} (split it, or use type: table)`);
    ok = false;
  }
  if (!ok) return undefined;
  if (type === 'line') series = series.map(sortedByX);

  const title = spec.title ?? `${ys.join(', ')} by ${xName}`;
  const partial = { type, xName, ys, series, rows: table.rows.length, xUnit: spec.xUnit, yUnit: spec.yUnit };
  return {
    type, title, description: spec.description ?? describe(partial),
    x: xName, y: ys, xUnit: spec.xUnit, yUnit: spec.yUnit, logX: spec.logX, logY: spec.logY,
    tableOpen: spec.tableOpen || type === 'table', xKind, table, series,
    // Columns not drawn are read here only to align the table: no array kept for them.
    numeric: table.columns.map((_, c) => (numbers[c] ? numbers[c].every((v) => v !== undefined) : isNumberColumn(table.rows, c))),
  };
}

/** A line is drawn in x order; rows written out of order are put in order (usually they are already). */
function sortedByX(s: ChartSeries): ChartSeries {
  const x = s.x as number[];
  let sorted = true;
  for (let i = 1; i < x.length && sorted; i++) sorted = x[i - 1] <= x[i];
  if (sorted) return s;
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  return { name: s.name, x: order.map((i) => x[i]), y: order.map((i) => s.y[i]) };
}

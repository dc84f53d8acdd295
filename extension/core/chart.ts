/**
 * Charts from data: a fenced ```` ```chart ```` block holds a small YAML spec and CSV
 * (or points at a CSV file beside the note), and renders to inline SVG when the page
 * is built. No JavaScript reaches the page; the preview renders the same SVG with the
 * same function. Scales, ticks, number formats, lines and symbols come from the d3
 * modules; this file only lays them out.
 *
 *     ```chart
 *     type: line          # line | bar | scatter | table
 *     title: Consumer lag during a rebalance
 *     x: t                # a column; default: the first
 *     y: lag              # a column or a list; default: every other numeric column
 *     series: group       # optional: a column whose values name the series
 *     x-unit: s
 *     y-unit: records
 *     log: y              # x, y or both
 *     data: ./lag.csv     # or CSV after a --- line, as here
 *     ---
 *     t,lag
 *     0,0
 *     ```
 *
 * Every defect is a problem with the note's line and column (for a data file, the
 * `data:` line, with the file's own line and column in the message), and the block
 * renders as a visible error instead of a broken page.
 */
import { posix } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { scaleBand, scaleLinear, scaleLog, scaleUtc } from 'd3-scale';
import { line as d3line, symbol, symbolsFill } from 'd3-shape';
import { format as d3format } from 'd3-format';
import { Problem, ProblemCode } from './problems';
import { openingQuote } from './frontmatter';

export const CHART_TYPES = ['line', 'bar', 'scatter', 'table'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The spec's keys, with what each takes (the README's table is checked against this). */
export const CHART_KEYS: Readonly<Record<string, string>> = {
  type: 'line, bar, scatter or table (default: bar when x holds words, else line)',
  title: 'the chart\'s title, shown above it and read by screen readers',
  description: 'a sentence for screen readers (default: written from the data)',
  x: 'the column on the x axis (default: the first column)',
  y: 'a column or a list of columns on the y axis (default: every other column that holds numbers)',
  series: 'a column whose values split the rows into series (then y is one column)',
  'x-unit': 'unit shown in the x axis label',
  'y-unit': 'unit shown in the y axis label',
  log: 'x, y or both: logarithmic axes',
  data: 'a .csv or .tsv file beside the note (`./latency.csv`) instead of inline CSV',
  table: 'open: show the data table expanded under the chart (default: collapsed)',
};

/** At most this many series: beyond it colours and dash patterns stop being told apart. */
export const MAX_SERIES = 8;

const W = 640;
const H = 320;

export interface ChartRow {
  readonly cells: string[];
  /** 1-based line within its source (the block's CSV or the data file), and the line's text. */
  readonly line: number;
  readonly text: string;
}

export interface ChartTable {
  readonly columns: string[];
  readonly rows: ChartRow[];
  readonly delimiter: string;
}

/** The 1-based column where a row's cell starts (worked out again only to report a problem). */
function columnOf(t: { delimiter: string }, row: ChartRow, cell: number): number {
  return splitRecord(row.text, t.delimiter, true)?.columns[cell] ?? 1;
}

/** A series, by column: `x[i]` and `y[i]` are one point; a null y is a gap. */
export interface ChartSeries {
  readonly name: string;
  readonly x: readonly (number | string)[];
  readonly y: readonly (number | null)[];
}

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

export interface ChartBlock {
  /** The text between the fences. */
  readonly source: string;
  /** 1-based file line of the first line inside the fences. */
  readonly line: number;
}

export interface ChartContext {
  /** The note's content-relative path. */
  readonly file: string;
  /** File line of the block's first content line. */
  readonly line: number;
  /**
   * Reads a content-relative file, or returns undefined when it does not exist. Without
   * a reader, a chart that names a data file is checked for everything but its data.
   */
  readonly read?: (target: string) => string | undefined;
}

export interface ChartParse {
  readonly chart?: Chart;
  readonly problems: Problem[];
  /** The content-relative data file the spec names, if any. */
  readonly dataFile?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

/** The chart blocks of a body, found line by line as markdown-it finds fences. */
export function chartBlocks(body: string, bodyLine: number): ChartBlock[] {
  if (!body.includes('chart')) return [];
  const out: ChartBlock[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (!m) continue;
    const fence = m[1];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end].trimStart().startsWith(fence) && lines[end].trim().replace(/[`~]/g, '') === '')) end++;
    if (m[2] === 'chart') out.push({ source: lines.slice(start, end).join('\n'), line: bodyLine + start });
    i = end;
  }
  return out;
}

/** Problems of every chart in a body. `read` as in {@link ChartContext}. */
export function chartProblems(file: string, body: string, bodyLine: number, read?: (target: string) => string | undefined): Problem[] {
  return chartBlocks(body, bodyLine).flatMap((b) => parseChart(b.source, { file, line: b.line, read }).problems);
}

interface Place { line: number; column: number; endColumn: number }

/** Parses and checks a chart block. Never throws. */
export function parseChart(source: string, ctx: ChartContext): ChartParse {
  const problems: Problem[] = [];
  const report = (at: Place, message: string, code: ProblemCode = ProblemCode.Chart): void => {
    problems.push({ file: ctx.file, line: at.line, column: at.column, endLine: at.line, endColumn: Math.max(at.endColumn, at.column + 1), code, severity: 'error', message });
  };
  const lines = source.split('\n');
  const blockStart: Place = { line: ctx.line - 1, column: 1, endColumn: 9 };

  // Spec, then `---`, then CSV. Without `---`, a block that starts with `key:` is all
  // spec (its data is in a file) and anything else is all CSV.
  let sep = lines.findIndex((l) => /^---\s*$/.test(l));
  const firstText = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  if (sep < 0) sep = /^[A-Za-z][\w-]*\s*:(\s|$)/.test(firstText) ? lines.length : -1;
  const specText = sep > 0 ? lines.slice(0, sep).join('\n') : '';
  const spec = readSpec(specText, ctx.line, report);
  if (!spec) return { problems };

  let table: ChartTable | undefined;
  let dataFile: string | undefined;
  // Where problems in the data are reported, and how their place is named.
  let dataPlace: (row: number, col: number, len: number) => { at: Place; prefix: string };
  if (spec.data) {
    const at = spec.places.data;
    const d = spec.data;
    if (/^[a-z][a-z0-9+.-]*:|^\/|^\\/i.test(d) || d.includes('\\')) {
      report(at, `data "${d}" must be a path relative to the note, like ./latency.csv`);
      return { problems };
    }
    const target = posix.normalize(posix.join(posix.dirname(ctx.file), d));
    if (target.startsWith('..')) {
      report(at, `data "${d}" points outside the content folder`);
      return { problems };
    }
    if (!/\.(csv|tsv)$/i.test(target)) {
      report(at, `data "${d}" must be a .csv or .tsv file`);
      return { problems };
    }
    dataFile = target;
    if (sep >= 0 && sep < lines.length && lines.slice(sep + 1).some((l) => l.trim())) {
      report(at, 'the chart has both a data file and CSV after ---: keep one');
    }
    if (!ctx.read) return { problems, dataFile };
    const text = ctx.read(target);
    if (text === undefined) {
      report(at, `data file "${d}" does not exist (looked for ${target})`, ProblemCode.MissingFile);
      return { problems, dataFile };
    }
    dataPlace = (row, col) => ({ at, prefix: `${target}:${row}:${col}: ` });
    table = readCsv(text.replace(/^\uFEFF/, '').split(/\r?\n/), 1, (row, col, len, msg) => {
      const p = dataPlace(row, col, len);
      report(p.at, p.prefix + msg);
    });
  } else {
    if (sep === lines.length || sep + 1 >= lines.length || !lines.slice(sep + 1).some((l) => l.trim())) {
      report(blockStart, 'the chart has no data: add CSV after a line `---`, or `data: ./file.csv`');
      return { problems };
    }
    const first = ctx.line + sep + 1;
    dataPlace = (row, col, len) => ({ at: { line: first + row - 1, column: col, endColumn: col + len }, prefix: '' });
    table = readCsv(lines.slice(sep + 1), 1, (row, col, len, msg) => {
      const p = dataPlace(row, col, len);
      report(p.at, p.prefix + msg);
    });
  }
  if (!table || problems.length) return { problems, dataFile };
  const chart = buildChart(spec, table, report, dataPlace);
  return { chart: problems.length ? undefined : chart, problems, dataFile };
}

interface Spec {
  type?: ChartType;
  title?: string;
  description?: string;
  x?: string;
  y?: string[];
  series?: string;
  xUnit?: string;
  yUnit?: string;
  logX: boolean;
  logY: boolean;
  data?: string;
  tableOpen: boolean;
  places: Record<string, Place>;
}

function readSpec(text: string, firstLine: number, report: (at: Place, m: string) => void): Spec | undefined {
  const spec: Spec = { logX: false, logY: false, tableOpen: false, places: {} };
  if (!text.trim()) return spec;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const place = (range: readonly number[] | null | undefined): Place => {
    const [a, b] = range ?? [0, 1];
    const s = lc.linePos(a);
    const e = lc.linePos(Math.max(a + 1, b));
    return { line: firstLine + s.line - 1, column: s.col, endColumn: e.line === s.line ? e.col : s.col + 1 };
  };
  if (doc.errors.length) {
    for (const err of doc.errors) {
      let pos: readonly number[] = err.pos;
      // As in frontmatter: a missing quote is reported where it opened, not where the text ends.
      if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
        const open = openingQuote(text, err.pos[0]);
        if (open !== undefined) pos = [open, open + 1];
      }
      report(place(pos), `chart spec: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')}`);
    }
    return undefined;
  }
  if (doc.contents === null) return spec;
  if (!isMap(doc.contents)) {
    report(place(doc.contents.range), 'the chart spec must be `key: value` lines');
    return undefined;
  }
  let ok = true;
  const fail = (at: Place, m: string): void => {
    report(at, m);
    ok = false;
  };
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const keyAt = place(keyNode?.range);
    const valueNode = pair.value as YamlNode | null;
    const at = valueNode?.range ? place(valueNode.range) : keyAt;
    spec.places[key] = at;
    if (!(key in CHART_KEYS)) {
      fail(keyAt, `unknown chart key "${key}"; the keys are ${Object.keys(CHART_KEYS).join(', ')}`);
      continue;
    }
    const value = isScalar(valueNode) ? valueNode.value : undefined;
    const text = value === null || value === undefined ? undefined : String(value).trim();
    if (key === 'y') {
      if (isSeq(valueNode)) {
        const ys = valueNode.items.map((i) => (isScalar(i) ? String(i.value) : ''));
        if (!ys.length || ys.some((s) => !s)) fail(at, 'y must be a column name or a list of column names');
        else spec.y = ys;
      } else if (text) spec.y = [text];
      else fail(at, 'y must be a column name or a list of column names');
      continue;
    }
    if (key === 'log') {
      const v = isSeq(valueNode) ? valueNode.items.map((i) => (isScalar(i) ? String(i.value) : '')).sort().join(',') : text;
      if (v === 'x' || v === 'both' || v === 'x,y') spec.logX = true;
      if (v === 'y' || v === 'both' || v === 'x,y') spec.logY = true;
      if (!spec.logX && !spec.logY) fail(at, `log must be x, y or both, not ${JSON.stringify(text ?? '')}`);
      continue;
    }
    if (text === undefined || text === '' || !isScalar(valueNode)) {
      fail(at, `${key} needs a value (${CHART_KEYS[key]})`);
      continue;
    }
    switch (key) {
      case 'type':
        if ((CHART_TYPES as readonly string[]).includes(text)) spec.type = text as ChartType;
        else fail(at, `type must be one of ${CHART_TYPES.join(', ')}, not "${text}"`);
        break;
      case 'title': spec.title = text; break;
      case 'description': spec.description = text; break;
      case 'x': spec.x = text; break;
      case 'series': spec.series = text; break;
      case 'x-unit': spec.xUnit = text; break;
      case 'y-unit': spec.yUnit = text; break;
      case 'data': spec.data = text; break;
      case 'table':
        if (text === 'open' || text === 'closed') spec.tableOpen = text === 'open';
        else fail(at, `table must be open or closed, not "${text}"`);
        break;
    }
  }
  return ok ? spec : undefined;
}

/**
 * CSV or TSV (by the header: tabs and no commas is TSV), one record per line, RFC 4180
 * quoting within a line. Blank lines and lines starting with `#` are skipped.
 */
function readCsv(lines: string[], firstLine: number, report: (line: number, col: number, len: number, m: string) => void): ChartTable | undefined {
  let header: ChartRow | undefined;
  let delimiter = ',';
  let ragged = false;
  const rows: ChartRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const first = firstNonSpace(text);
    if (first < 0 || text[first] === '#') continue;
    const line = firstLine + i;
    if (!header) delimiter = text.includes('\t') && !text.includes(',') ? '\t' : ',';
    const split = splitRecord(text, delimiter, false);
    if (!split) {
      report(line, text.indexOf('"') + 1, 1, 'a quoted cell is never closed');
      return undefined;
    }
    const row: ChartRow = { cells: split.cells, line, text };
    if (!header) {
      header = row;
      const seen = new Set<string>();
      row.cells.forEach((c, j) => {
        if (!c) report(line, columnOf({ delimiter }, row, j), 1, `column ${j + 1} has no name`);
        else if (seen.has(c)) report(line, columnOf({ delimiter }, row, j), c.length, `column "${c}" is named twice`);
        seen.add(c);
      });
      continue;
    }
    if (row.cells.length !== header.cells.length) {
      report(line, 1, text.length, `this row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}; the header has ${header.cells.length}`);
      ragged = true;
      continue;
    }
    rows.push(row);
  }
  if (!header) {
    report(firstLine, 1, 1, 'the data has no header row');
    return undefined;
  }
  if (!rows.length && !ragged) report(header.line, 1, 1, 'the data has a header but no rows');
  return { columns: header.cells, rows, delimiter };
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (s[i] !== ' ' && s[i] !== '\t') return i;
  return -1;
}

const NO_COLUMNS: number[] = [];

/** One record; `columns` (1-based starts of cells) only when asked, as it is needed only to report a problem. */
function splitRecord(text: string, delimiter: string, withColumns: boolean): { cells: string[]; columns: number[] } | undefined {
  if (!withColumns && !text.includes('"')) {
    // The common case: no quoting, so a plain split, trimming only cells that need it.
    const cells = text.split(delimiter);
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j];
      if (c.length && (c.charCodeAt(0) === 32 || c.charCodeAt(c.length - 1) === 32 || c.charCodeAt(c.length - 1) === 13)) cells[j] = c.trim();
    }
    return { cells, columns: NO_COLUMNS };
  }
  const columns: number[] = [];
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    columns.push(i + 1);
    if (text[i] === '"') {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        cell += text.slice(j, q);
        if (text[q + 1] === '"') {
          cell += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      cells.push(cell);
      const next = text.indexOf(delimiter, j);
      if (next < 0) break;
      i = next + 1;
    } else {
      const next = text.indexOf(delimiter, i);
      cells.push(text.slice(i, next < 0 ? undefined : next).trim());
      if (next < 0) break;
      i = next + 1;
    }
  }
  return { cells, columns };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function toNumber(s: string): number | null | undefined {
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  // Number() also takes surrounding whitespace and 0x, 0b and 0o prefixes: data is decimal.
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) return undefined;
  if (s.length > 2 && s.charCodeAt(0) === 48) {
    const c = s.charCodeAt(1) | 32;
    if (c === 120 || c === 98 || c === 111) return undefined;
  }
  return n;
}

function toDate(s: string): number | undefined {
  if (!ISO_DATE.test(s)) return undefined;
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
  return Number.isFinite(t) ? t : undefined;
}

function buildChart(
  spec: Spec, table: ChartTable,
  report: (at: Place, m: string) => void,
  dataPlace: (row: number, col: number, len: number) => { at: Place; prefix: string },
): Chart | undefined {
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
  const num = (c: number) => (numbers[c] ??= table.rows.map((r) => toNumber(r.cells[c])));
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
  let xs: (number | string)[] = table.rows.map((r) => r.cells[xi]);
  if (type === 'line' || type === 'scatter') {
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
    numeric: table.columns.map((_, c) => num(c).every((v) => v !== undefined)),
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

/** Smallest and largest y over every series, gaps left out ([Infinity, -Infinity] when there is none). */
function yExtent(series: readonly ChartSeries[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) for (const v of s.y) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

const label = (name: string, unit?: string): string => (unit ? `${name} (${unit})` : name);
const fmt = d3format(',~r');

function describe(c: { type: ChartType; xName: string; ys: string[]; series: ChartSeries[]; rows: number; xUnit?: string; yUnit?: string }): string {
  const kind = { line: 'Line chart', bar: 'Bar chart', scatter: 'Scatter plot', table: 'Table' }[c.type];
  const [min, max] = yExtent(c.series);
  const range = min <= max ? ` Values from ${fmt(min)} to ${fmt(max)}${c.yUnit ? ` ${c.yUnit}` : ''}.` : '';
  const names = c.series.length > 1 ? ` ${c.series.length} series: ${c.series.map((s) => s.name).join(', ')}.` : '';
  return `${kind} of ${label(c.ys.join(', '), c.yUnit)} against ${label(c.xName, c.xUnit)}, ${c.rows} row${c.rows === 1 ? '' : 's'}.${names}${range} The data table follows.`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '{': '&#123;' };
const esc = (s: string): string => s.replace(/[&<>"{]/g, (c) => ESCAPES[c]);
const r2 = (n: number): number => Math.round(n * 100) / 100;

/** Approximate width of a tick label at 12px, to leave room for the y axis. */
const textWidth = (s: string): number => s.length * 7;

/**
 * The chart as a `<figure>`: inline SVG with `<title>` and `<desc>`, a legend, and
 * the data as a table behind `<details>`. Colours come from CSS classes (`np-s0`…),
 * so light and dark themes both apply; series also differ by dash or symbol shape.
 *
 * Every attribute here is one Vue's compiler can turn into a static string, which
 * VitePress then strips from the page's JavaScript (the HTML is already in the page).
 * One unknown attribute (`role` is one) and the whole figure, table and all, is
 * shipped again as render code: the SVG is named by `aria-labelledby` instead.
 */
export function renderChart(c: Chart, id: string, attrs = ''): string {
  const caption = `<figcaption><span class="np-chart-title">${esc(c.title)}</span>${legend(c)}</figcaption>`;
  const data = dataTable(c, id);
  const body = c.type === 'table' ? '' : svg(c, id);
  return `<figure class="np-chart np-chart-${c.type}" id="${id}"${attrs}>${caption}${body}${data}</figure>`;
}

function legend(c: Chart): string {
  if (c.type === 'table' || c.series.length < 2) return '';
  const items = c.series.map((s, i) => {
    const mark = c.type === 'line'
      ? `<line x1="0" y1="5" x2="24" y2="5" class="np-chart-line np-s${i}"/>`
      : c.type === 'scatter'
        ? `<path transform="translate(12 5)" d="${symbol(symbolsFill[i % symbolsFill.length], 36)()}" class="np-chart-dot np-s${i}"/>`
        : `<rect x="6" y="0" width="12" height="10" class="np-chart-bar np-s${i}"/>`;
    return `<li><svg viewBox="0 0 24 10" width="24" height="10" aria-hidden="true">${mark}</svg>${esc(s.name)}</li>`;
  });
  return `<ul class="np-chart-legend">${items.join('')}</ul>`;
}

function dataTable(c: Chart, id: string): string {
  const open = c.numeric.map((n) => (n ? '<td class="np-num">' : '<td>'));
  const head = c.table.columns.map((h, j) => `<th scope="col"${c.numeric[j] ? ' class="np-num"' : ''}>${esc(h)}</th>`).join('');
  let rows = '';
  for (const r of c.table.rows) {
    rows += '<tr>';
    for (let j = 0; j < r.cells.length; j++) rows += `${open[j]}${c.numeric[j] ? r.cells[j] : esc(r.cells[j])}</td>`;
    rows += '</tr>';
  }
  const n = c.table.rows.length;
  return `<details class="np-chart-data"${c.tableOpen ? ' open' : ''}><summary>Data (${n} row${n === 1 ? '' : 's'})</summary>`
    + `<div class="np-chart-table"><table aria-describedby="${id}-title"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

function svg(c: Chart, id: string): string {
  let [yMin, yMax] = yExtent(c.series);
  if (!Number.isFinite(yMin)) [yMin, yMax] = [0, 1];
  const y = c.logY ? scaleLog().domain([yMin, yMax === yMin ? yMin * 10 : yMax]) : scaleLinear().domain([Math.min(0, yMin), Math.max(0, yMax) || 1]);
  y.nice();
  const yTickValues = y.ticks(6);
  const yFormat = c.logY ? y.tickFormat(6, '~s') : y.tickFormat(6);
  const yLabels = yTickValues.map((t) => yFormat(t));
  const left = Math.max(36, 14 + Math.max(...yLabels.map(textWidth)));
  const m = { top: 24, right: 20, bottom: 44, left };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  y.range([m.top + plotH, m.top]);

  const parts: string[] = [];
  const grid: string[] = [];
  const axis: string[] = [];
  yTickValues.forEach((t, i) => {
    if (!yLabels[i]) return;
    const py = r2(y(t));
    grid.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${py}" y2="${py}"/>`);
    axis.push(`<text x="${m.left - 8}" y="${py}" dy="0.32em" text-anchor="end">${esc(yLabels[i])}</text>`);
  });
  const base = m.top + plotH;
  axis.push(`<line class="np-chart-baseline" x1="${m.left}" x2="${W - m.right}" y1="${base}" y2="${base}"/>`);
  axis.push(`<text class="np-chart-label" x="${m.left}" y="${m.top - 10}">${esc(c.y.length === 1 ? label(c.y[0], c.yUnit) : (c.yUnit ?? c.y.join(', ')))}</text>`);
  axis.push(`<text class="np-chart-label" x="${W - m.right}" y="${H - 6}" text-anchor="end">${esc(label(c.x, c.xUnit))}</text>`);

  if (c.type === 'bar') {
    const cats = [...new Set(c.series.flatMap((s) => s.x.map(String)))];
    const x = scaleBand().domain(cats).range([m.left, W - m.right]).paddingInner(0.2).paddingOuter(0.1);
    const inner = scaleBand().domain(c.series.map((_, i) => String(i))).range([0, x.bandwidth()]).padding(0.05);
    const every = Math.max(1, Math.ceil(cats.length / Math.floor(plotW / 60)));
    cats.forEach((cat, i) => {
      if (i % every) return;
      axis.push(`<text x="${r2(x(cat)! + x.bandwidth() / 2)}" y="${base + 18}" text-anchor="middle">${esc(cat)}</text>`);
    });
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
    let xMin = Infinity;
    let xMax = -Infinity;
    for (const s of c.series) for (const v of s.x as number[]) {
      if (v < xMin) xMin = v;
      if (v > xMax) xMax = v;
    }
    if (xMin === xMax) [xMin, xMax] = c.xKind === 'date' ? [xMin - 864e5, xMax + 864e5] : c.logX ? [xMin / 10, xMax * 10] : [xMin - 1, xMax + 1];
    const x = c.xKind === 'date' ? scaleUtc().domain([xMin, xMax]) : c.logX ? scaleLog().domain([xMin, xMax]) : scaleLinear().domain([xMin, xMax]);
    x.range([m.left, W - m.right]);
    if (c.type === 'scatter') x.nice();
    const count = Math.max(2, Math.floor(plotW / 90));
    const xFormat = c.logX ? (x as ReturnType<typeof scaleLog>).tickFormat(count, '~s') : (x.tickFormat as (n: number) => (d: number | Date) => string)(count);
    for (const t of (x.ticks as (n: number) => (number | Date)[])(count)) {
      const text = xFormat(t as never);
      if (!text) continue;
      const px = r2(x(t as never) as number);
      axis.push(`<line class="np-chart-tick" x1="${px}" x2="${px}" y1="${base}" y2="${base + 5}"/><text x="${px}" y="${base + 18}" text-anchor="middle">${esc(text)}</text>`);
    }
    const X = (v: number): number => x(v as never) as number;
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

/** An error box in place of a chart whose block has problems, so the page still renders. */
export function renderChartError(problems: Problem[], attrs = ''): string {
  const items = problems.map((p) => `<li>line ${p.line}: ${esc(p.message)}</li>`).join('');
  return `<div class="np-chart-error"${attrs}><strong>This chart has problems</strong><ul>${items}</ul></div>`;
}

/**
 * The chart's data: CSV or TSV, one record per line, read into rows that remember their
 * line (for problems). Cells are split from a row's text only when asked for: the
 * columns a chart draws are read as numbers in place.
 */
import { decimalIn, toNumber } from './values';

/** A data row: its cells, and where it was written. */
export interface ChartRow {
  readonly cells: string[];
  /** 1-based line within its source (the block's CSV or the data file), and the line's text. */
  readonly line: number;
  readonly text: string;
}

/** The data: the header's column names, the rows, and the delimiter the header used. */
export interface ChartTable {
  readonly columns: string[];
  readonly rows: ChartRow[];
  readonly delimiter: string;
}

/** Reports a problem at a line and column of the data, `len` characters long. */
export type DataReport = (line: number, col: number, len: number, m: string) => void;

/** The 1-based column where a row's cell starts (worked out again only to report a problem). */
export function columnOf(t: { delimiter: string }, row: ChartRow, cell: number): number {
  const columns: number[] = [];
  splitQuoted(row.text, t.delimiter, columns);
  return columns[cell] ?? 1;
}

/**
 * CSV or TSV (by the header: tabs and no commas is TSV), one record per line, RFC 4180
 * quoting within a line. Blank lines and lines starting with `#` are skipped. With
 * `crlf`, a CR before each LF is part of the line end (a data file); the first line of
 * `text` is line `firstLine`.
 *
 * Lines are read in place, not split into an array first: at 10,000 rows the arrays
 * and strings made for lines that are dropped or copied again cost more than the parse.
 */
export function readCsv(text: string, firstLine: number, report: DataReport, crlf = false): ChartTable | undefined {
  let header: ChartRow | undefined;
  let delimiter = ',';
  let ragged = false;
  const rows: ChartRow[] = [];
  for (let start = 0, i = 0; start <= text.length; i++) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length + 1 : end + 1;
    if (end < 0) end = text.length;
    else if (crlf && end > start && text.charCodeAt(end - 1) === 13) end--;
    const first = firstNonSpace(text, start, end);
    const lineStart = start;
    start = next;
    if (first < 0 || text.charCodeAt(first) === 35 /* # */) continue;
    const line = firstLine + i;
    const rowText = text.slice(lineStart, end);
    if (!header) delimiter = rowText.includes('\t') && !rowText.includes(',') ? '\t' : ',';
    // Quoted rows are split now, to find an unclosed quote; the rest when their cells are asked for.
    const quoted = !header || rowText.includes('"');
    const cells = quoted ? splitRecord(rowText, delimiter) : undefined;
    if (quoted && !cells) {
      report(line, rowText.indexOf('"') + 1, 1, 'a quoted cell is never closed');
      return undefined;
    }
    const row = new CsvRow(rowText, line, delimiter, cells);
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
    const count = cells ? cells.length : countCells(rowText, delimiter);
    if (count !== header.cells.length) {
      report(line, 1, rowText.length, `this row has ${count} cell${count === 1 ? '' : 's'}; the header has ${header.cells.length}`);
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

/**
 * A row as read. Its cells are split on first use; until then `number` reads a cell in
 * place, which at 10,000 rows saves the arrays and strings of every cell not drawn.
 */
class CsvRow implements ChartRow {
  private split: string[] | undefined;

  constructor(readonly text: string, readonly line: number, private readonly delimiter: string, cells?: string[]) {
    this.split = cells;
  }

  get cells(): string[] {
    // Rows are kept only when they have the header's number of cells, so the split succeeds.
    return (this.split ??= splitRecord(this.text, this.delimiter)!);
  }

  /** Cell `c` as `toNumber` reads it. */
  number(c: number): number | null | undefined {
    if (this.split) return toNumber(this.split[c]);
    const t = this.text;
    let a = 0;
    for (let k = 0; k < c; k++) a = t.indexOf(this.delimiter, a) + 1;
    let b = t.indexOf(this.delimiter, a);
    if (b < 0) b = t.length;
    if (a === b) return null;
    // Spaces and CRs at a cell's edges are trimmed by the split: leave those cells to it.
    if (t.charCodeAt(a) <= 32 || t.charCodeAt(b - 1) <= 32) return toNumber(this.cells[c]);
    return decimalIn(t, a, b) ?? toNumber(t.slice(a, b));
  }

  /** True when the cells are the text between delimiters exactly: no quotes, and nothing to trim. */
  get plain(): boolean {
    const t = this.text;
    return !t.includes('"') && !t.includes(' ') && !t.includes('\r');
  }
}

/** Column `c` of every row as numbers: null when empty, undefined when not a decimal number. */
export function columnNumbers(rows: readonly ChartRow[], c: number): (number | null | undefined)[] {
  return rows.map((r) => (r instanceof CsvRow ? r.number(c) : toNumber(r.cells[c])));
}

/** True when every cell of column `c` is a number or empty. */
export function isNumberColumn(rows: readonly ChartRow[], c: number): boolean {
  return rows.every((r) => (r instanceof CsvRow ? r.number(c) : toNumber(r.cells[c])) !== undefined);
}

/** True when a row's cells are its text between delimiters, unchanged (see `CsvRow.plain`). */
export function isPlain(row: ChartRow): boolean {
  return row instanceof CsvRow && row.plain;
}

/** The number of cells in a row without quotes. */
function countCells(text: string, delimiter: string): number {
  let n = 1;
  for (let i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) n++;
  return n;
}

/** The index of the first character in [from, to) that is not a space or a tab, or -1. */
function firstNonSpace(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return i;
  }
  return -1;
}

/** One record's cells, or undefined when a quoted cell is not closed. */
function splitRecord(text: string, delimiter: string): string[] | undefined {
  if (!text.includes('"')) {
    // The common case: no quoting, so a plain split, trimming only cells that need it.
    const cells = text.split(delimiter);
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j];
      if (c.length && (c.charCodeAt(0) === 32 || c.charCodeAt(c.length - 1) === 32 || c.charCodeAt(c.length - 1) === 13)) cells[j] = c.trim();
    }
    return cells;
  }
  return splitQuoted(text, delimiter, undefined);
}

/** A record with quotes, cell by cell; pushes each cell's 1-based start column to `columns` when given. */
function splitQuoted(text: string, delimiter: string, columns: number[] | undefined): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    columns?.push(i + 1);
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
  return cells;
}

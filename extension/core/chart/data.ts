/**
 * The chart's data: CSV or TSV, one record per line, read into rows that remember their
 * line (for problems), and cells read as numbers or dates.
 */

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
    const cells = splitRecord(rowText, delimiter);
    if (!cells) {
      report(line, rowText.indexOf('"') + 1, 1, 'a quoted cell is never closed');
      return undefined;
    }
    const row: ChartRow = { cells, line, text: rowText };
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
      report(line, 1, rowText.length, `this row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}; the header has ${header.cells.length}`);
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A cell as a number: null when empty (a gap), undefined when it is not a decimal number. */
export function toNumber(s: string): number | null | undefined {
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

/** An ISO 8601 date or date-time cell as milliseconds since 1970 (UTC unless it names an offset), else undefined. */
export function toDate(s: string): number | undefined {
  if (!ISO_DATE.test(s)) return undefined;
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
  return Number.isFinite(t) ? t : undefined;
}

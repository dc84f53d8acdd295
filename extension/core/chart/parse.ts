/**
 * Finding chart blocks in a note and parsing one: spec, then data (inline or from a
 * file beside the note), then the chart, every problem at its line and column.
 */
import { posix } from 'node:path';
import { Problem, ProblemCode } from '../problems';
import { readSpec, type Place } from './spec';
import { readCsv, type ChartTable } from './data';
import { buildChart, type Chart, type DataPlace } from './build';

/** A ```chart block found in a note. */
export interface ChartBlock {
  /** The text between the fences. */
  readonly source: string;
  /** 1-based file line of the first line inside the fences. */
  readonly line: number;
}

/** Where a block is, and how to read the data file it may name. */
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

/** A parsed block: the chart when it has no problems, else its problems. */
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

/** Parses and checks a chart block. Never throws. */
export function parseChart(source: string, ctx: ChartContext): ChartParse {
  const problems: Problem[] = [];
  const report = (at: Place, message: string, code: ProblemCode = ProblemCode.Chart): void => {
    problems.push({ file: ctx.file, line: at.line, column: at.column, endLine: at.line, endColumn: Math.max(at.endColumn, at.column + 1), code, severity: 'error', message });
  };
  const blockStart: Place = { line: ctx.line - 1, column: 1, endColumn: 9 };

  // Spec, then `---`, then CSV. Without `---`, a block that starts with `key:` is all
  // spec (its data is in a file) and anything else is all CSV.
  const sep = separator(source);
  let specText = '';
  // The CSV, and its first line's index in the block; undefined when the block is all spec.
  let csv: string | undefined;
  let csvLine = 0;
  if (sep) {
    specText = source.slice(0, Math.max(0, sep.start - 1));
    csv = sep.next < 0 ? '' : source.slice(sep.next);
    csvLine = sep.line + 1;
  } else if (/^[A-Za-z][\w-]*\s*:(\s|$)/.test(firstText(source))) specText = source;
  else csv = source;
  const spec = readSpec(specText, ctx.line, report);
  if (!spec) return { problems };

  let table: ChartTable | undefined;
  let dataFile: string | undefined;
  // Where problems in the data are reported, and how their place is named.
  let dataPlace: DataPlace;
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
    if (csv !== undefined && /\S/.test(csv)) {
      report(at, 'the chart has both a data file and CSV after ---: keep one');
    }
    if (!ctx.read) return { problems, dataFile };
    const text = ctx.read(target);
    if (text === undefined) {
      report(at, `data file "${d}" does not exist (looked for ${target})`, ProblemCode.MissingFile);
      return { problems, dataFile };
    }
    dataPlace = (row, col) => ({ at, prefix: `${target}:${row}:${col}: ` });
    table = readCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 1, (row, col, len, msg) => {
      const p = dataPlace(row, col, len);
      report(p.at, p.prefix + msg);
    }, true);
  } else {
    if (csv === undefined || !/\S/.test(csv)) {
      report(blockStart, 'the chart has no data: add CSV after a line `---`, or `data: ./file.csv`');
      return { problems };
    }
    const first = ctx.line + csvLine;
    dataPlace = (row, col, len) => ({ at: { line: first + row - 1, column: col, endColumn: col + len }, prefix: '' });
    table = readCsv(csv, 1, (row, col, len, msg) => {
      const p = dataPlace(row, col, len);
      report(p.at, p.prefix + msg);
    });
  }
  if (!table || problems.length) return { problems, dataFile };
  const chart = buildChart(spec, table, report, dataPlace);
  return { chart: problems.length ? undefined : chart, problems, dataFile };
}

/** The first line that is `---`: its index, where it starts, and where the next line starts (-1 if none). */
function separator(source: string): { line: number; start: number; next: number } | undefined {
  for (let start = 0, line = 0; ; line++) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    if (source.charCodeAt(start) === 45 && /^---\s*$/.test(source.slice(start, end))) return { line, start, next: nl < 0 ? -1 : nl + 1 };
    if (nl < 0) return undefined;
    start = nl + 1;
  }
}

/** The first line with text that is not a `#` comment, or ''. */
function firstText(source: string): string {
  for (let start = 0; ;) {
    const nl = source.indexOf('\n', start);
    const l = source.slice(start, nl < 0 ? undefined : nl);
    if (l.trim() !== '' && !l.trimStart().startsWith('#')) return l;
    if (nl < 0) return '';
    start = nl + 1;
  }
}

/**
 * The chart's spec: the YAML lines before `---`, their keys, and where each was written
 * (so that a problem about a value points at it).
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { openingQuote } from '../frontmatter';

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

/** A place in the note: 1-based line, and the columns a problem underlines. */
export interface Place { line: number; column: number; endColumn: number }

/** Reports a problem at a place in the note. */
export type Report = (at: Place, message: string) => void;

export interface Spec {
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
  /** Where each key's value (or the key, when it has none) was written. */
  places: Record<string, Place>;
}

/** The spec in `text`, whose first line is note line `firstLine`; undefined after a problem. */
export function readSpec(text: string, firstLine: number, report: Report): Spec | undefined {
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

/**
 * What the chart says without the picture: the sentence screen readers read (its
 * `<desc>`), and the data as a table behind a disclosure.
 */
import type { ChartType } from './spec';
import type { Chart, ChartSeries } from './build';
import { isPlain } from './data';
import { esc, fmt, label } from './format';
import { yExtent } from './scales';
import { asciiBytes, TextWriter } from './writer';

/** The default description: kind, what against what, rows, series, and the range of values. */
export function describe(c: { type: ChartType; xName: string; ys: string[]; series: ChartSeries[]; rows: number; xUnit?: string; yUnit?: string }): string {
  const kind = { line: 'Line chart', bar: 'Bar chart', scatter: 'Scatter plot', table: 'Table' }[c.type];
  const [min, max] = yExtent(c.series);
  const range = min <= max ? ` Values from ${fmt(min)} to ${fmt(max)}${c.yUnit ? ` ${c.yUnit}` : ''}.` : '';
  const names = c.series.length > 1 ? ` ${c.series.length} series: ${c.series.map((s) => s.name).join(', ')}.` : '';
  return `${kind} of ${label(c.ys.join(', '), c.yUnit)} against ${label(c.xName, c.xUnit)}, ${c.rows} row${c.rows === 1 ? '' : 's'}.${names}${range} The data table follows.`;
}

/** The data as a table in `<details>`, numbers right-aligned, described by the chart's title. */
export function dataTable(c: Chart, id: string): string {
  const head = c.table.columns.map((h, j) => `<th scope="col"${c.numeric[j] ? ' class="np-num"' : ''}>${esc(h)}</th>`).join('');
  const n = c.table.rows.length;
  return `<details class="np-chart-data"${c.tableOpen ? ' open' : ''}><summary>Data (${n} row${n === 1 ? '' : 's'})</summary>`
    + `<div class="np-chart-table"><table aria-describedby="${id}-title"><thead><tr>${head}</tr></thead><tbody>${tableRows(c)}</tbody></table></div></details>`;
}

/**
 * The table's rows. A function of its own: the loop is compiled while it runs, and code
 * after it in the same function, never run by then, sent it back to the interpreter on
 * every chart (seen with --trace-deopt).
 */
function tableRows(c: Chart): string {
  const open = c.numeric.map((n) => (n ? '<td class="np-num">' : '<td>'));
  // Numbers need no escaping: when every column holds them, a plain row's cells (see
  // isPlain) are copied from its text between delimiters, without splitting it. Written
  // as bytes (see TextWriter): a string per cell and a join per cell and row were most of
  // a large chart's garbage, and all of it alive until the chart was done.
  const allNumbers = c.numeric.every(Boolean);
  const rowOpen = asciiBytes(`<tr>${open[0]}`);
  const between = asciiBytes(`</td>${open[0]}`);
  const rowClose = asciiBytes('</td></tr>');
  const delimiter = c.table.delimiter;
  const w = new TextWriter();
  const rows = c.table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (allNumbers && isPlain(r)) {
      const t = r.text;
      w.raw(rowOpen);
      let a = 0;
      for (let k = t.indexOf(delimiter); k >= 0; a = k + 1, k = t.indexOf(delimiter, a)) {
        w.text(t, a, k);
        w.raw(between);
      }
      w.text(t, a);
      w.raw(rowClose);
      continue;
    }
    w.text('<tr>');
    for (let j = 0; j < r.cells.length; j++) {
      w.text(open[j]);
      w.text(c.numeric[j] ? r.cells[j] : esc(r.cells[j]));
      w.text('</td>');
    }
    w.text('</tr>');
  }
  return w.take();
}

/** A parsed chart as HTML: the figure with its caption, drawing and data table; or an error box. */
import { symbol, symbolsFill } from 'd3-shape';
import type { Problem } from '../problems';
import type { Chart } from './build';
import { dataTable } from './describe';
import { esc } from './format';
import { drawings } from './svg';

/**
 * The chart as a `<figure>`: inline SVG with `<title>` and `<desc>` (drawn twice, for
 * wide and narrow columns: see `svg.ts`), a legend, and the data as a table behind
 * `<details>`. Colours come from CSS classes (`np-s0`…),
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
  const body = c.type === 'table' ? '' : drawings(c, id);
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

/** An error box in place of a chart whose block has problems, so the page still renders. */
export function renderChartError(problems: Problem[], attrs = ''): string {
  const items = problems.map((p) => `<li>line ${p.line}: ${esc(p.message)}</li>`).join('');
  return `<div class="np-chart-error"${attrs}><strong>This chart has problems</strong><ul>${items}</ul></div>`;
}

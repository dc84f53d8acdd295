/**
 * Charts from data: a fenced ```` ```chart ```` block holds a small YAML spec and CSV
 * (or points at a CSV file beside the note), and renders to inline SVG when the page
 * is built. No JavaScript reaches the page; the preview renders the same SVG with the
 * same function. Scales, ticks, number formats, lines and symbols come from the d3
 * modules; these files only lay them out.
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
 *
 * The parts, in the order a block goes through them: `parse.ts` (blocks, and the whole
 * parse), `spec.ts` (the YAML keys), `data.ts` (CSV and TSV rows), `values.ts` (numbers
 * and dates), `build.ts` (columns, series and checks), `scales.ts` (layout of the
 * regular and compact drawings), `svg.ts` (drawing), `writer.ts` (path data),
 * `describe.ts` (description and data table), `render.ts` (the figure).
 */
export { CHART_KEYS, CHART_TYPES, type ChartType } from './spec';
export type { ChartRow, ChartTable } from './data';
export { MAX_SERIES, type Chart, type ChartSeries } from './build';
export { chartBlocks, chartProblems, parseChart, type ChartBlock, type ChartContext, type ChartParse } from './parse';
export { relativeSymbol } from './svg';
export { renderChart, renderChartError } from './render';

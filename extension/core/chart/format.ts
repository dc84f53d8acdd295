/** Small text helpers shared by the chart's SVG, table and description. */
import { format as d3format } from 'd3-format';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '{': '&#123;' };

/** Text for HTML content and attributes; `{` too, so `{{` never reaches Vue's compiler as an expression. */
export const esc = (s: string): string => s.replace(/[&<>"{]/g, (c) => ESCAPES[c]);

/** A coordinate rounded to 2 places, the precision the SVG is written in. */
export const r2 = (n: number): number => Math.round(n * 100) / 100;

/** An axis or column label with its unit: `lag (records)`. */
export const label = (name: string, unit?: string): string => (unit ? `${name} (${unit})` : name);

/** Numbers in prose: grouped thousands, no trailing zeros. */
export const fmt = d3format(',~r');

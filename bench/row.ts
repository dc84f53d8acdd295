/** A row of BENCHMARKS.md's table: a figure, its baseline from the same run, and the target it is held to. */
import { fmt } from './stats';

export interface Row { section: string; what: string; value: string; baseline: string; ratio: string; target: string; met: string }

export function row(section: string, what: string, value: number, baseline: number | undefined, baselineWhat: string, target?: { max?: number; maxRatio?: number; min?: number; unit?: string }, unit = 'ms'): Row {
  const ratio = baseline ? value / baseline : undefined;
  const checks: [string, boolean][] = [];
  if (target?.max !== undefined) checks.push([`≤ ${fmt(target.max, target.unit ?? unit)}`, value <= target.max]);
  if (target?.min !== undefined) checks.push([`≥ ${fmt(target.min, target.unit ?? unit)}`, value >= target.min]);
  if (target?.maxRatio !== undefined && ratio !== undefined) checks.push([`ratio ≤ ${target.maxRatio.toFixed(2)}`, ratio <= target.maxRatio]);
  return {
    section, what, value: fmt(value, unit),
    baseline: baseline === undefined ? '' : `${fmt(baseline, unit)} (${baselineWhat})`,
    ratio: ratio === undefined ? '' : ratio.toFixed(2),
    target: checks.map(([t]) => t).join(', '),
    met: checks.length ? (checks.every(([, ok]) => ok) ? 'yes' : 'NO') : '',
  };
}

export function table(rows: Row[]): string {
  const head = '| section | measure | value | baseline (same run) | ratio | target | met |\n| --- | --- | --- | --- | --- | --- | --- |';
  return [head, ...rows.map((r) => `| ${r.section} | ${r.what} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met} |`)].join('\n');
}


/** Small statistics for benchmark rows: median, percentiles, min, max; and a timer. */
import { performance } from 'node:perf_hooks';

export interface Summary { readonly median: number; readonly p95: number; readonly min: number; readonly max: number; readonly runs: number }

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1], runs: s.length };
}

export const fmt = (n: number, unit = 'ms') => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ${unit}`;

/** A row's spread: "median of N; min …, max …". */
export const spread = (s: Summary, unit = 'ms') => `median of ${s.runs}; min ${fmt(s.min, unit)}, max ${fmt(s.max, unit)}`;

/** Several builds of one site, summarised: wall time, CPU time and peak memory. */
export type Builds = { ms: Summary; cpu: Summary; peak: Summary };
export const summarizeBuilds = (f: readonly { ms: number; cpuMs: number; peakMB: number }[]): Builds => ({
  ms: summarize(f.map((x) => x.ms)), cpu: summarize(f.map((x) => x.cpuMs)), peak: summarize(f.map((x) => x.peakMB)),
});

/** How long `f` takes, in milliseconds. */
export const time = async (f: () => unknown | Promise<unknown>) => { const t = performance.now(); await f(); return performance.now() - t; };
export const timeSync = (f: () => unknown) => { const t = performance.now(); f(); return performance.now() - t; };

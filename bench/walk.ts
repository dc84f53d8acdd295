import { rng } from '../test/helpers/generate';

/** The CSV of a deterministic random walk: `points` rows of x and two series. */
export function walkCsv(points: number, seed = 7): string {
  const next = rng(seed);
  let a = 100;
  let b = 120;
  const lines = ['t,a,b'];
  for (let i = 0; i < points; i++) {
    a = Math.max(1, a + (next() - 0.5) * 4);
    b = Math.max(1, b + (next() - 0.5) * 6);
    lines.push(`${i},${a.toFixed(2)},${b.toFixed(2)}`);
  }
  return lines.join('\n');
}

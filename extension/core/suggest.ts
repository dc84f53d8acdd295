/**
 * "Did you mean": the closest known word to a mistyped one, for settings keys, field
 * types and kind ids. Close means at most a third of the word changed (rounded up), so
 * `lable` suggests `label` and `colour` suggests nothing.
 */
import { distance } from 'fastest-levenshtein';

export function closest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const k of known) {
    const d = distance(w, k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD > 0 && bestD <= Math.max(1, Math.ceil(word.length / 3)) ? best : undefined;
}

/**
 * How far a big notebook's build lets its heap grow past what it holds. After each full
 * collection V8 sets the next one's threshold at the live size times a factor it picks
 * from how fast it collects, up to 4. At 1,000 notes about 750 MB are live at the peak,
 * and the process peaked anywhere from 1.6 to 2.9 GB between builds of the same notes,
 * most of it garbage not yet collected. With the factor fixed at 1.25 it peaked at
 * 1.41–1.43 GB in the same time (60.5–74.1 s against 67.2 and 75.7 s, cold builds taken
 * in turn; a factor of 1.5 peaked at 1.57–1.61 GB).
 *
 * Smaller notebooks keep V8's choice: there the heap is small, collections come often,
 * and fixing the factor cost time for memory nobody misses (100 notes: 15% more time to
 * peak at 0.48 GB instead of 0.56–0.72; 300 notes: about 8% more to peak at 0.7 GB
 * instead of 1.2).
 *
 * This is not a ceiling: a bigger notebook still gets all the heap it needs, where a
 * lower `--max-old-space-size` would make it fail (and costs time: 1,280 MB took 9% more).
 * V8 reads the factor at each collection, so it can be set once the process runs; it is
 * set back when the build ends, for a process that goes on with other work.
 */
import { setFlagsFromString } from 'node:v8';

/** From this many published entries a build bounds its heap's growth. */
export const BOUNDED_FROM = 500;
/** The heap grows by at most this much (percent) over what the last full collection left. */
export const HEAP_GROWTH_PERCENT = 25;

/** Bounds the heap's growth for the build of a notebook this big; the function returned restores V8's own choice. */
export function boundHeapGrowth(entries: number): () => void {
  if (entries < BOUNDED_FROM) return () => undefined;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
  // 0 is V8's default: the factor is picked from the collector's speed again.
  return () => setFlagsFromString('--heap-growing-percent=0');
}

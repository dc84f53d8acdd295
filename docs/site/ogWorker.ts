/**
 * Draws Open Graph cards into the cache on a thread of their own (see `ogWarmup.ts`):
 * the cards of every published entry are known before VitePress bundles anything, and
 * bundling leaves most of a second core idle. Posts the hashes of the cards it drew.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ogImage } from './ogCache';
import type { OgCard } from './ogImage';

const { cards, dir } = workerData as { cards: OgCard[]; dir: string };
const drawn: string[] = [];
let next = 0;
// Two at a time where there are cores to spare: one card is laid out here while the other is
// rasterised on libuv's threads. On two cores that third busy thread slows the bundle itself:
// measured at 1,000 notes, cold, three builds each in turn, one lane took 62–72 s (median 66)
// against 69–75 s (median 71) for two, and the cards were still drawn before the bundle ended.
const lanes = Math.max(1, Math.min(2, availableParallelism() - 1));
const lane = async () => {
  while (next < cards.length) {
    // A card that fails here is drawn again at the end of the build, which reports why.
    const r = await ogImage(cards[next++], dir).catch(() => undefined);
    if (r?.drawn) drawn.push(r.hash);
  }
};
// No top-level await: run from the source, this file is loaded as CommonJS.
void Promise.all(Array.from({ length: lanes }, lane)).then(() => parentPort?.postMessage(drawn));

/**
 * Open Graph cards drawn early: while VitePress bundles the site, a worker thread draws
 * the cards of every published entry into the card cache, so that `buildEnd` finds them
 * there. Only the cache is touched, and its key is the whole card, so a card predicted
 * wrongly is simply drawn again at the end. Anything that goes wrong here (no worker
 * file, the worker fails) costs time only: the end of the build draws what is missing.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OgCard } from './ogImage';

export interface Warmup {
  /** The hashes of the cards the worker drew; empty when it failed or was never started. */
  readonly done: Promise<ReadonlySet<string>>;
}

/** The worker's file: beside this module, built (`.mjs`, the package) or not (`.ts`, run through tsx). */
function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const file = path.join(path.dirname(here), here.endsWith('.ts') ? 'ogWorker.ts' : 'ogWorker.mjs');
  return existsSync(file) ? file : undefined;
}

/**
 * The worker's heap, capped: it holds one or two cards at a time (measured, about 55 MB live
 * over 1,000 cards), and uncapped V8 let it grow to about 290 MB before collecting. At 128 MB
 * a build of 1,000 cards peaked about 90 MB lower in the same time; at 64 MB it spent three
 * times the CPU collecting. Past the cap the worker stops, and the end of the build draws the rest.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128 };

function spawn(file: string, workerData: unknown): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData, resourceLimits: RESOURCE_LIMITS });
  // Run from the source (the unit tests): a worker does not inherit tsx's hooks, so it registers them itself.
  const boot = `Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([e, c]) => { e.register(); c.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits: RESOURCE_LIMITS });
}

/** Starts drawing `cards` into `dir` on a worker thread; the process does not wait for it unless `done` is awaited. */
export function startWarmup(cards: readonly OgCard[], dir: string): Warmup {
  const file = workerFile();
  if (!file || !cards.length) return { done: Promise.resolve(new Set()) };
  let worker: Worker;
  try {
    worker = spawn(file, { cards, dir });
  } catch {
    return { done: Promise.resolve(new Set()) };
  }
  // A build that fails before its end must not be kept alive by cards nobody will use.
  worker.unref();
  const done = new Promise<ReadonlySet<string>>((resolve) => {
    worker.once('message', (hashes: string[]) => resolve(new Set(hashes)));
    worker.once('error', () => resolve(new Set()));
    worker.once('exit', () => resolve(new Set()));
  });
  return {
    get done() {
      // Awaited at the end of the build: from then on the worker holds the process until it is finished.
      worker.ref();
      return done;
    },
  };
}

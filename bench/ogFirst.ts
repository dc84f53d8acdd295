// The first Open Graph card of a fresh process, for `bench/og.ts`: reading and parsing
// the font, compiling satori's layout engine, and one drawing. Prints milliseconds.
import { performance } from 'node:perf_hooks';
import { createRenderer } from '../docs/site/ogImage';
import { benchCards } from './og';

const t0 = performance.now();
createRenderer().draw(benchCards(1)[0]).then(() => process.stdout.write(`${performance.now() - t0}\n`));

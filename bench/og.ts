/**
 * Open Graph cards: ms per image drawn (cache empty), taken from the cache, and
 * written for a whole site a few at a time as `buildEnd` does; against satori + resvg
 * set up the default way, as AstroPaper does (font read again for every image, so
 * satori parses it again; resvg loading the system's fonts), in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { cardTree, createRenderer, FONT_FILE, HEIGHT, WIDTH, type OgCard } from '../docs/site/ogImage';
import { ogImage } from '../docs/site/ogCache';
import { summarize, type Summary } from './stats';

export interface OgFigures { cold: Summary; cached: Summary; site: number; naive: Summary; first: Summary; cards: number; parallel: number }

const WORDS = ['consensus', 'storage', 'engines', 'latency', 'under', 'load', 'the', 'event', 'loop', 'replication', 'of', 'a', 'log', 'memory', 'allocators', 'in', 'Rust'];

/** Cards like a notebook's: titles of 3 to 20 words, dates, reading times. */
export function benchCards(n: number): OgCard[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `${i}: ${Array.from({ length: 3 + ((i * 7) % 18) }, (_, j) => WORDS[(i * 5 + j * 3) % WORDS.length]).join(' ')}`,
    kind: ['Note', 'Case Study', 'Research', 'Open Source'][i % 4],
    date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    readingTime: `${1 + (i % 15)} min read`,
    siteName: 'SK1PPR',
    url: `https://sk1ppr.github.io/notes/note-${i}`,
  }));
}

const time = async (f: () => unknown) => { const t = performance.now(); await f(); return performance.now() - t; };

export async function benchOg(cards: number, coldRuns: number): Promise<OgFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-bench-og-'));
  try {
    const renderer = createRenderer();
    await renderer.draw(benchCards(1)[0]); // satori's and resvg's one-time set-up, measured apart below
    const list = benchCards(cards);
    const cold: number[] = [];
    for (const c of list) cold.push(await time(() => ogImage(c, path.join(dir, 'one'), renderer)));
    const cached: number[] = [];
    for (const c of list) cached.push(await time(() => ogImage(c, path.join(dir, 'one'), renderer)));

    // A whole site's cards into an empty cache, as many at once as buildEnd runs.
    const parallel = Math.min(4, os.availableParallelism());
    let next = 0;
    const site = await time(() => Promise.all(Array.from({ length: parallel }, async () => {
      while (next < list.length) await ogImage(list[next++], path.join(dir, 'site'), renderer);
    })));

    // Baseline: the default set-up, same picture.
    const naive: number[] = [];
    for (const c of list) {
      naive.push(await time(async () => {
        const data = readFileSync(FONT_FILE);
        const svg = await satori(cardTree(c, renderer.has) as Parameters<typeof satori>[0], { width: WIDTH, height: HEIGHT, fonts: [{ name: 'Inter', data, weight: 700, style: 'normal' }] });
        return new Resvg(svg).render().asPng();
      }));
    }

    // The first card of a build: a fresh process, font parsed and wasm compiled.
    const first: number[] = [];
    for (let i = 0; i < coldRuns; i++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'ogFirst.ts')], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      first.push(Number(r.stdout.trim()));
    }
    return { cold: summarize(cold), cached: summarize(cached), site: site / list.length, naive: summarize(naive), first: summarize(first), cards, parallel };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

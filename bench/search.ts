/**
 * Search on a built site: what a reader downloads the first time they search, and how
 * long from opening search to the first result, cold (a fresh browser context each
 * run). Ours (the index written at the end of the build from the core's text) against
 * VitePress's local search over the same notes, as the default theme builds it. Also
 * the time our build spends writing the index.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { writeNotebook } from '../test/helpers/generate';
import { launchBrowser } from '../test/helpers/browser';
import { serveStatic } from '../test/helpers/staticServer';
import { loadNotebook } from '../extension/core/node/load';
import { writeSearchIndex } from '../docs/site/search';
import { buildOnce, writeDefaultTheme } from './site';
import { summarize, type Summary } from './stats';

const repo = path.resolve(__dirname, '..');

/** A word in most generated notes: the results fill the list, as a common word's do. */
const QUERY = 'compaction';

export interface SearchSide {
  /** The index file, gzip. */
  readonly indexGzip: number;
  readonly indexRaw: number;
  /** Everything fetched from opening search until the results and their excerpts are shown, gzip. */
  readonly fetchedGzip: number;
  readonly files: number;
  /** Opening search to the first result on screen, ms. */
  readonly first: Summary;
}

export interface SearchFigures { readonly n: number; readonly ours: SearchSide; readonly theirs: SearchSide; readonly write: Summary }

interface Ui { readonly input: string; readonly option: string; readonly index: (outDir: string) => string }

const OURS: Ui = { input: '#np-search-input', option: '#np-search-results [role=option]', index: (out) => path.join(out, 'search-index.json') };
const THEIRS: Ui = {
  input: '#localsearch-input',
  option: '#localsearch-list [role=option]',
  index: (out) => {
    const chunks = path.join(out, 'assets/chunks');
    const file = readdirSync(chunks).find((f) => f.startsWith('@localSearchIndex'));
    if (!file) throw new Error(`no local search index in ${chunks}`);
    return path.join(chunks, file);
  },
};

async function measure(browser: Browser, outDir: string, ui: Ui, runs: number): Promise<SearchSide> {
  const server = await serveStatic(outDir);
  const times: number[] = [];
  let fetched: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/notes/note-00000`, { waitUntil: 'networkidle' });
      // Hydrated: Vue has mounted the app, so the page's keyboard shortcuts work.
      await page.waitForFunction(() => !!(document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__);
      const urls: string[] = [];
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.press('/');
      await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), ui.input);
      await page.keyboard.insertText(QUERY);
      const shown = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), ui.option, { polling: 'raf' });
      times.push((await shown.jsonValue()) - t0);
      await page.waitForLoadState('networkidle');
      if (i === 0) fetched = urls;
      await context.close();
    }
  } finally {
    await server.close();
  }
  const gzip = (file: string) => gzipSync(readFileSync(file)).length;
  const index = ui.index(outDir);
  return {
    indexGzip: gzip(index),
    indexRaw: readFileSync(index).length,
    fetchedGzip: fetched.reduce((n, u) => n + gzip(path.join(outDir, decodeURIComponent(u))), 0),
    files: fetched.length,
    first: summarize(times),
  };
}

/** Builds `n` generated notes with both themes and measures search on each. */
export async function benchSearch(sizes: number[], runs: number): Promise<SearchFigures[]> {
  const out: SearchFigures[] = [];
  const browser = await launchBrowser();
  try {
    for (const n of sizes) {
      // Under the repository's .cache/: the pages VitePress compiles import vue from beside them.
      const base = path.join(repo, '.cache', `bench-search-${n}`);
      rmSync(base, { recursive: true, force: true });
      const content = path.join(base, 'content');
      writeNotebook(content, n);
      writeDefaultTheme(content);
      try {
        buildOnce('notepress', content, path.join(base, 'out-notepress'));
        buildOnce('default', content, path.join(base, 'out-default'));
        const nb = await loadNotebook(content);
        const write: number[] = [];
        for (let i = 0; i < runs; i++) {
          const dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-search-'));
          const t = performance.now();
          await writeSearchIndex(nb, dir);
          write.push(performance.now() - t);
          rmSync(dir, { recursive: true, force: true });
        }
        out.push({
          n,
          ours: await measure(browser, path.join(base, 'out-notepress'), OURS, runs),
          theirs: await measure(browser, path.join(base, 'out-default'), THEIRS, runs),
          write: summarize(write),
        });
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

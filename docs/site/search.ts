/**
 * The site's search index, written once at the end of the build from the core's view
 * of each page (`searchText`: markdown-it tokens, no highlighting, no HTML), and
 * fetched by the search box the first time it opens. Every published entry of every
 * kind, the home page and the top-level pages; never a draft; list pages not at all
 * (they repeat their entries' titles and summaries).
 *
 * Beside it, each page's words (`searchTextUrl`), fetched only for the pages a search
 * shows, to cut an excerpt around the matched words: the index itself holds no text,
 * so its weight is its terms alone.
 *
 * MiniSearch rather than Pagefind, by measurement (2 cores, Chromium): on the seed and
 * at 100 notes a first search fetches 15 and 62 KB against Pagefind's ~100 KB (its
 * WebAssembly and worker) and shows a result about three times sooner (0.4 and 0.7 s
 * against 1.6 and 1.9 s on a throttled 4G line), and Pagefind ranked the Emulation page
 * over the Game Boy emulator (stemming). Pagefind fetches less from about 150 notes and
 * answers sooner on a slow line from about 450 (at 1,000 notes: 131 KB against ~700 KB,
 * 2.1 s against 4.3 s): a notebook that large is the case to revisit.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import MiniSearch from 'minisearch';
import type { Plugin } from 'vite';
import { searchText, searchTextUrl, urlOf, type Notebook } from '../../extension/core/index';
import { indexOptions, SEARCH_INDEX_FILE, type PageWords, type SearchDoc } from '../theme/support/searchIndex';

/** What a page of the site gives the index. */
interface Source { readonly path: string; readonly title: string; readonly kind: string; readonly summary: string; readonly tags: readonly string[]; readonly body: string }

/** One page's documents (the page, then each of its sections) and its words for excerpts. */
interface Indexed { readonly url: string; readonly docs: SearchDoc[]; readonly words: PageWords }

function sources(nb: Notebook): Source[] {
  const out: Source[] = [];
  const profile = nb.profile;
  if (profile) {
    // The home page: who writes the notebook, what they do, and the focus card.
    const focus = profile.focus.map(([k, v]) => `${k}: ${v}`).join('\n');
    out.push({ path: profile.path, title: profile.name ?? profile.role ?? 'Home', kind: 'Home', summary: [profile.role, profile.tagline].filter(Boolean).join('. '), tags: [], body: `${profile.body}\n\n${focus}` });
  }
  for (const p of nb.pages()) out.push({ path: p.path, title: p.title, kind: 'Page', summary: p.summary, tags: [], body: p.body });
  for (const e of nb.published()) out.push({ path: e.path, title: e.title, kind: nb.kinds.spec(e.kind).label, summary: e.summary, tags: e.tags, body: e.body });
  return out;
}

/** Every published page, as documents: one per page and one per section, with ids in order. */
export function searchPages(nb: Notebook): Indexed[] {
  let id = 0;
  return sources(nb).map((p) => {
    const page = indexed(p, id);
    id += page.docs.length;
    return page;
  });
}

/** One page's documents, numbered from `first`, and its words. */
function indexed(p: Source, first: number): Indexed {
  const words = searchText(p.body);
  const url = urlOf(p.path);
  const docs: SearchDoc[] = [{ id: first, url, words: searchTextUrl(url), title: p.title, kind: p.kind, summary: p.summary, tags: p.tags.join(' '), text: words.intro.text, code: words.intro.code }];
  for (const s of words.sections) docs.push({ id: first + docs.length, page: first, heading: s.heading, anchor: s.anchor, text: s.text, code: s.code });
  const sections = { '': words.intro, ...Object.fromEntries(words.sections.map((s) => [s.anchor, { text: s.text, code: s.code }])) };
  return { url, docs, words: { summary: p.summary, sections } };
}

/** The index as the search box loads it: MiniSearch's JSON. */
export function searchIndexJson(pages: readonly Indexed[]): string {
  const index = new MiniSearch<SearchDoc>(indexOptions());
  index.addAll(pages.flatMap((p) => p.docs));
  return JSON.stringify(index);
}

/** Writes the index and each page's words into the built site. */
export async function writeSearchIndex(nb: Notebook, outDir: string): Promise<void> {
  const pages = searchPages(nb);
  await fs.writeFile(path.join(outDir, SEARCH_INDEX_FILE), searchIndexJson(pages));
  const dirs = new Set(pages.map((p) => path.dirname(path.join(outDir, searchTextUrl(p.url)))));
  for (const d of dirs) await fs.mkdir(d, { recursive: true });
  // In batches: thousands of files written at once would each hold a descriptor.
  for (let i = 0; i < pages.length; i += 64) {
    await Promise.all(pages.slice(i, i + 64).map((p) => fs.writeFile(path.join(outDir, searchTextUrl(p.url)), JSON.stringify(p.words))));
  }
}

/** In `vitepress dev`: the same files, made from the notebook as it is now (the watcher keeps it current). */
export function serveSearchIndex(nb: Notebook): Plugin {
  return {
    name: 'notepress:search-index',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const base = server.config.base;
        let url: string;
        try {
          url = decodeURI((req.url ?? '').replace(/[?#].*$/, ''));
        } catch {
          return next();
        }
        if (!url.startsWith(base)) return next();
        url = url.slice(base.length - 1);
        let body: string | undefined;
        if (url === `/${SEARCH_INDEX_FILE}`) body = searchIndexJson(searchPages(nb));
        else if (url.startsWith('/search/')) {
          // One page's words: only that page is read.
          const page = sources(nb).find((p) => searchTextUrl(urlOf(p.path)) === url);
          if (page) body = JSON.stringify(indexed(page, 0).words);
        }
        if (body === undefined) return next();
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
  };
}

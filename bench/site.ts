/**
 * The site build: our theme against VitePress's default theme over the same generated
 * notebook. Each build runs in a fresh process; figures are medians of `runs` builds.
 * The default theme gets the same markdown options and local search, so the difference
 * is the theme and what ours adds (feeds, sitemap, per-page facts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeNotebook } from '../test/helpers/generate';
import { summarize } from './stats';

const repo = path.resolve(__dirname, '..');

export interface BuildFigures { ms: number; cpuMs: number; peakMB: number; outMB: number; blocks?: { highlighted: number; cached: number } }
export interface PageWeight { raw: number; gzip: number; files: number }

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

/** What a first visit to a built page loads: the HTML, its module scripts and preloads, and its stylesheets. */
export function pageWeight(outDir: string, page: string): PageWeight {
  const html = readFileSync(path.join(outDir, page), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  // Any link whose rel includes modulepreload or stylesheet (VitePress writes rel="preload stylesheet").
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel="([^"]*)"/.exec(m[0])?.[1].split(/\s+/) ?? [];
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (href && (rel.includes('modulepreload') || rel.includes('stylesheet'))) refs.add(href);
  }
  const bodies = [Buffer.from(html), ...[...refs].filter((r) => r.startsWith('/')).map((r) => readFileSync(path.join(outDir, r.split('?')[0])))];
  return {
    raw: bodies.reduce((n, b) => n + b.length, 0),
    gzip: bodies.reduce((n, b) => n + gzipSync(b).length, 0),
    files: bodies.length,
  };
}

/** Our site's caches, emptied before a build meant to be cold: highlighted blocks (docs/site/highlight.ts) and Open Graph cards (docs/site/ogCache.ts). */
const HIGHLIGHT_CACHE = path.join(repo, 'docs', '.vitepress', 'cache', 'notepress', 'highlight');
const CARD_CACHE = path.join(repo, 'docs', '.vitepress', 'cache', 'og');

/**
 * The "one note changed" rebuilds: a line of the first generated note's first code block
 * (test/helpers/generate.ts), edited.
 */
export const ONE_NOTE = {
  file: path.join('notes', 'note-00000.md'),
  /**
   * Writes edit `i` into the note (`text`: as generated), rebuilds our site with every cache
   * kept, and checks that the note's page shows the edit: a figure over a stale page would mean nothing.
   */
  rebuild(content: string, text: string, i: number, outDir: string, env?: Record<string, string>): BuildFigures {
    const line = 'fn process(buf: &Buffer) -> u64 {';
    if (!text.includes(line)) throw new Error(`the generated note-00000 no longer holds "${line}"`);
    writeFileSync(path.join(content, ONE_NOTE.file), text.replace(line, `${line} // edit ${i}`));
    const figures = buildOnce('notepress', content, outDir, { keepCache: true, env });
    if (!readFileSync(path.join(outDir, 'notes', 'note-00000.html'), 'utf8').includes(`edit ${i}`)) throw new Error('the changed note was not rebuilt');
    return figures;
  },
};

/** A build in a fresh process; cold (our caches emptied first) unless `keepCache`, or with only the cards kept (`keepCards`). */
export function buildOnce(theme: 'notepress' | 'default', content: string, outDir: string, o: { keepCache?: boolean; keepCards?: boolean; env?: Record<string, string> } = {}): BuildFigures {
  rmSync(outDir, { recursive: true, force: true });
  if (!o.keepCache) for (const dir of o.keepCards ? [HIGHLIGHT_CACHE] : [HIGHLIGHT_CACHE, CARD_CACHE]) rmSync(dir, { recursive: true, force: true });
  const root = theme === 'notepress' ? path.join(repo, 'docs') : path.join(path.dirname(content), 'default-theme');
  const r = spawnSync(process.execPath, [path.join(__dirname, 'siteBuild.mjs'), root, outDir], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, NOTEPRESS_CONTENT: content, NODE_ENV: 'production', ...o.env }, maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${theme} build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  const last = r.stdout.trim().split('\n').pop()!;
  const f = JSON.parse(last) as { ms: number; cpuMs: number; peakMB: number };
  const blocks = /notepress: code blocks: (\d+) highlighted, (\d+) from the cache/.exec(r.stdout);
  return { ...f, outMB: dirBytes(outDir) / 1048576, ...(blocks ? { blocks: { highlighted: Number(blocks[1]), cached: Number(blocks[2]) } } : {}) };
}

/** A VitePress project with the default theme over `content`, configured like ours where it can be. */
export function writeDefaultTheme(content: string): void {
  const dir = path.join(path.dirname(content), 'default-theme', '.vitepress');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'config.mjs'), `export default {
  srcDir: ${JSON.stringify(content)},
  title: 'Bench',
  cleanUrls: true,
  metaChunk: true,
  markdown: { theme: { light: 'github-light-default', dark: 'github-dark-default' } },
  sitemap: { hostname: 'https://example.org/' },
  themeConfig: { search: { provider: 'local' } },
};
`);
}

export interface SiteResult {
  n: number;
  theme: 'notepress' | 'default';
  time: ReturnType<typeof summarize>;
  peak: ReturnType<typeof summarize>;
  outMB: number;
  home: PageWeight;
  note: PageWeight;
}

export function benchSite(sizes: number[], runs: number): SiteResult[] {
  const out: SiteResult[] = [];
  for (const n of sizes) {
    // Under the repository's .cache/: the pages VitePress compiles import vue from beside them.
    const base = path.join(repo, '.cache', `bench-site-${n}`);
    rmSync(base, { recursive: true, force: true });
    const content = path.join(base, 'content');
    writeNotebook(content, n);
    writeDefaultTheme(content);
    for (const theme of ['default', 'notepress'] as const) {
      const outDir = path.join(base, `out-${theme}`);
      const figs: BuildFigures[] = [];
      for (let i = 0; i < runs; i++) figs.push(buildOnce(theme, content, outDir));
      out.push({
        n, theme,
        time: summarize(figs.map((f) => f.ms)),
        peak: summarize(figs.map((f) => f.peakMB)),
        outMB: figs[figs.length - 1].outMB,
        home: pageWeight(outDir, 'index.html'),
        note: pageWeight(outDir, 'notes/note-00000.html'),
      });
    }
    rmSync(base, { recursive: true, force: true });
  }
  return out;
}

export interface RebuildResult {
  n: number;
  /** Wall time and CPU time of each kind of build. */
  cold: { ms: ReturnType<typeof summarize>; cpu: ReturnType<typeof summarize> };
  unchanged: { ms: ReturnType<typeof summarize>; cpu: ReturnType<typeof summarize> };
  changed: { ms: ReturnType<typeof summarize>; cpu: ReturnType<typeof summarize> };
  /** Code blocks highlighted and taken from the cache in the last run's builds. */
  blocks: { cold: BuildFigures['blocks']; unchanged: BuildFigures['blocks']; changed: BuildFigures['blocks'] };
}

/**
 * Our site rebuilt: per run, a cold build (highlight cache emptied), the same notebook
 * again (nothing changed), then again with one line of one note's code block changed.
 * The output of each rebuild must be the cold build's (the changed page aside): the
 * figures would mean nothing otherwise. Open Graph cards are off: their own cache would
 * make the first run's cold build unlike the others.
 */
export function benchRebuild(n: number, runs: number): RebuildResult {
  const base = path.join(repo, '.cache', `bench-rebuild-${n}`);
  rmSync(base, { recursive: true, force: true });
  const content = path.join(base, 'content');
  writeNotebook(content, n);
  const note = path.join(content, ONE_NOTE.file);
  const text = readFileSync(note, 'utf8');
  const cold: BuildFigures[] = [];
  const unchanged: BuildFigures[] = [];
  const changed: BuildFigures[] = [];
  const env = { NOTEPRESS_OG_IMAGES: 'off' };
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(note, text);
      cold.push(buildOnce('notepress', content, path.join(base, 'out-cold'), { env }));
      unchanged.push(buildOnce('notepress', content, path.join(base, 'out-unchanged'), { keepCache: true, env }));
      for (const f of readdirSync(path.join(base, 'out-cold'), { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.html'))) {
        if (readFileSync(path.join(base, 'out-cold', f), 'utf8') !== readFileSync(path.join(base, 'out-unchanged', f), 'utf8')) throw new Error(`rebuild from the cache: ${f} differs`);
      }
      changed.push(ONE_NOTE.rebuild(content, text, i, path.join(base, 'out-changed'), env));
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const last = (f: BuildFigures[]) => f[f.length - 1].blocks;
  const sum = (f: BuildFigures[]) => ({ ms: summarize(f.map((x) => x.ms)), cpu: summarize(f.map((x) => x.cpuMs)) });
  return {
    n, cold: sum(cold), unchanged: sum(unchanged), changed: sum(changed),
    blocks: { cold: last(cold), unchanged: last(unchanged), changed: last(changed) },
  };
}

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

export interface BuildFigures { ms: number; peakMB: number; outMB: number }
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

export function buildOnce(theme: 'notepress' | 'default', content: string, outDir: string): BuildFigures {
  rmSync(outDir, { recursive: true, force: true });
  const root = theme === 'notepress' ? path.join(repo, 'docs') : path.join(path.dirname(content), 'default-theme');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'siteBuild.ts'), root, outDir], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, NOTEPRESS_CONTENT: content, NODE_ENV: 'production' }, maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${theme} build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  const last = r.stdout.trim().split('\n').pop()!;
  const f = JSON.parse(last) as { ms: number; peakMB: number };
  return { ...f, outMB: dirBytes(outDir) / 1048576 };
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

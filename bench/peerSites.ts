/**
 * The peers' sites for `bench/peers.ts`: a minimal Astro 5 project (a content collection
 * over the generated notes) and a minimal Hugo site over the same markdown, each built in
 * a fresh process. A peer that cannot be installed is reported, not thrown: the bench
 * then says why its row is empty.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HIGHLIGHT_THEMES } from '../extension/core/markdown';

/** Newest Astro 5.x when this was written (`npm view astro@5 version`); exact, so runs compare. */
export const ASTRO_VERSION = '5.18.2';

export interface PeerBuild { ms: number; cpuMs: number; peakMB: number; pages: number }
export type Peer = { ok: true; version: string; dir: string } | { ok: false; why: string };

const repo = path.resolve(__dirname, '..');
/** Kept between bench runs (under the git-ignored .cache/): installing Astro takes longer than the builds. */
export const ASTRO_DIR = path.join(repo, '.cache', 'bench-astro');
const BUILD_TIMEOUT = 10 * 60_000;

const tail = (s: string | null | undefined, n = 600) => (s ?? '').trim().slice(-n).replace(/\s+/g, ' ');

/** npm run bench puts npm_config_* in the environment; the nested install must not inherit the repo's prefix. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
}

const ASTRO_CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://example.org',
  markdown: { shikiConfig: { themes: ${JSON.stringify(HIGHLIGHT_THEMES)} } },
});
`;

// Permissive: the notes' frontmatter passes whole, as it does on our site.
const CONTENT_CONFIG = `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
const notes = defineCollection({
  loader: glob({ pattern: 'note-*.md', base: './notes' }),
  schema: z.object({ title: z.string() }).passthrough(),
});
export const collections = { notes };
`;

const NOTE_PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const notes = await getCollection('notes');
  return notes.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><Content /></main></body></html>
`;

const INDEX_PAGE = `---
import { getCollection } from 'astro:content';
const notes = (await getCollection('notes')).sort((a, b) => a.id.localeCompare(b.id));
---
<html lang="en"><head><meta charset="utf-8" /><title>Bench</title></head>
<body><main><h1>Notes</h1><ul>{notes.map((n) => <li><a href={\`/notes/\${n.id}/\`}>{n.data.title}</a></li>)}</ul></main></body></html>
`;

/**
 * Builds in-process, as bench/siteBuild.mjs builds ours: the same clock (after the
 * framework is imported), CPU of the whole process (all threads), peak resident set.
 */
const MEASURE = `import { performance } from 'node:perf_hooks';
const { build } = await import('astro');
const t = performance.now();
const cpu = process.cpuUsage();
await build({ root: process.cwd(), logLevel: 'warn' });
const ms = performance.now() - t;
const used = process.cpuUsage(cpu);
process.stdout.write('\\n' + JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakMB: process.resourceUsage().maxRSS / 1024 }) + '\\n');
process.exit(0); // a lingering handle must not hold the bench
`;

/** Writes the Astro project (sources every time, so they match this file) and installs Astro if it is missing. */
export function prepareAstro(notesDir: string): Peer {
  const dir = ASTRO_DIR;
  mkdirSync(path.join(dir, 'src/pages/notes'), { recursive: true });
  const pkg = { name: 'bench-astro', private: true, type: 'module', dependencies: { astro: ASTRO_VERSION } };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(dir, 'astro.config.mjs'), ASTRO_CONFIG);
  writeFileSync(path.join(dir, 'src/content.config.ts'), CONTENT_CONFIG);
  writeFileSync(path.join(dir, 'src/pages/notes/[...slug].astro'), NOTE_PAGE);
  writeFileSync(path.join(dir, 'src/pages/index.astro'), INDEX_PAGE);
  writeFileSync(path.join(dir, 'measure.mjs'), MEASURE);
  // The same markdown as ours, copied: the glob loader reads from the project.
  rmSync(path.join(dir, 'notes'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'notes'));
  for (const f of readdirSync(notesDir).filter((x) => /^note-.*\.md$/.test(x))) cpSync(path.join(notesDir, f), path.join(dir, 'notes', f));
  const installed = () => {
    const p = path.join(dir, 'node_modules/astro/package.json');
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version : undefined;
  };
  if (installed() !== ASTRO_VERSION) {
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', env: cleanEnv(), timeout: BUILD_TIMEOUT });
    if (r.error || r.status !== 0) return { ok: false, why: `npm install astro@${ASTRO_VERSION} failed: ${r.error?.message ?? tail(r.stderr)}` };
    if (installed() !== ASTRO_VERSION) return { ok: false, why: `npm install did not leave astro@${ASTRO_VERSION} in ${dir}` };
  }
  return { ok: true, version: ASTRO_VERSION, dir };
}

/** Pages written under `<out>/notes/`, as `note-x/index.html` or `note-x.html`. */
function notePages(out: string): string[] {
  const dir = path.join(out, 'notes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /^note-[^/]*(\/index)?\.html$/.test(f)).map((f) => path.join(dir, f));
}

/** Checks the output holds `n` note pages, highlighted with `marker` somewhere: otherwise the figure would mean nothing. */
export function checkPages(who: string, out: string, n: number, marker?: string): number {
  const pages = notePages(out);
  if (pages.length !== n) throw new Error(`${who} wrote ${pages.length} note pages of ${n} in ${out}`);
  if (marker && !readFileSync(pages[0], 'utf8').includes(marker)) throw new Error(`${who}'s ${pages[0]} has no ${marker}`);
  return pages.length;
}

/** One Astro build in a fresh process; cold removes what Astro keeps between builds (its data store and types). */
export function buildAstro(dir: string, n: number, cold: boolean): PeerBuild & { warnings: string[] } {
  if (cold) for (const d of ['.astro', 'node_modules/.astro', 'dist']) rmSync(path.join(dir, d), { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['measure.mjs'], {
    cwd: dir, encoding: 'utf8', env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1' }, timeout: BUILD_TIMEOUT, maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`Astro build failed:\n${tail(r.stdout, 2000)}\n${tail(r.stderr, 2000)}`);
  const f = JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<PeerBuild, 'pages'>;
  const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /warn/i.test(l)).map((l) => l.trim());
  return { ...f, pages: checkPages('Astro', path.join(dir, 'dist'), n, HIGHLIGHT_THEMES.dark), warnings };
}

const HUGO_CONFIG = `baseURL = 'https://example.org/'
title = 'Bench'
# The generated notes are dated up to the end of this year: Hugo would skip the future ones.
buildFuture = true
# Like the Astro project: note pages and an index, no tag pages or feeds.
disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']
[markup.highlight]
style = 'github'
`;

const HUGO_LAYOUTS: Record<string, string> = {
  '_default/single.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n',
  '_default/list.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
  'index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body><h1>Notes</h1><ul>{{ range where .Site.RegularPages "Section" "notes" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
};

function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? /v(\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] ?? 'unknown' : undefined;
}

/** Writes the Hugo site; installs Debian's hugo if it is missing and we may (root). */
export function prepareHugo(dir: string, notesDir: string): Peer {
  let version = hugoVersion();
  if (!version && process.getuid?.() === 0) {
    spawnSync('apt-get', ['install', '-y', 'hugo'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: BUILD_TIMEOUT });
    version = hugoVersion();
  }
  if (!version) return { ok: false, why: 'hugo not installed' };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content/notes'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), HUGO_CONFIG);
  for (const [f, text] of Object.entries(HUGO_LAYOUTS)) {
    mkdirSync(path.dirname(path.join(dir, 'layouts', f)), { recursive: true });
    writeFileSync(path.join(dir, 'layouts', f), text);
  }
  for (const f of readdirSync(notesDir).filter((x) => /^note-.*\.md$/.test(x))) cpSync(path.join(notesDir, f), path.join(dir, 'content/notes', f));
  return { ok: true, version, dir };
}

/**
 * One cold Hugo build (public/ and resources/ removed). Hugo is one Go process: wall
 * time from here, CPU and peak memory from GNU time when it is there (NaN otherwise).
 */
export function buildHugo(dir: string, n: number): PeerBuild {
  for (const d of ['public', 'resources']) rmSync(path.join(dir, d), { recursive: true, force: true });
  const gnuTime = existsSync('/usr/bin/time');
  const cmd = gnuTime ? ['/usr/bin/time', '-f', 'TIME %U %S %M', 'hugo'] : ['hugo'];
  const t = performance.now();
  const r = spawnSync(cmd[0], [...cmd.slice(1), '--quiet', '--source', dir], { encoding: 'utf8', timeout: BUILD_TIMEOUT });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`Hugo build failed:\n${tail(r.stdout, 2000)}\n${tail(r.stderr, 2000)}`);
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return {
    ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, peakMB: m ? Number(m[3]) / 1024 : NaN,
    pages: checkPages('Hugo', path.join(dir, 'public'), n, 'style="color:#'), // chroma's inline colours: the blocks were highlighted
  };
}

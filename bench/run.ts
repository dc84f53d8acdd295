/**
 * `npm run bench`: figures and ratios, each against a baseline measured in the same
 * run (median of at least 5 runs, min and max beside it). `--quick` runs tiny sizes
 * once, so `npm test` can check that the harness works without timing anything.
 *
 * Sections: the notebook index (load and one-file update), the preview render (cold,
 * warm p50/p95 over successive edits), charts (10,000 points), the site build against
 * VitePress's default theme and against d8388a9's (issue #17's baseline), Lighthouse on
 * ours and the default theme, the extension in code-server, the pages' Open Graph images
 * (`og`), diagrams and math (`blocks`), and the site build against Astro 5's and Hugo's
 * over the same notes (`peers`).
 * `--only=site,lighthouse` runs some sections (and leaves BENCHMARKS.md alone);
 * `--runs=N` measures each figure N times instead (a quicker look; the table wants 5).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { NoteRenderer } from '../extension/preview/noteRenderer';
import { line as d3line } from 'd3-shape';
import { parseChart, renderChart } from '../extension/core/chart/index';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../extension/core/markdown';
import { noteText } from '../test/helpers/generate';
import { walkCsv } from './walk';
import { fmt, summarize, time } from './stats';
import { benchIndex } from './notebookIndex';
import { benchRebuild, benchSite, buildOnce, type RebuildResult, SiteResult, writeDefaultTheme } from './site';
import { lighthouseRuns } from './lighthouse';
import { benchActivation, bundleMakeup, packageSizes } from './extension';
import { benchOg, type OgFigures } from './og';
import { blocksNote } from './blocksNote';
import { benchSearch, type SearchFigures } from './search';
import { loadBlockEngines } from '../extension/core/blocks/engines';
import { row, table, type Row } from './row';
import { benchPeers, peersRows } from './peers';
import { baselineRows, benchBaseline } from './baseline';

export type { Row };

const repo = path.resolve(__dirname, '..');
const vitepressEntry = path.join(repo, 'node_modules/vitepress/dist/node/index.js');


export async function benchPreview(edits: number, coldRuns: number): Promise<Row[]> {
  const rows: Row[] = [];
  const text = noteText(42, { proseWords: 3000, codeBlocks: 10, codeLines: 20, date: '2026-06-01' });
  const file = { absPath: path.join(repo, 'content/notes/bench.md'), relPath: 'notes/bench.md' };
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'coldRender.ts')], { cwd: repo, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    cold.push(Number(r.stdout.trim()));
  }
  const floorMd = new MarkdownIt();
  const body = text.slice(text.indexOf('\n---\n') + 5);
  const floor: number[] = [];
  for (let i = 0; i < Math.max(20, edits); i++) floor.push(await time(() => floorMd.render(body.replace('Latency', `Latency${i}`))));

  const renderer = new NoteRenderer(path.join(repo, 'content'), vitepressEntry);
  await renderer.render(text, file);
  // Successive edits as typing makes them: one word of one paragraph changes each time.
  const warm: number[] = [];
  const paragraphs = text.split('\n\n');
  const proseAt = paragraphs.findIndex((p, i) => i > 2 && !p.startsWith('#') && !p.startsWith('```'));
  for (let i = 0; i < edits; i++) {
    const edited = [...paragraphs];
    edited[proseAt] = `${paragraphs[proseAt]} typed${i}`;
    const t = edited.join('\n\n');
    warm.push(await time(() => renderer.render(t, file, { sourceLines: true })));
  }
  // Baseline: the same renderer without the block cache, as a preview that re-renders everything would do.
  const { createMarkdownRenderer, disposeMdItInstance } = (await import(vitepressEntry)) as {
    createMarkdownRenderer: (s: string, o: unknown) => Promise<{ render(s: string, e?: object): string }>; disposeMdItInstance: () => void;
  };
  disposeMdItInstance();
  const { siteMarkdownOptions } = await import('../extension/core/markdown');
  const full = await createMarkdownRenderer(path.join(repo, 'content'), siteMarkdownOptions());
  const fullRuns: number[] = [];
  for (let i = 0; i < Math.max(5, Math.min(edits, 20)); i++) fullRuns.push(await time(() => full.render(body.replace('Latency', `Latency${i}`), { path: file.absPath, relativePath: file.relPath })));
  disposeMdItInstance();

  const c = summarize(cold);
  const w = summarize(warm);
  const f = summarize(floor);
  const fr = summarize(fullRuns);
  rows.push(row('preview', `cold: first render, highlighter loading included (median of ${c.runs}; min ${fmt(c.min)}, max ${fmt(c.max)})`, c.median, undefined, ''));
  rows.push(row('preview', `warm p50 over ${w.runs} successive edits`, w.median, f.median, 'markdown-it alone, no highlighting'));
  rows.push(row('preview', `warm p95 over ${w.runs} successive edits (max ${fmt(w.max)})`, w.p95, fr.median, 'full re-render with highlighting, median', { max: 16 }));
  return rows;
}

export async function benchChart(points: number, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const csv = walkCsv(points);
  // Baseline: d3's line generator alone over the same points, the floor of any SVG line chart.
  const pts = csv.split('\n').slice(1).map((l) => l.split(',').map(Number));
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) floor.push(await time(() => d3line<number[]>().x((p) => p[0]).y((p) => p[1])(pts)));
  const f = summarize(floor);
  for (const type of ['line', 'scatter'] as const) {
    // Each run edits one value, as typing in the data does: nothing can be reused.
    const src = (i: number) => `type: ${type}\ntitle: Random walk\nx: t\ny: a\n---\n${csv}\n${points},${100 + (i % 50)},1`;
    const render = (i: number) => {
      const p = parseChart(src(i), { file: 'notes/bench.md', line: 2 });
      if (!p.chart) throw new Error(p.problems.map((x) => x.message).join('; '));
      return renderChart(p.chart, 'bench');
    };
    for (let i = 0; i < 3; i++) render(i); // warm: modules loaded, code optimised
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await time(() => render(i)));
    const w = summarize(warm);
    rows.push(row('chart', `${type} chart of ${points} points, data edited: block text to SVG (p95 of ${w.runs}; median ${fmt(w.median)})`, w.p95, f.median, "d3-shape's line path alone", { max: 20 }));
    rows.push(row('chart', `${type} chart of ${points} points: size of its SVG and data table`, Buffer.byteLength(render(0)) / 1024, undefined, '', undefined, 'KB'));
  }
  // Typing elsewhere in the note: the preview renders the whole note again, the chart is kept.
  const md = new MarkdownIt(MARKDOWN_OPTIONS);
  notepressMarkdown(md);
  const note = (i: number) => `Some prose ${i}.\n\n\`\`\`chart\ntype: line\nx: t\ny: a\n---\n${csv}\n\`\`\`\n`;
  md.render(note(0), { relativePath: 'notes/bench.md' });
  const prose: number[] = [];
  for (let i = 1; i <= runs; i++) prose.push(await time(() => md.render(note(i), { relativePath: 'notes/bench.md' })));
  const pr = summarize(prose);
  rows.push(row('chart', `note with a ${points}-point chart, prose edited: whole note to HTML (p95 of ${pr.runs}; median ${fmt(pr.median)})`, pr.p95, f.median, "d3-shape's line path alone", { max: 20 }));
  return rows;
}

/** A note with 5 diagrams and 20 formulas, typed into as prose: the preview's render per keystroke, and the first render. */
export async function benchBlocks(edits: number): Promise<Row[]> {
  const rows: Row[] = [];
  const text = blocksNote();
  const file = { absPath: path.join(repo, 'content/notes/blocks.md'), relPath: 'notes/blocks.md' };
  const renderer = new NoteRenderer(path.join(repo, 'content'), vitepressEntry);
  await renderer.warm();
  const load = await time(() => loadBlockEngines());
  const cold = await time(() => renderer.render(text, file, { sourceLines: true }));
  // Baseline: the same note with its diagrams and formulas as plain code, through the same renderer.
  const plain = text.replace(/```mermaid/g, '```text').replace(/\$/g, '');
  await renderer.render(plain, file);
  const paragraphs = text.split('\n\n');
  const proseAt = paragraphs.findIndex((p, i) => i > 2 && p.startsWith('Prose'));
  const typed = (t: string, i: number) => { const e = t.split('\n\n'); e[proseAt] = `${e[proseAt]} typed${i}`; return e.join('\n\n'); };
  const warm: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < edits; i++) {
    warm.push(await time(() => renderer.render(typed(text, i), file, { sourceLines: true })));
    base.push(await time(() => renderer.render(typed(plain, i), file, { sourceLines: true })));
  }
  const w = summarize(warm);
  const b = summarize(base);
  rows.push(row('blocks', 'note with 5 diagrams and 20 formulas: loading beautiful-mermaid and KaTeX (once per process)', load, undefined, ''));
  rows.push(row('blocks', 'same note: cold render, every diagram drawn and formula typeset', cold, undefined, ''));
  rows.push(row('blocks', `same note, prose typed: render per keystroke (p95 of ${w.runs}; median ${fmt(w.median)}, max ${fmt(w.max)})`, w.p95, b.p95, 'same note with blocks as plain code, p95', { max: 16 }));
  return rows;
}

export function siteRows(results: SiteResult[]): Row[] {
  const rows: Row[] = [];
  for (const n of [...new Set(results.map((r) => r.n))]) {
    const ours = results.find((r) => r.n === n && r.theme === 'notepress')!;
    const base = results.find((r) => r.n === n && r.theme === 'default')!;
    const t = ours.time;
    rows.push(row('site', `build ${n} notes: wall time (median of ${t.runs}; min ${fmt(t.min)}, max ${fmt(t.max)})`, t.median, base.time.median, 'default theme', { maxRatio: 1 }));
    rows.push(row('site', `build ${n} notes: peak memory (median; max ${fmt(ours.peak.max, 'MB')})`, ours.peak.median, base.peak.median, 'default theme', { maxRatio: 1 }, 'MB'));
    rows.push(row('site', `build ${n} notes: output size`, ours.outMB, base.outMB, 'default theme', undefined, 'MB'));
    for (const [name, mine, theirs, target] of [['home page', ours.home, base.home, undefined], ['note page', ours.note, base.note, { max: 50, unit: 'KB' }]] as const) {
      rows.push(row('site', `${n} notes: ${name}, HTML + JS + CSS loaded, gzip (${mine.files} files; raw ${fmt(mine.raw / 1024, 'KB')})`, mine.gzip / 1024, theirs.gzip / 1024, `default theme; raw ${fmt(theirs.raw / 1024, 'KB')}`, target, 'KB'));
    }
  }
  return rows;
}

/** Rebuilds of our site against its cold build in the same run: the highlight cache at work. */
export function rebuildRows(r: RebuildResult): Row[] {
  const b = (x: RebuildResult['blocks']['cold']) => (x ? `; ${x.highlighted} blocks highlighted, ${x.cached} from the cache` : '');
  const range = (s: RebuildResult['cold']['ms']) => `median of ${s.runs}; min ${fmt(s.min)}, max ${fmt(s.max)}`;
  const rows: Row[] = [];
  for (const [k, what] of [['ms', 'wall time'], ['cpu', 'CPU time']] as const) {
    const cold = `cold build, ${r.n} notes`;
    rows.push(row('site', `build ${r.n} notes, highlight cache empty: ${what} (${range(r.cold[k])}${b(r.blocks.cold)})`, r.cold[k].median, undefined, ''));
    rows.push(row('site', `rebuild ${r.n} notes, nothing changed: ${what} (${range(r.unchanged[k])}${b(r.blocks.unchanged)})`, r.unchanged[k].median, r.cold[k].median, cold));
    rows.push(row('site', `rebuild ${r.n} notes, one note's code block changed: ${what} (${range(r.changed[k])}${b(r.blocks.changed)})`, r.changed[k].median, r.cold[k].median, cold));
  }
  return rows;
}

export function lighthouseRows(ours: Awaited<ReturnType<typeof lighthouseRuns>>, theirs: Awaited<ReturnType<typeof lighthouseRuns>>): Row[] {
  const rows: Row[] = [];
  for (const [page, f] of ours) {
    const b = theirs.get(page)!;
    const name = page === '/' ? 'home page' : `note page ${page}`;
    for (const [k, label] of [['performance', 'Performance'], ['accessibility', 'Accessibility'], ['bestPractices', 'Best Practices'], ['seo', 'SEO']] as const) {
      rows.push(row('lighthouse', `${name}: ${label} score (median of ${f[k].runs}; min ${f[k].min})`, f[k].median, b[k].median, 'default theme', undefined, 'pts'));
    }
    rows.push(row('lighthouse', `${name}: total bytes`, f.bytes.median / 1024, b.bytes.median / 1024, 'default theme', undefined, 'KB'));
    rows.push(row('lighthouse', `${name}: LCP (mobile, simulated throttling)`, f.lcp.median, b.lcp.median, 'default theme'));
    rows.push(row('lighthouse', `${name}: TBT`, f.tbt.median, b.tbt.median, 'default theme'));
  }
  return rows;
}

/** AstroPaper's Open Graph image takes about a second (its issue #428): quoted, not measured here. */
const ASTROPAPER_MS = 1000;

export function searchRows(figures: SearchFigures[]): Row[] {
  const base = 'VitePress local search, default theme';
  return figures.flatMap(({ n, ours, theirs, write }) => [
    row('search', `${n} notes: the index, gzip (raw ${fmt(ours.indexRaw / 1024, 'KB')})`, ours.indexGzip / 1024, theirs.indexGzip / 1024, `${base}; raw ${fmt(theirs.indexRaw / 1024, 'KB')}`, undefined, 'KB'),
    row('search', `${n} notes: fetched from opening search to results with excerpts, gzip (${ours.files} files)`, ours.fetchedGzip / 1024, theirs.fetchedGzip / 1024, `${base}; ${theirs.files} files`, undefined, 'KB'),
    row('search', `${n} notes: opening search to the first result, cold (median of ${ours.first.runs}; min ${fmt(ours.first.min)}, max ${fmt(ours.first.max)})`, ours.first.median, theirs.first.median, base),
    row('search', `${n} notes: writing the index and the pages' words at build end (median of ${write.runs}; max ${fmt(write.max)})`, write.median, undefined, ''),
  ]);
}

export function ogRows(f: OgFigures): Row[] {
  const { cold, cached, naive, first } = f;
  return [
    row('og', `card drawn, cache empty: satori + resvg + write (median of ${cold.runs}; min ${fmt(cold.min)}, max ${fmt(cold.max)})`, cold.median, naive.median, 'satori + resvg set up the default way, as AstroPaper does', { max: 50 }),
    row('og', `card drawn, cache empty, against AstroPaper's figure (p95 ${fmt(cold.p95)})`, cold.median, ASTROPAPER_MS, "AstroPaper's ~1 s, quoted from its #428, not measured"),
    row('og', `card unchanged, from the cache (median of ${cached.runs})`, cached.median, cold.median, 'drawn, cache empty'),
    row('og', `${f.cards} cards into an empty cache, ${f.parallel} at a time as buildEnd does: ms per card`, f.site, cold.median, 'one at a time', { max: 50 }),
    row('og', `first card of a fresh process: font parsed, layout engine compiled (median of ${first.runs}; max ${fmt(first.max)})`, first.median, undefined, ''),
  ];
}

/** Builds the seed notebook with our theme and with the default theme, for Lighthouse. */
function buildSeedSites(): { ours: string; theirs: string; cleanup: () => void } {
  const base = path.join(repo, '.cache', 'bench-lighthouse');
  rmSync(base, { recursive: true, force: true });
  const content = path.join(base, 'content');
  cpSync(path.join(repo, 'content'), content, { recursive: true });
  writeDefaultTheme(content);
  const ours = path.join(base, 'out-notepress');
  const theirs = path.join(base, 'out-default');
  buildOnce('notepress', content, ours);
  buildOnce('default', content, theirs);
  return { ours, theirs, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const want = (section: string) => !only || only.includes(section);
  const runsArg = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7));
  const runs = (n: number) => (runsArg > 0 ? runsArg : n);
  const rows: Row[] = [];
  const notes: string[] = [];
  if (want('index')) rows.push(...(await benchIndex(quick ? [50] : [1000, 10_000], quick ? 1 : 5)));
  if (want('preview')) rows.push(...(await benchPreview(quick ? 5 : 200, quick ? 1 : 5)));
  if (want('chart')) rows.push(...(await benchChart(quick ? 100 : 10_000, quick ? 2 : 30)));
  if (want('og')) rows.push(...ogRows(await benchOg(quick ? 3 : 100, quick ? 1 : 5)));
  if (want('blocks')) rows.push(...(await benchBlocks(quick ? 5 : 200)));
  const siteSizes = quick ? [10] : [100, 1000];
  if (want('site')) rows.push(...siteRows(benchSite(siteSizes, quick ? 1 : runs(5))), ...baselineRows(benchBaseline(siteSizes, quick ? 1 : runs(5), quick)), ...rebuildRows(benchRebuild(quick ? 10 : 200, quick ? 1 : runs(5))));
  if (want('peers')) rows.push(...peersRows(benchPeers(quick ? 10 : 200, quick ? 1 : runs(5))));
  if (want('search')) rows.push(...searchRows(await benchSearch(quick ? [10] : [100, 1000], quick ? 1 : 5)));
  if (want('lighthouse')) {
    const sites = buildSeedSites();
    try {
      const pages = ['/', '/notes/concurrent-servers-from-sockets-to-async-await'];
      const n = quick ? 1 : runs(5);
      rows.push(...lighthouseRows(await lighthouseRuns(sites.ours, pages, n), await lighthouseRuns(sites.theirs, pages, n)));
    } finally {
      sites.cleanup();
    }
  }
  if (want('extension')) {
    const a = await benchActivation(quick ? 1 : 5);
    rows.push(row('extension', `activation in code-server 4.100, as VS Code reports it (median of ${a.ours.runs}; min ${fmt(a.ours.min)}, max ${fmt(a.ours.max)})`, a.ours.median, a.markdown.median, 'built-in Markdown Language Features, same window'));
    const sizes = packageSizes();
    const makeup = await bundleMakeup();
    rows.push(row('extension', 'bundle dist/extension.js (minified)', sizes.bundle / 1024, undefined, '', undefined, 'KB'));
    rows.push(row('extension', '.vsix package', sizes.vsix / 1024, undefined, '', undefined, 'KB'));
    notes.push(`- **extension bundle makeup** (minified bytes by source): ${makeup.parts.slice(0, 10).map(([k, b]) => `${k} ${fmt(b / 1024, 'KB')}`).join(', ')}.`);
  }
  const md = table(rows);
  process.stdout.write(`${md}\n${notes.join('\n')}\n`);
  if (!quick && !only) {
    const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const doc = readFileSync(path.join(__dirname, 'BENCHMARKS.template.md'), 'utf8')
      .replace('{{date}}', new Date().toISOString().slice(0, 10)).replace('{{machine}}', machine).replace('{{table}}', md).replace('{{notes}}', notes.join('\n'));
    writeFileSync(path.join(repo, 'BENCHMARKS.md'), doc);
  }
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });

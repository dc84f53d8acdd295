/**
 * Issue #17's baseline: the site as it was at d8388a9, built in the same run as ours over
 * the same generated notebook, both cold (every build cache emptied first). The checkout
 * is `git archive`d into the git-ignored .cache/ and kept between runs; its node_modules
 * is a link to ours (its dependencies are a subset of today's, at the same versions).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeNotebook } from '../test/helpers/generate';
import { buildOnce, ONE_NOTE, type BuildFigures } from './site';
import { checkPages } from './peerSites';
import { fmt, spread, summarizeBuilds, type Builds, type Summary } from './stats';
import { row, type Row } from './row';

export const BASELINE_COMMIT = 'd8388a9';
const repo = path.resolve(__dirname, '..');
/** Kept between bench runs: extracting it costs little, but nothing needs it to change. */
export const BASELINE_DIR = path.join(repo, '.cache', `bench-${BASELINE_COMMIT}`);
/** Stamped last, so a half-extracted checkout is never taken for a whole one. */
const STAMP = path.join(BASELINE_DIR, '.bench-commit');
/** Today's measuring script, copied into the checkout so that `vitepress` resolves there. */
const MEASURE = path.join('bench', 'measureBuild.mjs');

export type Baseline = { ok: true; dir: string } | { ok: false; why: string };

function git(args: string[]) {
  return spawnSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The checkout of d8388a9 under .cache/, made when missing or at another commit; says why when it cannot be. */
export function prepareBaseline(): Baseline {
  const rev = git(['rev-parse', '--verify', '--quiet', `${BASELINE_COMMIT}^{commit}`]);
  if (rev.error || rev.status !== 0) {
    return { ok: false, why: `commit ${BASELINE_COMMIT} is not in this clone (a shallow clone? \`git fetch --unshallow\` brings it)` };
  }
  const sha = rev.stdout.trim();
  if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8').trim() !== sha) {
    rmSync(BASELINE_DIR, { recursive: true, force: true });
    mkdirSync(BASELINE_DIR, { recursive: true });
    const tar = `${BASELINE_DIR}.tar`;
    const a = git(['archive', '--format=tar', '-o', tar, sha]);
    if (a.error || a.status !== 0) return { ok: false, why: `git archive ${BASELINE_COMMIT} failed: ${a.error?.message ?? a.stderr.trim()}` };
    const x = spawnSync('tar', ['-xf', tar, '-C', BASELINE_DIR], { encoding: 'utf8' });
    rmSync(tar, { force: true });
    if (x.error || x.status !== 0) return { ok: false, why: `extracting ${BASELINE_COMMIT} failed: ${x.error?.message ?? x.stderr.trim()}` };
    writeFileSync(STAMP, `${sha}\n`);
  }
  const modules = path.join(BASELINE_DIR, 'node_modules');
  if (!lstatOrUndefined(modules)) symlinkSync(path.join(repo, 'node_modules'), modules, 'dir');
  copyFileSync(path.join(__dirname, 'siteBuild.mjs'), path.join(BASELINE_DIR, MEASURE));
  return { ok: true, dir: BASELINE_DIR };
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * One cold build of d8388a9's own site (VitePress root `docs/`, content from
 * NOTEPRESS_CONTENT, NODE_ENV=production as buildOnce sets it) in a fresh process whose
 * working directory is the checkout, so its tsconfig and its node_modules are the ones used.
 */
export function buildBaseline(dir: string, content: string, outDir: string): BuildFigures {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(path.join(dir, 'docs', '.vitepress', 'cache'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [MEASURE, path.join(dir, 'docs'), outDir], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NOTEPRESS_CONTENT: content, NODE_ENV: 'production' }, maxBuffer: 64 << 20,
  });
  // d8388a9's config exits with status 1, one line per problem, when the notebook does not validate.
  if (r.status !== 0) throw new Error(`${BASELINE_COMMIT} build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  const f = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; peakMB: number };
  return { ...f, outMB: 0 };
}

/** Our site's whole VitePress cache folder (highlighted blocks, Open Graph cards): emptied for a cold build. */
const OUR_CACHE = path.join(repo, 'docs', '.vitepress', 'cache');

export type BaselineFigures = { n: number; ours: Builds; base: Builds; unchanged: Builds; changed: Builds; cardsKept: Builds } | { n: number; why: string };

/**
 * For each size, `runs` pairs of cold builds over the same generated notebook: d8388a9's,
 * then ours, alternated so that a machine getting busier weighs on both. After each of ours,
 * three more: rebuilt with every cache kept and nothing changed; with one line of one note's
 * code changed (that page must show it); and with the code blocks cold but the Open Graph
 * cards kept, the work d8388a9 did. Each output must hold one page per note: a figure over
 * a failed or partial build would mean nothing.
 * `optional`: a missing baseline gives its reason instead of throwing (the quick smoke run).
 */
export function benchBaseline(sizes: number[], runs: number, optional = false): BaselineFigures[] {
  const baseline = prepareBaseline();
  if (!baseline.ok) {
    if (optional) return sizes.map((n) => ({ n, why: baseline.why }));
    throw new Error(`the ${BASELINE_COMMIT} baseline: ${baseline.why}`);
  }
  const out: BaselineFigures[] = [];
  for (const n of sizes) {
    const base = path.join(repo, '.cache', `bench-baseline-${n}`);
    rmSync(base, { recursive: true, force: true });
    const content = path.join(base, 'content');
    writeNotebook(content, n);
    const note = path.join(content, ONE_NOTE.file);
    const text = readFileSync(note, 'utf8');
    const theirs: BuildFigures[] = [];
    const ours: BuildFigures[] = [];
    const unchanged: BuildFigures[] = [];
    const changed: BuildFigures[] = [];
    const cardsKept: BuildFigures[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const outDir = path.join(base, 'out');
        writeFileSync(note, text);
        theirs.push(buildBaseline(baseline.dir, content, outDir));
        checkPages(BASELINE_COMMIT, outDir, n, 'shiki');
        rmSync(OUR_CACHE, { recursive: true, force: true });
        ours.push(buildOnce('notepress', content, outDir));
        checkPages('our site', outDir, n, 'shiki');
        // Rebuilt with every cache kept: nothing changed, then one line of one note's code.
        unchanged.push(buildOnce('notepress', content, outDir, { keepCache: true }));
        checkPages('our site, rebuilt', outDir, n, 'shiki');
        changed.push(ONE_NOTE.rebuild(content, text, i, outDir));
        checkPages('our site, one note changed', outDir, n, 'shiki');
        // The work d8388a9 did: every block highlighted, no card drawn (it had none).
        cardsKept.push(buildOnce('notepress', content, outDir, { keepCards: true }));
        checkPages('our site, cards kept', outDir, n, 'shiki');
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
    out.push({ n, ours: summarizeBuilds(ours), base: summarizeBuilds(theirs), unchanged: summarizeBuilds(unchanged), changed: summarizeBuilds(changed), cardsKept: summarizeBuilds(cardsKept) });
  }
  return out;
}

/** Issue #17's build-speed target: wall time ≤ 0.30 of d8388a9's, peak memory ≤ 1.5 GB. */
export function baselineRows(figures: BaselineFigures[]): Row[] {
  return figures.flatMap((f) => {
    if ('why' in f) {
      process.stderr.write(`bench: no ${BASELINE_COMMIT} rows for ${f.n} notes: ${f.why}\n`);
      return [];
    }
    const what = `build ${f.n} notes, cold: ours vs ${BASELINE_COMMIT} (the issue's baseline)`;
    const base = (s: Summary, unit?: string) => `${BASELINE_COMMIT}, same notes, cold; min ${fmt(s.min, unit)}, max ${fmt(s.max, unit)}`;
    const vsCold = (b: Builds, how: string, target?: { maxRatio: number }) =>
      row('site', `${f.n} notes, ${how}, vs ${BASELINE_COMMIT} cold: wall time (${spread(b.ms)})`, b.ms.median, f.base.ms.median, base(f.base.ms), target);
    return [
      row('site', `${what}: wall time (${spread(f.ours.ms)})`, f.ours.ms.median, f.base.ms.median, base(f.base.ms), { maxRatio: 0.3 }),
      row('site', `${what}: CPU time, all threads (${spread(f.ours.cpu)})`, f.ours.cpu.median, f.base.cpu.median, base(f.base.cpu)),
      row('site', `${what}: peak memory (${spread(f.ours.peak, 'MB')})`, f.ours.peak.median, f.base.peak.median, base(f.base.peak, 'MB'), { max: 1500 }, 'MB'),
      vsCold(f.unchanged, 'rebuilt with nothing changed', { maxRatio: 0.15 }),
      vsCold(f.changed, "rebuilt with one note's code block changed", { maxRatio: 0.15 }),
      // d8388a9 drew no Open Graph cards: this build does the work it did (every block highlighted), no more.
      vsCold(f.cardsKept, 'code blocks cold, Open Graph cards kept (what d8388a9 did: it drew no cards)'),
    ];
  });
}

/**
 * Peers (issue #17): our site build against Astro 5's and Hugo's over the same generated
 * notebook. Per run: ours cold (highlight cache empty) then unchanged (cache kept); Astro
 * cold (data store, types and dist removed) then cached (built again, nothing changed:
 * its content layer keeps the rendered notes); Hugo cold. Hugo is the limit: a compiled
 * generator, printed beside ours with no target.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { writeNotebook } from '../test/helpers/generate';
import { type BuildFigures, buildOnce } from './site';
import { type Builds, spread, summarizeBuilds } from './stats';
import { row, type Row } from './row';
import { buildAstro, buildHugo, checkPages, type Peer, type PeerBuild, prepareAstro, prepareHugo } from './peerSites';

const repo = path.resolve(__dirname, '..');

export interface PeersFigures {
  n: number;
  /** Code blocks highlighted and taken from our highlight cache in the last run: shows the cache was used. */
  ours: { cold: Builds; unchanged: Builds; blocks: { cold: BuildFigures['blocks']; unchanged: BuildFigures['blocks'] } };
  astro: { version: string; cold: Builds; cached: Builds; warnings: string[] } | { why: string };
  hugo: { version: string; cold: Builds } | { why: string };
}

export function benchPeers(n: number, runs: number): PeersFigures {
  const base = path.join(repo, '.cache', `bench-peers-${n}`);
  rmSync(base, { recursive: true, force: true });
  const content = path.join(base, 'content');
  writeNotebook(content, n);
  const notes = path.join(content, 'notes');
  const env = { NOTEPRESS_OG_IMAGES: 'off' }; // as benchRebuild: the cards' own cache would make run 1 unlike the others
  const astro: Peer = prepareAstro(notes);
  const hugo: Peer = prepareHugo(path.join(base, 'hugo'), notes);
  const ours = { cold: [] as BuildFigures[], unchanged: [] as BuildFigures[] };
  const a = { cold: [] as PeerBuild[], cached: [] as PeerBuild[], warnings: new Set<string>() };
  const h: PeerBuild[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = path.join(base, 'out');
      ours.cold.push(buildOnce('notepress', content, out, { env }));
      checkPages('our site', out, n);
      ours.unchanged.push(buildOnce('notepress', content, out, { keepCache: true, env }));
      checkPages('our site', out, n);
      if (astro.ok) {
        for (const cold of [true, false]) {
          const b = buildAstro(astro.dir, n, cold);
          b.warnings.forEach((w) => a.warnings.add(w));
          (cold ? a.cold : a.cached).push(b);
        }
      }
      if (hugo.ok) h.push(buildHugo(hugo.dir, n));
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  // On stderr, beside the table: a warning may mean Astro built something other than asked.
  for (const w of a.warnings) process.stderr.write(`peers: Astro: ${w}\n`);
  return {
    n,
    ours: { cold: summarizeBuilds(ours.cold), unchanged: summarizeBuilds(ours.unchanged), blocks: { cold: ours.cold.at(-1)?.blocks, unchanged: ours.unchanged.at(-1)?.blocks } },
    astro: astro.ok ? { version: astro.version, cold: summarizeBuilds(a.cold), cached: summarizeBuilds(a.cached), warnings: [...a.warnings] } : { why: astro.why },
    hugo: hugo.ok ? { version: hugo.version, cold: summarizeBuilds(h) } : { why: hugo.why },
  };
}

/** A row whose baseline could not be measured: our figure stays, the baseline column says why. */
function unmeasured(r: Row, why: string): Row {
  return { ...r, baseline: `not measured: ${why}` };
}

export function peersRows(f: PeersFigures): Row[] {
  const { n, ours } = f;
  const rows: Row[] = [];
  const astro = 'why' in f.astro ? undefined : f.astro;
  const vs = (what: string, mine: Builds, theirs: Builds | undefined, key: keyof Builds, baseWhat: string, target?: { maxRatio: number }) => {
    const unit = key === 'peak' ? 'MB' : 'ms';
    const r = row('peers', `${what} (${spread(mine[key], unit)})`, mine[key].median, theirs?.[key].median, theirs ? `${baseWhat}, ${spread(theirs[key], unit)}` : '', target, unit);
    return theirs || !('why' in f.astro) ? r : unmeasured(r, f.astro.why);
  };
  const A = astro ? `Astro ${astro.version}` : 'Astro 5';
  const b = (x: BuildFigures['blocks']) => (x ? `, ours: ${x.highlighted} blocks highlighted, ${x.cached} from the cache` : '');
  rows.push(vs(`${n} notes, cold: ours vs ${A}, wall time${b(ours.blocks.cold)}`, ours.cold, astro?.cold, 'ms', `${A} cold`, { maxRatio: 1 }));
  rows.push(vs(`${n} notes, unchanged: ours (cache kept) vs ${A} cached, wall time${b(ours.blocks.unchanged)}`, ours.unchanged, astro?.cached, 'ms', `${A} cached`, { maxRatio: 1 }));
  rows.push(vs(`${n} notes, cold: ours vs ${A}, CPU time`, ours.cold, astro?.cold, 'cpu', `${A} cold`));
  rows.push(vs(`${n} notes, unchanged: ours vs ${A} cached, CPU time`, ours.unchanged, astro?.cached, 'cpu', `${A} cached`));
  rows.push(vs(`${n} notes, cold: ours vs ${A}, peak memory`, ours.cold, astro?.cold, 'peak', `${A} cold`));
  if ('why' in f.hugo) {
    rows.push(unmeasured(row('peers', `${n} notes, cold: ours vs Hugo, wall time: the limit, no target (${spread(ours.cold.ms)})`, ours.cold.ms.median, undefined, ''), f.hugo.why));
  } else {
    const H = `Hugo ${f.hugo.version}`;
    const hc = f.hugo.cold;
    rows.push(row('peers', `${n} notes, cold: ours vs ${H}, wall time: the limit, no target (${spread(ours.cold.ms)})`, ours.cold.ms.median, hc.ms.median, `${H} cold, ${spread(hc.ms)}`));
    // GNU time may be missing: then Hugo's CPU and memory are unknown, and the rows are left out.
    if (!Number.isNaN(hc.cpu.median)) rows.push(row('peers', `${n} notes, cold: ours vs ${H}, CPU time`, ours.cold.cpu.median, hc.cpu.median, `${H} cold`));
    if (!Number.isNaN(hc.peak.median)) rows.push(row('peers', `${n} notes, cold: ours vs ${H}, peak memory`, ours.cold.peak.median, hc.peak.median, `${H} cold`, undefined, 'MB'));
  }
  return rows;
}

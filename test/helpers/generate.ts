/**
 * Deterministic synthetic notebooks: N notes with realistic frontmatter, prose,
 * headings and code blocks. The same seed always writes the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const WORDS = ('latency throughput replica partition leader follower segment compaction index cache eviction shard ' +
  'consensus quorum snapshot checkpoint buffer socket epoll kernel thread scheduler allocator arena page fault ' +
  'backpressure queue batch flush commit offset log tail p99 measure benchmark regression profile flame graph ' +
  'the a of to and in is that for with as on this we it by are be from at or an not which when').split(' ');
const TAGS = ['rust', 'networking', 'databases', 'kafka', 'redis', 'observability', 'concurrency', 'linux', 'storage', 'emulation'];

/** mulberry32: a small, well-known seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function codeBlock(r: () => number, lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `    let v${i} = buf.get(${Math.floor(r() * 1000)}).map(|x| x * ${i + 1}).unwrap_or(0); // ${words(r, 3).toLowerCase()}`);
  return ['```rust', 'fn process(buf: &Buffer) -> u64 {', ...body, '    0', '}', '```'].join('\n');
}

/** One note's text: about `proseWords` words of prose in sections, and `codeBlocks` blocks of `codeLines` lines. */
export function noteText(seed: number, o: { proseWords: number; codeBlocks: number; codeLines: number; date?: string }): string {
  const r = rng(seed);
  const sections = Math.max(1, o.codeBlocks);
  const per = Math.ceil(o.proseWords / sections / 3);
  const parts: string[] = [];
  for (let s = 0; s < sections; s++) {
    parts.push(`## ${words(r, 4)}`);
    for (let p = 0; p < 3; p++) parts.push(`${words(r, per)}.`);
    if (s < o.codeBlocks) parts.push(codeBlock(r, o.codeLines));
  }
  const tags = [TAGS[seed % TAGS.length], TAGS[(seed * 7 + 3) % TAGS.length]];
  const date = o.date ?? `20${20 + (seed % 7)}-${String((seed % 12) + 1).padStart(2, '0')}-${String((seed % 28) + 1).padStart(2, '0')}`;
  return `---\ntitle: "${words(r, 6)}"\ndate: ${date}\nsummary: ${words(r, 20)}.\ntags: [${[...new Set(tags)].join(', ')}]\n---\n\n${parts.join('\n\n')}\n`;
}

/** Writes a content folder with a profile, section pages and N notes of ~800 words each. */
export function writeNotebook(dir: string, n: number, seed = 1): void {
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  writeFileSync(path.join(dir, 'index.md'), '---\nname: Bench\nrole: Benchmark notebook\ntagline: Synthetic.\n---\n\nGenerated.\n');
  writeFileSync(path.join(dir, 'notes/index.md'), '---\ntitle: Notes\n---\n');
  for (let i = 0; i < n; i++) {
    writeFileSync(path.join(dir, `notes/note-${String(i).padStart(5, '0')}.md`), noteText(seed * 100_003 + i, { proseWords: 800, codeBlocks: 2, codeLines: 10 }));
  }
}

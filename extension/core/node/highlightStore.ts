/**
 * The highlight cache on disk (see ../highlightCache.ts): one file of highlighted blocks
 * by key, read on first use and written whole under a temporary name then renamed, so a
 * build never reads half a file. Anything wrong with the file (missing, unreadable, another
 * format, a damaged line) costs time only: what cannot be read is highlighted again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { HighlightCache, HighlightStore } from '../highlightCache';
import { replaceFile } from './cacheFile';

/** The file's first line. A file that does not start with it is not read. */
const HEADER = 'notepress-highlight-cache 1';
const KEY = /^[0-9a-f]{32}$/;

export interface HighlightStats {
  /** Blocks highlighted in this process (not in the cache). */
  readonly highlighted: number;
  /** Distinct blocks taken from the cache file. */
  readonly cached: number;
}

export class DiskHighlightStore implements HighlightStore {
  private file: string | undefined;
  private stored: Map<string, string> | undefined;
  /** The blocks asked for or highlighted in this process: what a build writes back. */
  private readonly used = new Map<string, string>();
  private highlighted = 0;
  private cached = 0;

  /**
   * @param o.onSet called after a block was highlighted and stored (the dev server writes the file soon after)
   */
  constructor(private readonly o: { onSet?: () => void } = {}) {}

  /** Uses `dir/blocks` from now on. Until then (and without it) blocks are kept in memory only. */
  open(dir: string): void {
    if (this.file === path.join(dir, 'blocks')) return;
    this.file = path.join(dir, 'blocks');
    this.stored = undefined;
  }

  get stats(): HighlightStats {
    return { highlighted: this.highlighted, cached: this.cached };
  }

  get(key: string): string | undefined {
    const mine = this.used.get(key);
    if (mine !== undefined) return mine;
    const kept = this.read().get(key);
    if (kept !== undefined) {
      this.used.set(key, kept);
      this.cached++;
    }
    return kept;
  }

  set(key: string, html: string): void {
    this.used.set(key, html);
    this.highlighted++;
    this.o.onSet?.();
  }

  /**
   * Writes the file: with `all`, every block it held and every block used since (the dev
   * server, which renders only the pages visited); else only the blocks this process used,
   * so that blocks no page has any more do not pile up (a build, which renders every page).
   * Nothing is written when the file would not change.
   */
  async write(o: { all: boolean }): Promise<void> {
    if (!this.file) return;
    const stored = this.read();
    const blocks = o.all ? new Map([...stored, ...this.used]) : this.used;
    if (blocks.size === stored.size && [...blocks.keys()].every((k) => stored.has(k))) return;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await replaceFile(this.file, async (tmp) => {
      const out = await fs.open(tmp, 'w');
      try {
        // A line per block, written in parts: the whole file as one string could pass V8's limit on a large notebook.
        let chunk = `${HEADER}\n`;
        for (const [key, html] of blocks) {
          chunk += `${JSON.stringify([key, html])}\n`;
          if (chunk.length > 1 << 20) {
            await out.write(chunk);
            chunk = '';
          }
        }
        await out.write(chunk);
      } finally {
        await out.close();
      }
    });
    this.stored = blocks === this.used ? new Map(this.used) : blocks;
  }

  private read(): Map<string, string> {
    if (this.stored) return this.stored;
    this.stored = new Map();
    if (!this.file || !existsSync(this.file)) return this.stored;
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return this.stored;
    }
    let at = buf.indexOf(10);
    if (at < 0 || buf.toString('utf8', 0, at) !== HEADER) return this.stored;
    while (at < buf.length) {
      const end = buf.indexOf(10, at + 1);
      const line = buf.toString('utf8', at + 1, end < 0 ? buf.length : end);
      at = end < 0 ? buf.length : end;
      const entry = parseLine(line);
      if (entry) this.stored.set(entry[0], entry[1]);
    }
    return this.stored;
  }
}

function parseLine(line: string): [string, string] | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && KEY.test(v[0]) && typeof v[1] === 'string' ? [v[0], v[1]] : undefined;
  } catch {
    return undefined;
  }
}

/** The packages whose versions change highlighted HTML: the renderer, Shiki, its grammars, themes and transformers. */
const HIGHLIGHTER_PACKAGES = ['vitepress', 'shiki', '@shikijs/core', '@shikijs/langs', '@shikijs/themes', '@shikijs/transformers'];

/**
 * The versions of the highlighter's packages, found as Node finds them: VitePress from
 * `from` (the site's module), the others from VitePress. A package not found counts as
 * "none", which is still a distinct key.
 */
export function highlighterContext(from: string): HighlightCache['context'] {
  const vitepress = packageDir('vitepress', from);
  const versions = HIGHLIGHTER_PACKAGES.map((name) => {
    const dir = name === 'vitepress' ? vitepress : vitepress && packageDir(name, vitepress);
    return `${name}@${(dir && packageVersion(dir)) ?? 'none'}`;
  });
  return versions.join(' ');
}

/** The folder of package `name` in the nearest `node_modules` at or above `from`. */
function packageDir(name: string, from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function packageVersion(dir: string): string | undefined {
  try {
    const v = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

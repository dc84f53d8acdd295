/**
 * Loads a content folder from disk with Node's file system. Used by the site build,
 * the CLI, the tests and the benchmarks; the extension reads through VS Code's file
 * system instead (remote workspaces, `files.exclude`) and feeds the same Notebook.
 * This folder is the only part of the core that touches the disk.
 */
import { promises as fs, Dirent, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Kinds, PUBLIC_DIR } from '../kinds';
import { Notebook } from '../notebook';
import { decodeContent, type Decoded } from '../decode';
import { Problem, ProblemCode } from '../problems';
import { ContentFiles, referenceProblems } from '../references';
import { CONFIG_PATH, DEFAULT_CONFIG, NotebookConfig, parseNotebookConfig } from '../notebookConfig';
import { blockEngines, loadBlockEngines, needsBlockEngines } from '../blocks/engines';

/** What a walk of the content folder found. */
export interface ContentScan {
  /** Files the notebook holds (entries, profile, pages, section pages, unsupported `.mdx`). */
  readonly notebook: readonly string[];
  /** Markdown files the notebook does not hold (a folder no kind owns, `public/`): never published. */
  readonly other: readonly string[];
  /**
   * Symbolic links. The notebook does not follow them; the site build leaves them out
   * too (VitePress would follow a link to a parent folder and publish the site again beneath it).
   */
  readonly links: readonly string[];
}

/** Walks the content folder without following symbolic links, so a link loop cannot hang it. */
export async function scanContent(root: string, kinds: Kinds): Promise<ContentScan> {
  const notebook: string[] = [];
  const other: string[] = [];
  const links: string[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    let items: Dirent[];
    try {
      items = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of items) {
      // Dot folders and node_modules are never pages (VitePress skips them too).
      if (d.name.startsWith('.') || d.name === 'node_modules') continue;
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isSymbolicLink()) links.push(r);
      else if (d.isDirectory()) await walk(path.join(dir, d.name), r);
      else if (d.isFile() && kinds.classify(r)) notebook.push(r);
      else if (d.isFile() && r.endsWith('.md')) other.push(r);
    }
  }
  await walk(root, '');
  return { notebook: notebook.sort(), other: other.sort(), links: links.sort() };
}

/** Reads `.notepress/notebook.yaml`, or the defaults when there is none. */
export async function loadConfig(root: string): Promise<NotebookConfig> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, CONFIG_PATH), 'utf8');
  } catch {
    return DEFAULT_CONFIG;
  }
  return parseNotebookConfig(text);
}

/** Reads one file into the notebook, recording why when it cannot be read as text. */
export async function loadFile(notebook: Notebook, root: string, rel: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(root, rel));
  } catch (err) {
    notebook.setUnreadable(rel, ProblemCode.Unreadable, `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return;
  }
  await addFile(notebook, rel, bytes);
}

async function addFile(notebook: Notebook, rel: string, bytes: Uint8Array): Promise<void> {
  await addDecoded(notebook, rel, decodeContent(bytes));
}

/** Adds a decoded file; a promise only when its diagrams or math need the renderers loaded first. */
function addDecoded(notebook: Notebook, rel: string, decoded: Decoded): Promise<void> | undefined {
  if (!decoded.ok) {
    notebook.setUnreadable(rel, decoded.code, decoded.message, decoded);
    return undefined;
  }
  // Diagrams and math are checked when the note is parsed: their renderers must be loaded
  // first (once loaded, no file needs the look for them).
  if (!blockEngines() && needsBlockEngines(decoded.text)) return loadBlockEngines().then(() => void notebook.set(rel, decoded.text));
  notebook.set(rel, decoded.text);
  return undefined;
}

/**
 * A file as `decodeContent` reads it, through Node's own UTF-8 read: no Buffer per file,
 * no second pass over the bytes. That read turns bad bytes into U+FFFD and keeps a NUL,
 * so a text with either is read again as bytes and judged by `decodeContent`: the
 * answer is always the one `decodeContent` gives (the byte-order mark, which its decoder
 * drops, is dropped here too).
 */
export function readDecoded(absPath: string): Decoded {
  const text = readFileSync(absPath, 'utf8');
  if (text.includes('\uFFFD') || text.includes('\0')) return decodeContent(readFileSync(absPath));
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Loads a content folder: its settings, then every file, into a new Notebook. */
export async function loadNotebook(root: string): Promise<Notebook> {
  const notebook = new Notebook(await loadConfig(root));
  const scan = await scanContent(root, notebook.kinds);
  await loadFiles(notebook, root, scan.notebook);
  return notebook;
}

/**
 * Reads files into the notebook in batches, synchronously: measured on 10,000 notes,
 * 0.3 s against 0.9 to 1.3 s for as many concurrent async reads (each one four trips
 * through libuv's thread pool). The event loop gets a turn between batches, and
 * `onBatch` a call, so a tree can fill in as a large notebook loads.
 */
export async function loadFiles(notebook: Notebook, root: string, rels: readonly string[], onBatch?: () => void): Promise<void> {
  // Paths by concatenation: `rel` is already normalised and `/`-separated, which every
  // platform's file system takes; path.join per file was a measurable part of the load.
  const base = root.endsWith('/') || root.endsWith(path.sep) ? root : `${root}/`;
  for (let i = 0; i < rels.length; i += 256) {
    for (const rel of rels.slice(i, i + 256)) {
      let decoded: Decoded;
      try {
        decoded = readDecoded(base + rel);
      } catch (err) {
        notebook.setUnreadable(rel, ProblemCode.Unreadable, `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        continue;
      }
      const loading = addDecoded(notebook, rel, decoded);
      if (loading) await loading;
    }
    onBatch?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The content folder on disk, as the reference checks and the chart renderer see it.
 * A path that leaves the folder reads as missing.
 */
export function diskFiles(root: string): ContentFiles {
  const inside = (target: string) => !target.startsWith('..') && !path.isAbsolute(target);
  return {
    read: (target) => {
      if (!inside(target)) return undefined;
      try {
        return readFileSync(path.join(root, target), 'utf8');
      } catch {
        return undefined;
      }
    },
    isFile: (target) => {
      if (!inside(target)) return false;
      try {
        return statSync(path.join(root, target)).isFile();
      } catch {
        return false;
      }
    },
  };
}

/**
 * What published entries refer to on disk and is missing or broken (images, chart data
 * files), as problems. The site build checks these before rendering: a missing image
 * would otherwise stop the bundler mid-build with a stack trace.
 */
export function fileProblems(notebook: Notebook, root: string): Problem[] {
  const files = diskFiles(root);
  return notebook.published().flatMap((e) => referenceProblems(e, files));
}

export { PUBLIC_DIR };

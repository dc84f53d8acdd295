/**
 * Loads a content folder from disk with Node's file system. Used by the site build,
 * the tests and the benchmarks; the extension reads through VS Code's file system
 * instead, so that remote workspaces and `files.exclude` work, and feeds the same Notebook.
 */
import { promises as fs, Dirent, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { classify } from './kinds';
import { Notebook } from './notebook';
import { decodeContent } from './decode';
import { Problem, ProblemCode } from './problems';
import { ContentFiles, referenceProblems } from './references';
import { loadBlockEngines, needsBlockEngines } from './blocks/engines';

/** Folders never part of a notebook. */
export const IGNORED_DIRS = new Set(['node_modules', '.vitepress', '.git', 'public']);

/** Walks the content folder without following symbolic links, so a link loop cannot hang it. */
async function walkContent(root: string, visit: (rel: string, d: Dirent) => void): Promise<void> {
  async function walk(dir: string, rel: string): Promise<void> {
    let items: Dirent[];
    try {
      items = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of items) {
      if (d.name.startsWith('.') || IGNORED_DIRS.has(d.name)) continue;
      const r = rel ? `${rel}/${d.name}` : d.name;
      visit(r, d);
      if (d.isDirectory()) await walk(path.join(dir, d.name), r);
    }
  }
  await walk(root, '');
}

/** Lists content-relative paths of markdown files the notebook may hold. Symbolic links are not followed. */
export async function listContentFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  await walkContent(root, (r, d) => {
    if (d.isFile() && classify(r)) out.push(r);
  });
  return out.sort();
}

/**
 * Symbolic links inside the content folder. The notebook does not follow them; the
 * site build is told to leave them out too (VitePress's page search would follow a
 * link to a parent folder and publish the whole site again beneath it).
 */
export async function symbolicLinks(root: string): Promise<string[]> {
  const out: string[] = [];
  await walkContent(root, (r, d) => {
    if (d.isSymbolicLink()) out.push(r);
  });
  return out.sort();
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
  const decoded = decodeContent(bytes);
  // Diagrams and math are checked when the note is parsed: their renderers must be loaded first.
  if (decoded.ok && needsBlockEngines(decoded.text)) await loadBlockEngines();
  if (decoded.ok) notebook.set(rel, decoded.text);
  else notebook.setUnreadable(rel, decoded.code, decoded.message, decoded);
}

/** Loads every file of a content folder into a new Notebook. */
export async function loadNotebook(root: string): Promise<Notebook> {
  const notebook = new Notebook();
  const files = await listContentFiles(root);
  await Promise.all(files.map((rel) => loadFile(notebook, root, rel)));
  return notebook;
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

/**
 * The importer's only contact with the disk. The blog folder is only ever read.
 * The content folder only gains files: each is created with O_EXCL (`wx`), so an
 * existing file is never replaced; one with the planned content counts as imported
 * by an earlier run, one with other content is kept and reported.
 */
import { readdirSync, readFileSync, realpathSync, statSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { today } from '../dates';
import { diskFiles } from './load';
import { planImport } from '../import/plan';
import { renderReport, type ImportResult, type ReportRoots } from '../import/report';
import { ImportError, type ImportPlan, type ImportTarget, type SourceTree } from '../import/types';

/** Folders no blog keeps posts in: version control, dependencies, caches. Symbolic links are not followed either. */
const NEVER_READ = new Set(['.git', 'node_modules', '.astro', '.jekyll-cache', '.sass-cache']);

/** A blog folder on disk as a source tree. Throws `ImportError` when it is not a readable folder. */
export function diskTree(root: string): SourceTree {
  const paths: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (NEVER_READ.has(d.name)) continue;
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(path.join(dir, d.name), r);
      else if (d.isFile()) paths.push(r);
    }
  };
  try {
    walk(root, '');
  } catch (err) {
    throw new ImportError(`cannot read the blog folder ${root}: ${reason(err)}`);
  }
  paths.sort();
  return {
    paths,
    read: (p) => {
      try {
        return new Uint8Array(readFileSync(path.join(root, p)));
      } catch {
        return undefined;
      }
    },
    modified: (p) => {
      try {
        return today(statSync(path.join(root, p)).mtime);
      } catch {
        return undefined;
      }
    },
  };
}

/** What the content folder holds, for `ImportTarget.existing`. */
export function diskExisting(contentRoot: string): (p: string) => string | undefined {
  return diskFiles(contentRoot).read;
}

/**
 * Carries out a plan. Creates folders as needed and files only where none exist;
 * writes the report to `.notepress/import-report.md` (or `-2`, `-3`, ... when one is
 * there) when the run wrote something or found a conflict. Throws `ImportError` when
 * the two folders overlap: writing into the blog would change it.
 */
export async function applyImport(plan: ImportPlan, sourceRoot: string, contentRoot: string, roots: ReportRoots = { source: sourceRoot, content: contentRoot }): Promise<ImportResult> {
  const source = realOrResolved(sourceRoot);
  const content = realOrResolved(contentRoot);
  if (inside(content, source) || inside(source, content)) {
    throw new ImportError(`the content folder ${contentRoot} and the blog folder ${sourceRoot} overlap: importing would change the blog; choose a content folder outside it`);
  }
  try {
    await fs.mkdir(contentRoot, { recursive: true });
  } catch (err) {
    throw new ImportError(`cannot create the content folder ${contentRoot}: ${reason(err)}`);
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  const conflicts: { path: string; from: string; reason: string }[] = [];
  const failed: { path: string; message: string }[] = [];
  const place = async (rel: string, from: string, bytes: Uint8Array) => {
    // Plans come from `planImport`, whose paths stay inside; a hand-made plan is held to the same.
    if (rel.split('/').some((s) => s === '..' || s === '' || s === '.') || path.isAbsolute(rel)) {
      failed.push({ path: rel, message: 'the path leaves the content folder; not written' });
      return;
    }
    const outcome = await create(contentRoot, rel, bytes);
    if (outcome.is === 'written') written.push(rel);
    else if (outcome.is === 'same') unchanged.push(rel);
    else if (outcome.is === 'conflict') conflicts.push({ path: rel, from, reason: outcome.reason });
    else failed.push({ path: rel, message: outcome.reason });
  };
  for (const w of plan.writes) await place(w.path, w.from, new TextEncoder().encode(w.text));
  for (const c of plan.copies) {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(path.join(sourceRoot, c.from));
    } catch (err) {
      failed.push({ path: c.to, message: `cannot read ${c.from} in the blog: ${reason(err)}` });
      continue;
    }
    await place(c.to, c.from, bytes);
  }
  const result: ImportResult = { written, unchanged, conflicts, failed };
  if (!written.length && !conflicts.length && !failed.length) return result;
  for (let n = 1; n < 1000; n++) {
    const reportPath = `.notepress/import-report${n === 1 ? '' : `-${n}`}.md`;
    const withPath = { ...result, reportPath };
    const outcome = await create(contentRoot, reportPath, new TextEncoder().encode(renderReport(plan, withPath, roots)), true);
    if (outcome.is === 'written') return withPath;
    if (outcome.is === 'failed') return { ...result, failed: [...failed, { path: reportPath, message: outcome.reason }] };
  }
  return result;
}

/**
 * Plans and applies in one call: the blog at `sourceRoot` into the content folder at
 * `contentRoot`. `existing` defaults to the content folder on disk.
 */
export async function importFolder(sourceRoot: string, contentRoot: string, target: Omit<ImportTarget, 'existing'> & Partial<Pick<ImportTarget, 'existing'>>, roots?: ReportRoots): Promise<{ plan: ImportPlan; result: ImportResult }> {
  const plan = planImport(diskTree(sourceRoot), { ...target, existing: target.existing ?? diskExisting(contentRoot) });
  return { plan, result: await applyImport(plan, sourceRoot, contentRoot, roots) };
}

type Outcome = { is: 'written' } | { is: 'same' } | { is: 'conflict'; reason: string } | { is: 'failed'; reason: string };

/** Creates one file with O_EXCL. `neverSame`: a file already there always counts as a conflict (the report is never reused). */
async function create(root: string, rel: string, bytes: Uint8Array, neverSame = false): Promise<Outcome> {
  const abs = path.join(root, rel);
  const unsafe = await ensureFolder(root, path.posix.dirname(rel));
  if (unsafe) return { is: 'failed', reason: unsafe };
  try {
    const handle = await fs.open(abs, 'wx');
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    return { is: 'written' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { is: 'failed', reason: `cannot write: ${reason(err)}` };
  }
  try {
    const stat = await fs.lstat(abs);
    if (!stat.isFile()) return { is: 'conflict', reason: stat.isSymbolicLink() ? 'a symbolic link is there' : 'a folder of that name is there' };
    const there = await fs.readFile(abs);
    return !neverSame && Buffer.compare(there, bytes) === 0 ? { is: 'same' } : { is: 'conflict', reason: 'a file with other content is there' };
  } catch (err) {
    return { is: 'failed', reason: `cannot read the file already there: ${reason(err)}` };
  }
}

/**
 * Creates the folders of a content-relative path one at a time, refusing to pass
 * through a symbolic link (it could carry the import out of the content folder).
 * Returns why not, or undefined when the folder is there.
 */
async function ensureFolder(root: string, relDir: string): Promise<string | undefined> {
  let dir = root;
  for (const part of relDir === '.' ? [] : relDir.split('/')) {
    dir = path.join(dir, part);
    const shown = path.relative(root, dir).split(path.sep).join('/');
    let stat;
    try {
      stat = await fs.lstat(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot read the folder ${shown}: ${reason(err)}`;
      try {
        await fs.mkdir(dir);
        continue;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return `cannot create the folder ${shown}: ${reason(e)}`;
        stat = await fs.lstat(dir);
      }
    }
    if (stat.isSymbolicLink()) return `the folder ${shown} is a symbolic link, which the import does not follow; not written`;
    if (!stat.isDirectory()) return `a file stands where the folder ${shown} is needed; not written`;
  }
  return undefined;
}

function realOrResolved(p: string): string {
  // The content folder may not exist yet: resolve its nearest existing ancestor.
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realOrResolved(parent), path.basename(abs));
  }
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the disk is read-only', ENOSPC: 'the disk is full',
  ENOENT: 'no such file or folder', ENOTDIR: 'a file stands where a folder is needed', EISDIR: 'a folder has that name',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code ? `${REASONS[code] ?? code} (${code})` : String(err);
}

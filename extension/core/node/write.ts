/**
 * Writing new files into a notebook without ever replacing one: each file is created
 * with O_EXCL (`wx`), so a file that appeared meanwhile is kept, not overwritten. Used
 * by `notepress init`, `notepress import` and the build's route repair.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface WriteResult {
  readonly written: string[];
  /** Files that already existed: left exactly as they were. */
  readonly kept: string[];
  /** Files that could not be written, with the reason (permissions, a read-only disk). */
  readonly failed: { readonly path: string; readonly reason: string }[];
}

/** Creates each file under `root` that does not exist yet; parents are created as needed. */
export async function writeNewFiles(root: string, files: readonly { path: string; text: string | Uint8Array }[]): Promise<WriteResult> {
  const result: WriteResult = { written: [], kept: [], failed: [] };
  for (const f of files) {
    const abs = path.join(root, ...f.path.split('/'));
    try {
      await fs.mkdir(path.dirname(abs), { recursive: true });
      await fs.writeFile(abs, f.text, { flag: 'wx' });
      result.written.push(f.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') result.kept.push(f.path);
      else result.failed.push({ path: f.path, reason: describeError(err) });
    }
  }
  return result;
}

/** Replaces a file the caller has just read and merged (package.json, .gitignore), only if it is unchanged since. */
export async function updateIfUnchanged(file: string, before: string | undefined, after: string): Promise<boolean> {
  let now: string | undefined;
  try {
    now = await fs.readFile(file, 'utf8');
  } catch {
    now = undefined;
  }
  if (now !== before) return false;
  if (before === undefined) {
    try {
      await fs.writeFile(file, after, { flag: 'wx' });
      return true;
    } catch {
      return false;
    }
  }
  await fs.writeFile(file, after);
  return true;
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'the disk is full';
    case 'ENOTDIR': return 'a parent of it is a file, not a folder';
    default: return e.message ?? String(err);
  }
}

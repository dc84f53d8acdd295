import * as vscode from 'vscode';
import { writeFile } from 'node:fs/promises';

/** True when something exists at the URI; any error (not found, no access) reads as no. */
export function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

export type CreateResult = { readonly created: true } | { readonly created: false; readonly exists: boolean; readonly reason?: string };

/**
 * Creates a file that must not exist yet, atomically: on a local disk with the `wx`
 * flag, so a file that appears between listing and writing is never overwritten and
 * a refusal says why (read-only, permissions, disk full). Elsewhere through a
 * workspace edit with `overwrite: false`, which reports only success or failure.
 */
export async function createFileExclusive(uri: vscode.Uri, text: string | Uint8Array): Promise<CreateResult> {
  if (uri.scheme === 'file') {
    try {
      await writeFile(uri.fsPath, text, { flag: 'wx' });
      return { created: true };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'EEXIST' ? { created: false, exists: true } : { created: false, exists: false, reason: describeFsError(err) };
    }
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: typeof text === 'string' ? new TextEncoder().encode(text) : text });
  if (await vscode.workspace.applyEdit(edit)) return { created: true };
  return (await exists(uri)) ? { created: false, exists: true } : { created: false, exists: false, reason: 'the file could not be created' };
}

/** A file system error in words a user can act on. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  switch (e.code) {
    case 'EROFS': return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
    case 'NoPermissions': return 'permission denied: the folder is read-only for you';
    case 'ENOSPC': return 'the disk is full';
    case 'ENOTDIR': return 'a file stands where a folder should be';
    case 'ENAMETOOLONG': return 'the name is too long for this file system';
    default: return e.code ? `${e.code}: ${e.message}` : String((e as Error).message ?? err);
  }
}

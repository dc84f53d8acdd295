/**
 * Files that notes link to beside themselves (`[the data](./runs.csv)`, a PDF next to
 * a note) are copied into the built site at the same place, so the link works there as
 * it does in the editor: VitePress copies `public/` and what pages import, not what
 * they link to. Only regular files inside the content folder are copied: never one
 * reached through a symbolic link, so a note cannot publish a file from elsewhere.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Notebook } from '../../extension/core/index';

export async function copyLinkedFiles(nb: Notebook, contentDir: string, outDir: string): Promise<string[]> {
  const root = await fs.realpath(contentDir);
  const copied: string[] = [];
  for (const rel of nb.links.linkedFiles()) {
    // A link (or a folder that is one) could lead out of the content folder: follow none.
    const real = await fs.realpath(path.join(root, ...rel.split('/'))).catch(() => undefined);
    if (!real || !real.startsWith(root + path.sep) || !(await fs.lstat(real)).isFile()) continue;
    const to = path.join(outDir, ...rel.split('/'));
    await fs.mkdir(path.dirname(to), { recursive: true });
    // An image linked at full size may have been copied already (images.ts).
    await fs.copyFile(real, to, fs.constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    copied.push(rel);
  }
  return copied;
}

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
    const from = path.join(root, rel);
    try {
      const st = await fs.lstat(from);
      if (!st.isFile() || (await fs.realpath(from)) !== from) continue;
    } catch {
      continue;
    }
    const to = path.join(outDir, rel);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.copyFile(from, to);
    copied.push(rel);
  }
  return copied;
}

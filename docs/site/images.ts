/**
 * The image files a note's full-size links point to (`extension/core/imageLinks.ts`).
 * The page shows the copy the bundler made (`/assets/plot.1a2b3c.png`); the link keeps
 * the address the note wrote (`./plot.png`), so the file is copied to that address,
 * beside the page, as a static host serves it. Only raster images a published entry or
 * page links to, and only files that really are inside the content folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { linksToFullSize, localImageRefs, Notebook, PUBLIC_DIR } from '../../extension/core/index';

export async function copyLinkedImages(nb: Notebook, contentDir: string, outDir: string): Promise<void> {
  const root = await fs.realpath(contentDir);
  const targets = new Set<string>();
  for (const e of [...nb.published(), ...nb.pages()]) {
    for (const ref of localImageRefs(e.path, e.body, e.bodyLine)) {
      // `/x.png` is a file of public/, which the build copies to the site's root itself.
      if (linksToFullSize(ref.src) && !ref.target.startsWith('..') && !ref.target.startsWith(`${PUBLIC_DIR}/`)) targets.add(ref.target);
    }
  }
  await Promise.all([...targets].map(async (target) => {
    const from = path.join(root, ...target.split('/'));
    // A link (or a folder that is one) could lead out of the content folder: follow none.
    const real = await fs.realpath(from).catch(() => undefined);
    if (!real || !real.startsWith(root + path.sep) || !(await fs.lstat(real)).isFile()) return;
    const to = path.join(outDir, ...target.split('/'));
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.copyFile(real, to, fs.constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }));
}

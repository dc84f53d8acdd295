/**
 * `notepress init`: the starter notebook written into a project folder. Files that
 * exist are kept as they are; `package.json` and `.gitignore` only gain what they lack.
 */
import * as path from 'node:path';
import { mergeGitignore, mergePackageJson, starterFiles, today } from '../../extension/core/index';
import { readText, updateIfUnchanged, writeNewFiles } from '../../extension/core/node/write';
import type { Project } from './project';

export async function initNotebook(p: Project, o: { version: string; log: (s: string) => void }): Promise<number> {
  const content = path.relative(p.dir, p.contentDir).split(path.sep).join('/') || 'content';
  const res = await writeNewFiles(p.dir, starterFiles({ date: today(), contentDir: content }));
  const pkgFile = path.join(p.dir, 'package.json');
  const pkgBefore = await readText(pkgFile);
  const pkg = mergePackageJson(pkgBefore, { name: path.basename(p.dir), dependency: `^${o.version}` });
  const changed: string[] = [];
  if (pkg && 'error' in pkg) {
    o.log(`notepress: ${pkg.error}\n`);
    return 1;
  }
  if (pkg && (await updateIfUnchanged(pkgFile, pkgBefore, pkg.text))) changed.push(pkgBefore === undefined ? 'package.json' : `package.json (${pkg.added.join(', ')})`);
  const ignoreFile = path.join(p.dir, '.gitignore');
  const ignoreBefore = await readText(ignoreFile);
  const ignore = mergeGitignore(ignoreBefore);
  if (ignore && (await updateIfUnchanged(ignoreFile, ignoreBefore, ignore))) changed.push('.gitignore');
  const lines = [
    ...res.written.map((f) => `  created ${f}`),
    ...changed.map((f) => `  ${f.startsWith('package.json (') ? 'added to' : 'wrote'} ${f}`),
    ...res.kept.map((f) => `  kept    ${f} (already there)`),
    ...res.failed.map((f) => `  FAILED  ${f.path}: ${f.reason}`),
  ];
  o.log(`notepress: a notebook in ${p.dir}\n${lines.join('\n')}\n`);
  if (res.failed.length) return 1;
  o.log(`\nNext: fill in ${content}/index.md, then \`npm install\` (if you have not) and \`npm run dev\`.\n`);
  return 0;
}

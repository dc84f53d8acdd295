/**
 * Where a notebook's parts are, for the `notepress` command: the project folder (where
 * `package.json` and the commands run), the VitePress folder (the one holding
 * `.vitepress/`: the project folder itself, or `docs/` as in Notepress's own
 * repository) and the content folder (`content/` in the project folder).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface Project {
  readonly dir: string;
  readonly siteRoot: string;
  readonly contentDir: string;
}

const CONFIGS = ['config.mts', 'config.ts', 'config.mjs', 'config.js'];

/** The VitePress folder under `dir`, or undefined when there is none yet. */
export function findSiteRoot(dir: string): string | undefined {
  for (const root of [dir, path.join(dir, 'docs')]) {
    if (CONFIGS.some((c) => existsSync(path.join(root, '.vitepress', c)))) return root;
  }
  return undefined;
}

export function project(dir: string, contentOption?: string): Project {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    siteRoot: findSiteRoot(abs) ?? abs,
    contentDir: path.resolve(abs, process.env.NOTEPRESS_CONTENT ?? contentOption ?? 'content'),
  };
}

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { starterFiles } from '../../extension/core/starter';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');

/**
 * A fresh copy of the seed's content folder. It lives under the repository's git-ignored
 * `.cache/` because the pages VitePress compiles import `vue` from next to themselves.
 */
export function copyContent(): string {
  mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO, '.cache', 'content-'));
  cpSync(path.join(REPO, 'content'), dir, { recursive: true });
  return dir;
}

/** The package's command, as built by `npm run build:pkg` (which `npm test` runs first). */
export const CLI = path.join(REPO, 'dist/site/cli.mjs');

/** Runs `notepress build` (this repository's site, `docs/`) over a content folder into `outDir`; resolves with its exit code and output. */
export function buildSite(contentDir: string, outDir: string, o: { env?: Record<string, string>; siteDir?: string } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', ...(o.siteDir ? [o.siteDir] : []), '--content', contentDir, '--out', outDir], {
      cwd: REPO,
      env: { ...process.env, FORCE_COLOR: '0', ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * A `node_modules` for test notebooks: a link to each package this repository has
 * installed, and `notepress` linked to this repository itself, as `npm install` of its
 * tarball would place it. Made once, under `.cache/` (git-ignored).
 */
export function notebookModules(): string {
  const dir = path.join(REPO, '.cache', 'notebook-modules');
  if (existsSync(path.join(dir, 'notepress'))) return dir;
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(path.join(REPO, 'node_modules'))) {
    if (name === '.bin' || name === 'notepress' || existsSync(path.join(dir, name))) continue;
    symlinkSync(path.join(REPO, 'node_modules', name), path.join(dir, name), 'dir');
  }
  symlinkSync(REPO, path.join(dir, 'notepress'), 'dir');
  return dir;
}

/**
 * A notebook as a user has one, for the real-VS-Code tests: a copy of content/, and with
 * `site`, the starter's site files (`.vitepress/`), a `package.json` and the packages
 * installed (linked), so that Build Site runs for real. Under `.cache/` (git-ignored).
 */
export function makeWorkspace(o: { site: boolean }): string {
  mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  const ws = mkdtempSync(path.join(REPO, '.cache', 'ws-'));
  cpSync(path.join(REPO, 'content'), path.join(ws, 'content'), { recursive: true });
  if (o.site) {
    for (const f of starterFiles({ date: '2026-01-01' }).filter((x) => x.path.startsWith('.vitepress/'))) {
      mkdirSync(path.dirname(path.join(ws, f.path)), { recursive: true });
      writeFileSync(path.join(ws, f.path), f.text);
    }
    writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'notebook', private: true, type: 'module', dependencies: { notepress: 'file:../..' } }, null, 2));
    symlinkSync(notebookModules(), path.join(ws, 'node_modules'), 'dir');
  }
  return ws;
}

/**
 * A site folder whose config is the package's with `site` settings on top, under
 * `.cache/`: for builds that must differ in one VitePress setting. Build it with
 * `buildSite(content, out, { siteDir })`.
 */
export function siteWithOverrides(site: Record<string, unknown>): string {
  mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO, '.cache', 'site-'));
  for (const f of starterFiles({ date: '2026-01-01' }).filter((x) => x.path.startsWith('.vitepress/'))) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text.replace('defineNotepressConfig()', `defineNotepressConfig({ site: ${JSON.stringify(site)} })`));
  }
  return dir;
}

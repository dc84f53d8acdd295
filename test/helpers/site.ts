import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Runs `vitepress build docs` (or another site folder) over a content folder into `outDir`; resolves with its exit code and output. */
export function buildSite(contentDir: string, outDir: string, siteDir = 'docs'): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'node_modules/vitepress/bin/vitepress.js'), 'build', siteDir, '--outDir', outDir], {
      cwd: REPO,
      env: { ...process.env, NOTEPRESS_CONTENT: contentDir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * A site folder whose config is the real one with `overrides` on top (and the real
 * theme), under `.cache/`: for builds that must differ in one setting.
 */
export function siteWithOverrides(overrides: Record<string, unknown>): string {
  mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO, '.cache', 'docs-'));
  mkdirSync(path.join(dir, '.vitepress'));
  symlinkSync(path.join(REPO, 'docs/.vitepress/theme'), path.join(dir, '.vitepress/theme'), 'dir');
  writeFileSync(path.join(dir, '.vitepress/config.mts'),
    `import site from ${JSON.stringify(path.join(REPO, 'docs/.vitepress/config.mts'))};\nexport default async () => ({ ...(await site()), ...${JSON.stringify(overrides)} });\n`);
  return dir;
}

/**
 * A workspace like this repository, for the real-VS-Code tests: a copy of content/,
 * and with `site`, the VitePress project and the core it imports, with node_modules
 * linked, so that Build Site runs for real. Under `.cache/` (git-ignored).
 */
export function makeWorkspace(o: { site: boolean }): string {
  mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  const ws = mkdtempSync(path.join(REPO, '.cache', 'ws-'));
  cpSync(path.join(REPO, 'content'), path.join(ws, 'content'), { recursive: true });
  if (o.site) {
    const skip = (src: string) => !/[\\/]\.vitepress[\\/](dist|cache)$/.test(src);
    cpSync(path.join(REPO, 'docs'), path.join(ws, 'docs'), { recursive: true, filter: skip });
    cpSync(path.join(REPO, 'extension/core'), path.join(ws, 'extension/core'), { recursive: true });
    cpSync(path.join(REPO, 'package.json'), path.join(ws, 'package.json'));
    symlinkSync(path.join(REPO, 'node_modules'), path.join(ws, 'node_modules'), 'dir');
  }
  return ws;
}

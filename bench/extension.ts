/**
 * The extension in the real VS Code: activation time as VS Code itself reports it
 * (Developer: Show Running Extensions), against the built-in Markdown Language
 * Features activated in the same window; and the size of the bundle and the .vsix,
 * with what the bundle is made of.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { VSCode } from '../test/helpers/codeServer';
import { makeWorkspace } from '../test/helpers/site';
import { summarize } from './stats';

const repo = path.resolve(__dirname, '..');

function activationMs(rows: string[], name: string): number | undefined {
  const row = rows.find((r) => r.startsWith(`${name}\n`) || r.startsWith(`${name} `));
  const m = row && /Activation: (\d+)ms/.exec(row);
  return m ? Number(m[1]) : undefined;
}

export async function benchActivation(runs: number): Promise<{ ours: ReturnType<typeof summarize>; markdown: ReturnType<typeof summarize> }> {
  const ours: number[] = [];
  const markdown: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ws = makeWorkspace({ site: false });
    const vs = await VSCode.start({ folder: ws, trusted: true });
    try {
      await vs.showNotebook();
      await vs.openFile('content/notes/redis-single-threaded-event-loop.md');
      await vs.runCommand('Developer: Show Running Extensions');
      const list = vs.page.locator('.runtime-extensions-editor .monaco-list-row');
      let rows: string[] = [];
      for (let t = 0; t < 40; t++) {
        rows = await list.allInnerTexts();
        if (activationMs(rows, 'Notepress') !== undefined && activationMs(rows, 'Markdown Language Features') !== undefined) break;
        await vs.page.waitForTimeout(250);
      }
      const a = activationMs(rows, 'Notepress');
      const b = activationMs(rows, 'Markdown Language Features');
      if (a === undefined || b === undefined) throw new Error(`activation times not found:\n${rows.join('\n---\n')}`);
      ours.push(a);
      markdown.push(b);
    } finally {
      await vs.close();
      spawnSync('rm', ['-rf', ws]);
    }
  }
  return { ours: summarize(ours), markdown: summarize(markdown) };
}

/** Bytes of the minified bundle by source package: what loading the extension reads. */
export async function bundleMakeup(): Promise<{ total: number; parts: [string, number][] }> {
  const r = await esbuild.build({
    entryPoints: [path.join(repo, 'extension/extension.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'node20',
    external: ['vscode'], minify: true, write: false, metafile: true, outfile: 'out.js', logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0];
  const by = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.startsWith('extension/core') ? 'extension/core (ours)' : 'extension (ours)';
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return { total: out.bytes, parts: [...by].sort((a, b) => b[1] - a[1]) };
}

export function packageSizes(): { bundle: number; vsix: number } {
  const r = spawnSync('npm', ['run', 'package'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  return { bundle: statSync(path.join(repo, 'dist/extension.js')).size, vsix: statSync(path.join(repo, 'dist/notepress.vsix')).size };
}

// One cold preview render in a fresh process (VitePress's renderer is a per-process
// singleton, so "cold" can only be measured once per process). Prints milliseconds.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NoteRenderer } from '../extension/preview/noteRenderer';
import { noteText } from '../test/helpers/generate';

const repo = path.resolve(__dirname, '..');
const text = noteText(42, { proseWords: 3000, codeBlocks: 10, codeLines: 20, date: '2026-06-01' });
const t0 = performance.now();
new NoteRenderer(path.join(repo, 'content'), path.join(repo, 'node_modules/vitepress/dist/node/index.js'))
  .render(text, { absPath: path.join(repo, 'content/notes/bench.md'), relPath: 'notes/bench.md' })
  .then(() => process.stdout.write(`${performance.now() - t0}\n`));

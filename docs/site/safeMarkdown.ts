/**
 * Wraps VitePress's own transform of `.md` files, on both sides:
 * - before: the note's text as the core says VitePress may read it (`vitepressSource`:
 *   no `<!--@include:`, the frontmatter the core parsed, without `head` and `dir`);
 * - after: the include syntax put back as written, and page data made safe.
 *
 * VitePress writes each page's data into the page's Vue component as
 * `export const __pageData = JSON.parse("…")` inside a `<script>` block. A title or
 * summary holding `</script>` ends that block early: the page fails to compile (and a
 * list page carries every note's title). `escapePageData` writes `</script` inside that
 * string literal as `<\/script`, which JavaScript reads back as the same characters:
 * nothing is lost, and nothing can close the block.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'vite';
import { restoreIncludes, vitepressSource } from '../../extension/core/index';

const PAGE_DATA = /(export const __pageData = JSON\.parse\()("(?:[^"\\]|\\.)*")(\))/;
/** VitePress prefixes a dynamic route's text with its params. */
const PARAMS = /^__VP_PARAMS_START[^]+?__VP_PARAMS_END__/;

export function escapePageData(component: string): string {
  return component.replace(PAGE_DATA, (_, open: string, literal: string, close: string) => open + literal.replace(/<\/(script)/gi, '<\\/$1') + close);
}

/** The text VitePress is given for a file of the content folder (a dynamic route keeps its params prefix). */
export function safeSource(contentDir: string, file: string, code: string): string {
  const rel = path.relative(contentDir, file).split(path.sep).join('/');
  const params = PARAMS.exec(code)?.[0] ?? '';
  return params + vitepressSource(rel, code.slice(params.length));
}

type Transform = (this: unknown, code: string, id: string, options?: unknown) => unknown;

export function safeMarkdown(contentDir: string): Plugin {
  return {
    name: 'notepress:safe-markdown',
    configResolved(config) {
      const vitepress = config.plugins.find((p) => p.name === 'vitepress') as { transform?: Transform | { handler: Transform } } | undefined;
      const original = vitepress?.transform;
      if (!vitepress || !original) throw new Error('notepress: VitePress\'s plugin was not found, so notes cannot be made safe');
      const handler = typeof original === 'function' ? original : original.handler;
      const wrapped: Transform = async function (this: unknown, code, id, options) {
        if (!id.endsWith('.md')) return handler.call(this, code, id, options);
        const out = await handler.call(this, safeSource(contentDir, id, code), id, options);
        if (!out) return out;
        const after = (c: string) => escapePageData(restoreIncludes(c));
        if (typeof out === 'string') return after(out);
        const result = out as { code?: string };
        return typeof result.code === 'string' ? { ...result, code: after(result.code) } : out;
      };
      vitepress.transform = typeof original === 'function' ? wrapped : { ...original, handler: wrapped };
    },
  };
}

/**
 * VitePress's local search reads each page's file itself and applies includes before
 * rendering; this renders the same safe text instead (the `_render` search option).
 */
export function searchRender(contentDir: string) {
  return (_src: string, env: { path: string; frontmatter?: { search?: boolean } }, md: { render(src: string, env: unknown): string }): string => {
    const html = restoreIncludes(md.render(safeSource(contentDir, env.path, readFileSync(env.path, 'utf8')), env));
    return env.frontmatter?.search === false ? '' : html;
  };
}

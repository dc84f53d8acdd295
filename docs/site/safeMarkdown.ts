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

/**
 * A page's component, made once for a build's two bundles. VitePress bundles the site twice
 * at once (for the browser and for rendering the HTML), and each bundle turns every `.md`
 * into its Vue component. VitePress keeps the last 1,024 in memory for the second bundle;
 * past that, as the bundles drift apart, every page is rendered from markdown again
 * (measured: 1,100 notes took 1.43 times the CPU of 1,000). Here the second request for
 * the same file and text takes the first one's answer, pending or done, and the entry is
 * dropped once both have it. VitePress's own cache makes the same assumption: a page's
 * component does not depend on which bundle asks, except for `<script client>` blocks,
 * which the sanitizer never lets through; a component holding one is not shared.
 */
export function sharedPages(): (code: string, id: string, make: () => Promise<unknown>) => Promise<unknown> {
  const pending = new Map<string, Promise<unknown>>();
  return (code, id, make) => {
    const key = `${id}\0${code}`;
    const first = pending.get(key);
    if (first) {
      pending.delete(key);
      return first;
    }
    const made = make().then((out) => {
      if (typeof out === 'string' && /<script\b[^>]*\bclient\b/i.test(out)) pending.delete(key);
      return out;
    });
    pending.set(key, made);
    // A failure is the first asker's to report; the second asks again.
    made.catch(() => pending.delete(key));
    return made;
  };
}

export function safeMarkdown(contentDir: string, o: { isBuild?: boolean } = {}): Plugin {
  // In a build, one component per page for both bundles (the dev server has VitePress's cache).
  const page = o.isBuild ? sharedPages() : undefined;
  return {
    name: 'notepress:safe-markdown',
    configResolved(config) {
      const vitepress = config.plugins.find((p) => p.name === 'vitepress') as { transform?: Transform | { handler: Transform } } | undefined;
      const original = vitepress?.transform;
      if (!vitepress || !original) throw new Error('notepress: VitePress\'s plugin was not found, so notes cannot be made safe');
      const handler = typeof original === 'function' ? original : original.handler;
      const wrapped: Transform = async function (this: unknown, code, id, options) {
        if (!id.endsWith('.md')) return handler.call(this, code, id, options);
        const make = () => Promise.resolve(handler.call(this, safeSource(contentDir, id, code), id, options));
        const out = await (page ? page(code, id, make) : make());
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

/**
 * VitePress writes each page's data into the page's Vue component as
 * `export const __pageData = JSON.parse("…")` inside a `<script>` block. A title or
 * summary holding `</script>` ends that block early: the page fails to compile (and a
 * list page carries every note's title). This plugin wraps VitePress's own transform
 * and writes `</script` inside that string literal as `<\/script`, which JavaScript
 * reads back as the same characters: nothing is lost, and nothing can close the block.
 */
import type { Plugin } from 'vite';

const PAGE_DATA = /(export const __pageData = JSON\.parse\()("(?:[^"\\]|\\.)*")(\))/;

export function escapePageData(component: string): string {
  return component.replace(PAGE_DATA, (_, open: string, literal: string, close: string) => open + literal.replace(/<\/(script)/gi, '<\\/$1') + close);
}

type Transform = (this: unknown, code: string, id: string, options?: unknown) => unknown;

export function safePageData(): Plugin {
  return {
    name: 'notepress:safe-page-data',
    configResolved(config) {
      const vitepress = config.plugins.find((p) => p.name === 'vitepress') as { transform?: Transform | { handler: Transform } } | undefined;
      const original = vitepress?.transform;
      if (!vitepress || !original) throw new Error('notepress: VitePress\'s plugin was not found, so page data cannot be made safe');
      const handler = typeof original === 'function' ? original : original.handler;
      const wrapped: Transform = async function (this: unknown, code, id, options) {
        const out = await handler.call(this, code, id, options);
        if (!id.endsWith('.md') || !out) return out;
        if (typeof out === 'string') return escapePageData(out);
        const result = out as { code?: string };
        return typeof result.code === 'string' ? { ...result, code: escapePageData(result.code) } : out;
      };
      vitepress.transform = typeof original === 'function' ? wrapped : { ...original, handler: wrapped };
    },
  };
}

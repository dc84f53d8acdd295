/**
 * The one markdown setup. The site passes these options and this plugin to VitePress
 * (`markdown.config`), and the extension's preview applies them to its own renderer,
 * so a note renders to the same HTML in both.
 */

/**
 * The parts of a markdown-it instance this plugin touches. Structural, so the same
 * plugin accepts VitePress's instance and the extension's without a type import
 * of either (markdown-it's typings differ between their CommonJS and ESM forms).
 */
export interface MarkdownItLike {
  renderer: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- markdown-it's Token type differs between its typings' forms
    rules: Record<string, any>;
    renderInline(tokens: any[], options: any, env: any): string;
  };
  core: { ruler: { push(name: string, rule: (state: { tokens: any[]; env: any }) => void): void } };
  render(src: string, env?: any): string;
}
import { HtmlBalancer, isDroppedTag } from './sanitize';

/** Shiki themes for code, switched by the `.dark` class. The "-default" GitHub themes, because their comment colours pass WCAG AA contrast and the older ones do not. */
export const HIGHLIGHT_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** markdown-it options both renderers use. */
export const MARKDOWN_OPTIONS = { html: true, linkify: true, typographer: false } as const;

type Env = { __notepressHtml?: HtmlBalancer; notepressSourceLines?: boolean } & Record<string, unknown>;

/**
 * The markdown options of the site, in VitePress's form. The site config passes them
 * to VitePress, and the preview passes them to VitePress's own `createMarkdownRenderer`,
 * so both render a note with the same renderer, plugins and highlighter.
 */
export function siteMarkdownOptions() {
  return {
    ...MARKDOWN_OPTIONS,
    theme: HIGHLIGHT_THEMES,
    headers: { level: [2, 3] as number[] },
    config: (md: MarkdownItLike) => notepressMarkdown(md),
  };
}

/**
 * Makes raw HTML in notes safe and inert:
 * - every `html_block` and `html_inline` token goes through the allowlist sanitizer
 *   (this also replaces VitePress's rule that lifts `<script>` and `<style>` blocks
 *   out of a page and runs them);
 * - raw tags left open are closed at the end of their paragraph or of the note, so a
 *   stray `<div>` cannot break the page's template;
 * - `{{` is written as `&#123;&#123;`, so `{{ }}` in prose is text, not a Vue expression
 *   evaluated at build time. (Wrapping the body in `v-pre` would do the same, but it
 *   stops VitePress from stripping static content out of each page's JavaScript:
 *   measured, a note page's chunk grew from 2 KB to 28 KB.)
 */
export const notepressMarkdown = (md: MarkdownItLike): void => {
  // For the preview's scroll sync only: block elements carry the source line they
  // start on. The site never sets the flag, so its HTML has no such attributes.
  md.core.ruler.push('notepress_source_lines', (state) => {
    if (!state.env?.notepressSourceLines) return;
    const offset = Number(state.env.notepressLineOffset ?? 0);
    for (const t of state.tokens) {
      if (t.map && t.block && t.nesting >= 0 && t.type !== 'html_block') t.attrSet('data-line', String(t.map[0] + offset));
    }
  });
  const balancer = (env: Env): HtmlBalancer => (env.__notepressHtml ??= new HtmlBalancer());
  md.renderer.rules.html_block = (tokens: { content: string }[], idx: number, _o: unknown, env: Env) => balancer(env).fragment(tokens[idx].content);
  md.renderer.rules.html_inline = (tokens: { content: string }[], idx: number, _o: unknown, env: Env) => balancer(env).fragment(tokens[idx].content);

  const renderInline = md.renderer.renderInline.bind(md.renderer);
  md.renderer.renderInline = (tokens, options, env: Env) => {
    const mark = env.__notepressHtml?.depth ?? 0;
    const html = renderInline(dropInlineContent(tokens), options, env);
    return env.__notepressHtml ? html + env.__notepressHtml.closeTo(mark) : html;
  };

  const render = md.render.bind(md);
  md.render = (src: string, env: Env = {}) => {
    env.__notepressHtml = new HtmlBalancer();
    const html = render(src, env);
    const rest = env.__notepressHtml.closeTo(0);
    delete env.__notepressHtml;
    return (html + rest).replace(/\{\{/g, '&#123;&#123;');
  };
};

type InlineToken = { type: string; content: string };
const TAG = /^<\s*(\/)?\s*([a-zA-Z][\w-]*)/;

/**
 * Inline raw HTML arrives one tag per token, with markdown text tokens between them,
 * so `<svg><script>x</script></svg>` inside a paragraph needs the tokens between a
 * dropped element's open and close removed here, not by the per-fragment sanitizer.
 */
function dropInlineContent<T extends InlineToken>(tokens: T[]): T[] {
  let depth = 0;
  const out: T[] = [];
  for (const t of tokens) {
    const m = t.type === 'html_inline' ? TAG.exec(t.content) : null;
    if (m && isDroppedTag(m[2])) {
      if (m[1]) depth = Math.max(0, depth - 1);
      else if (!/\/\s*>$/.test(t.content)) depth++;
      continue;
    }
    if (depth === 0) out.push(t);
  }
  return depth === 0 && out.length === tokens.length ? tokens : out;
}
